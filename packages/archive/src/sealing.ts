// Everything the archive keeps is sealed with AES-GCM under a key that never leaves the
// browser: generated here, non-extractable, stored in the same database. That protects the
// disk and other origins; someone holding the browser profile (or running script on this
// origin) can still ask the browser to open it — see the README's threat model.

/** What a sealed value looks like at rest: a fresh 96-bit IV and the ciphertext. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export interface DeviceKeys {
  /** AES-GCM 256, non-extractable: seals every value and document. */
  seal: CryptoKey;
  /** HMAC-SHA-256, non-extractable: turns subject ids into keys nobody can reverse by trying IDs. */
  name: CryptoKey;
}

export async function generateDeviceKeys(): Promise<DeviceKeys> {
  const [seal, name] = await Promise.all([
    crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { seal, name };
}

export async function sealBytes(keys: DeviceKeys, bytes: BufferSource): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.seal, bytes) };
}

export async function openBytes(keys: DeviceKeys, sealed: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, keys.seal, sealed.data);
}

export function sealJson(keys: DeviceKeys, value: unknown): Promise<Sealed> {
  return sealBytes(keys, new TextEncoder().encode(JSON.stringify(value)));
}

export async function openJson<T>(keys: DeviceKeys, sealed: Sealed): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await openBytes(keys, sealed))) as T;
}

/** The key a subject's records are stored under: hex HMAC of `kind:id`, never the id itself. */
export async function subjectKey(keys: DeviceKeys, subject: { kind: string; id: string }): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.name, new TextEncoder().encode(`${subject.kind}:${subject.id}`));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
