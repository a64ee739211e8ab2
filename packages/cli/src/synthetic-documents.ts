/**
 * Small, genuine files for the mock gateway's archived documents (SPEC §6 `GET /archive`):
 * fixtures name a document but hold no bytes, and a client that downloads one should get a
 * file of the stated type that a viewer opens.
 */

export interface SyntheticDocument {
  type: string;
  bytes: Uint8Array;
}

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

/**
 * A file for an archived document: the stated `type`, else one inferred from the name's
 * extension, else PDF. A type none of the generators writes gets a text file, typed
 * `text/plain` (the listing names the type that is served, never a false one).
 */
export function syntheticDocument(type: string | undefined, name: string, material: string): SyntheticDocument {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const wanted = (type ?? EXTENSION_TYPES[extension] ?? 'application/pdf').toLowerCase();
  const note = `Synthetic document for material ${material}, served by the matterform mock gateway.`;
  switch (wanted) {
    case 'image/jpeg':
      return { type: wanted, bytes: jpeg() };
    case 'image/png':
      return { type: wanted, bytes: base64(PNG) };
    case 'application/pdf':
      return { type: wanted, bytes: pdf(note) };
    default:
      return { type: 'text/plain', bytes: new TextEncoder().encode(note + '\n') };
  }
}

/** A 1×1 grey PNG (greyscale, 8 bits). */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR42mO4CQAA2wDayV3H9QAAAABJRU5ErkJggg==';

function base64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * An 8×8 mid-grey baseline JPEG (ITU T.81): one component, every coefficient zero, with
 * one-symbol Huffman tables so the whole scan is two bits — DC difference 0, then end of block.
 */
function jpeg(): Uint8Array {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const oneSymbolTable = (tableClass: number) => [tableClass << 4, 1, ...new Array<number>(15).fill(0), 0];
  return Uint8Array.from([
    0xff,
    0xd8, // SOI
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]), // DQT: table 0, all ones
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8 bits, 8×8, one component
    ...segment(0xc4, oneSymbolTable(0)), // DHT: DC table 0, code "0" → category 0
    ...segment(0xc4, oneSymbolTable(1)), // DHT: AC table 0, code "0" → EOB
    ...segment(0xda, [1, 1, 0, 0, 63, 0]), // SOS
    0x3f, // "00" then padding ones
    0xff,
    0xd9, // EOI
  ]);
}

/** A one-page A4 PDF 1.4 saying what it is, with a correct cross-reference table. */
function pdf(text: string): Uint8Array {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 56 780 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is ASCII (material ids are slugs), so string offsets are byte offsets.
  return new TextEncoder().encode(out);
}
