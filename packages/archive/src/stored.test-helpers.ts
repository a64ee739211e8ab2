// What an archive's database holds, as text, for the tests that look for plaintext in it.
import { openDB } from 'idb';

/** Every byte and string stored in the database, as text in the three ways one could read it. */
export async function everythingStored(name: string): Promise<string> {
  const db = await openDB(name);
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes =
        value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      parts.push(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
      parts.push(new TextDecoder('utf-16le', { fatal: false }).decode(bytes));
      parts.push(String.fromCharCode(...bytes));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && !(value instanceof CryptoKey)) {
      for (const [key, inner] of Object.entries(value)) {
        parts.push(key);
        walk(inner);
      }
    } else parts.push(String(value));
  };
  for (const store of db.objectStoreNames) {
    walk(await db.getAllKeys(store));
    walk(await db.getAll(store));
  }
  db.close();
  return parts.join('\n');
}
