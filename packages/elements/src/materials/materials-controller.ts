/**
 * The person's uploads for the materials of a matter (SPEC §3.3), as a lit reactive
 * controller: behaviour without a template, hosted by `<matter-form>` and
 * `<matter-materials>` alike, drawn by `renderMaterials` (materials-view.ts).
 *
 * It keeps the accepted files per material id with their SHA-256 (the name of each file's
 * multipart part, SPEC §6), refuses files the material's `upload` limits do not allow — with
 * a message naming the file and the limit — and shrinks an oversized photo until it fits
 * before refusing it. What was accepted is never dropped by a later refusal.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  evaluateMaterials,
  type ConditionTester,
  type Material,
  type MaterialEntry,
  type MaterialFile,
  type MaterialsInput,
  type MatterPlan,
} from '@matterform/core';
import { say, type Locale, type Message } from '../i18n/say.js';
import { materialsMessages } from '../i18n/materials.js';

/** Why a file was not accepted. */
export type UploadErrorCode = 'type' | 'size' | 'count' | 'duplicate' | 'unreadable';

export interface UploadError {
  /** The material the file was meant for. */
  material: string;
  /** The file's name, as the person chose it. */
  file: string;
  code: UploadErrorCode;
  /** Ready to show, in both locales; it names the file and the limit. */
  message: Message;
}

/** One accepted file. */
export interface UploadedFile {
  material: string;
  file: File;
  /** Lowercase hex SHA-256 of the file's bytes: the name of its part in the submission (SPEC §6). */
  sha256: string;
  /** Set when a photo was made smaller to fit `maxBytes`: what the person chose. */
  shrunkFrom?: { name: string; size: number };
}

export interface AddFilesResult {
  added: UploadedFile[];
  refused: UploadError[];
}

/** What `entries()` needs besides the uploads it holds. */
export interface MaterialsEntriesInput {
  plan: MatterPlan;
  /** The form's data; `when` conditions are tested against it. */
  data: unknown;
  /** What the providers answered (`fetchProviders`); absent before they do. */
  answers?: MaterialsInput['answers'];
  /** `YYYY-MM-DD`; default today (UTC). */
  today?: string;
  /** Tests the materials' `when`s: `MatterChecks.test` from `loadMatterChecks`. */
  test: ConditionTester;
}

// Digests by file object, for every controller: a file added, removed and added again (or
// offered to another material) is read and hashed once.
const digests = new WeakMap<File, Promise<string>>();

export class MaterialsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #uploads = new Map<string, readonly UploadedFile[]>();
  #errors = new Map<string, readonly UploadError[]>();
  /** Each material's files are judged one batch at a time, so `maxFiles` counts what is really there. */
  #queues = new Map<string, Promise<unknown>>();
  #pending = new Map<string, number>();
  /** Bumped by `reset()`: batches started before it land nowhere. */
  #generation = 0;
  #plan: MatterPlan | undefined;
  #previews = new Map<File, string>();
  #revoked = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Previews revoked on disconnect are made again: the host draws them anew. */
  hostConnected(): void {
    if (this.#revoked) this.#host.requestUpdate();
    this.#revoked = false;
  }

  /** Preview URLs hold the image in memory until revoked: a removed element keeps none. */
  hostDisconnected(): void {
    this.#revoked = this.#previews.size > 0;
    this.#revokePreviews();
  }

  /** The accepted files by material id, in the order they were added. */
  get uploads(): ReadonlyMap<string, readonly File[]> {
    return new Map([...this.#uploads].map(([id, files]) => [id, files.map((f) => f.file)]));
  }

  /** The accepted files of one material, with their digests. */
  uploaded(materialId: string): readonly UploadedFile[] {
    return this.#uploads.get(materialId) ?? [];
  }

  /** The files the last attempt for this material refused, until the next attempt or removal. */
  errors(materialId: string): readonly UploadError[] {
    return this.#errors.get(materialId) ?? [];
  }

  /** Whether files for this material are still being checked (read, hashed, shrunk). */
  pending(materialId: string): boolean {
    return (this.#pending.get(materialId) ?? 0) > 0;
  }

  /** Resolves when the host has drawn the latest change (for moving focus after a removal). */
  get updateComplete(): Promise<boolean> {
    return this.#host.updateComplete;
  }

  /**
   * Every material's entry (SPEC §3.3) with this controller's uploads. The plan is kept, so
   * `addFiles` can take a material id.
   */
  entries(input: MaterialsEntriesInput): MaterialEntry[] {
    this.#plan = input.plan;
    // Without a prototype: a material id is document text, and `__proto__` must stay a key.
    const uploads: Record<string, MaterialFile[]> = Object.create(null);
    for (const [id, files] of this.#uploads) {
      if (files.length > 0)
        uploads[id] = files.map(({ file, sha256 }) => ({
          name: file.name,
          type: typeOf(file),
          size: file.size,
          sha256,
        }));
    }
    const options: MaterialsInput = { data: input.data, uploads, test: input.test };
    if (input.answers !== undefined) options.answers = input.answers;
    if (input.today !== undefined) options.today = input.today;
    return evaluateMaterials(input.plan, options);
  }

  /**
   * Checks and keeps files for a material: its `upload.accept` (MIME type, or extension),
   * `maxBytes` (a `photo` is first made smaller) and `maxFiles`. Refused files get a message
   * in `errors(materialId)`; the accepted ones are added to what was there. `material` is the
   * material itself, or its id in the plan last given to `entries()`.
   */
  addFiles(material: Material | string, files: FileList | readonly File[]): Promise<AddFilesResult> {
    const found = typeof material === 'string' ? this.#material(material) : material;
    if (!found) return Promise.reject(new RangeError(`no material "${String(material)}" in the plan`));
    const id = found.id;
    const batch = [...files];
    const generation = this.#generation;
    this.#pending.set(id, (this.#pending.get(id) ?? 0) + 1);
    this.#host.requestUpdate();
    const run = (this.#queues.get(id) ?? Promise.resolve())
      .then(() => this.#judge(found, batch, generation))
      .finally(() => {
        this.#pending.set(id, Math.max(0, (this.#pending.get(id) ?? 1) - 1));
        this.#host.requestUpdate();
      });
    this.#queues.set(
      id,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Removes the file at `index` of a material's list (and the messages of its last attempt). */
  removeFile(materialId: string, index: number): void {
    const files = this.#uploads.get(materialId);
    const removed = files?.[index];
    if (!files || !removed) return;
    this.#uploads.set(
      materialId,
      files.filter((_, i) => i !== index),
    );
    this.#errors.delete(materialId);
    this.#revokePreview(removed.file);
    this.#host.requestUpdate();
  }

  /**
   * Every accepted file with its digest, for the submission's multipart parts. Given the
   * entries being submitted, only the files they list (a material that no longer applies, or
   * that a licence now satisfies, sends none).
   */
  files(entries?: readonly MaterialEntry[]): UploadedFile[] {
    const all = [...this.#uploads.values()].flat();
    if (!entries) return all;
    const listed = new Set(
      entries.flatMap((e) => (e.status === 'uploaded' ? (e.files ?? []).map((f) => `${e.id} ${f.sha256}`) : [])),
    );
    return all.filter((u) => listed.has(`${u.material} ${u.sha256}`));
  }

  /** An object URL showing an accepted image file, made on first use and revoked with the file. */
  preview(file: File): string | undefined {
    if (!typeOf(file).startsWith('image/')) return undefined;
    let url = this.#previews.get(file);
    if (!url) this.#previews.set(file, (url = URL.createObjectURL(file)));
    return url;
  }

  /** Forgets every upload and message; files still being checked are dropped when they finish. */
  reset(): void {
    this.#generation++;
    this.#uploads = new Map();
    this.#errors = new Map();
    this.#revokePreviews();
    this.#host.requestUpdate();
  }

  #material(id: string): Material | undefined {
    return this.#plan?.materials.find((m) => m.material.id === id)?.material;
  }

  async #judge(material: Material, batch: File[], generation: number): Promise<AddFilesResult> {
    const id = material.id;
    const { accept, maxBytes, maxFiles } = material.upload ?? {};
    const added: UploadedFile[] = [];
    const refused: UploadError[] = [];
    const refuse = (file: File, code: UploadErrorCode, message: Message) =>
      refused.push({ material: id, file: file.name, code, message });
    const held = () => [...(this.#uploads.get(id) ?? []), ...added];

    for (const chosen of batch) {
      if (!accepts(accept, chosen)) {
        refuse(
          chosen,
          'type',
          both(materialsMessages.wrongType, (lang) => ({ file: chosen.name, types: acceptLabel(accept, lang) })),
        );
        continue;
      }
      if (maxFiles !== undefined && held().length >= maxFiles) {
        refuse(
          chosen,
          'count',
          both(materialsMessages.tooMany, () => ({ file: chosen.name, max: maxFiles, files: filesWord(maxFiles) })),
        );
        continue;
      }
      let file = chosen;
      if (maxBytes !== undefined && chosen.size > maxBytes) {
        const smaller =
          material.kind === 'photo' && typeOf(chosen).startsWith('image/')
            ? await shrinkImage(chosen, maxBytes, accept)
            : undefined;
        if (!smaller) {
          const message = material.kind === 'photo' ? materialsMessages.photoTooLarge : materialsMessages.tooLarge;
          refuse(
            chosen,
            'size',
            both(message, (lang) => ({
              file: chosen.name,
              size: formatBytes(chosen.size, lang),
              max: formatBytes(maxBytes, lang),
            })),
          );
          continue;
        }
        file = smaller;
      }
      let sha256: string;
      try {
        sha256 = await digestOf(file);
      } catch {
        refuse(
          chosen,
          'unreadable',
          both(materialsMessages.unreadable, () => ({ file: chosen.name })),
        );
        continue;
      }
      if (held().some((u) => u.sha256 === sha256)) {
        refuse(
          chosen,
          'duplicate',
          both(materialsMessages.duplicate, () => ({ file: chosen.name })),
        );
        continue;
      }
      const upload: UploadedFile = { material: id, file, sha256 };
      if (file !== chosen) upload.shrunkFrom = { name: chosen.name, size: chosen.size };
      added.push(upload);
    }

    if (generation === this.#generation) {
      if (added.length > 0) this.#uploads.set(id, held());
      if (refused.length > 0) this.#errors.set(id, refused);
      else this.#errors.delete(id);
    }
    return { added, refused };
  }

  #revokePreview(file: File): void {
    const url = this.#previews.get(file);
    if (url) URL.revokeObjectURL(url);
    this.#previews.delete(file);
  }

  #revokePreviews(): void {
    for (const url of this.#previews.values()) URL.revokeObjectURL(url);
    this.#previews.clear();
  }
}

// ---------------------------------------------------------------------------------------
// Messages

function both(message: Message, params: (lang: Locale) => Record<string, string | number>): Message {
  return { 'zh-CN': say(message, 'zh-CN', params('zh-CN')), en: say(message, 'en', params('en')) };
}

// ---------------------------------------------------------------------------------------
// Types, sizes and limits in words (shared with the view)

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.jpe': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.heic': 'image/heic',
  '.heif': 'image/heif',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.pdf': 'application/pdf',
  '.ofd': 'application/ofd',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
};

const LABEL_BY_MIME: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/tiff': 'TIFF',
  'application/pdf': 'PDF',
  'application/ofd': 'OFD',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'text/plain': 'TXT',
};

/** `image/*` and its kin in words: `kindImage`, …; undefined for a kind without a name. */
function anyOfKind(kind: string, lang: Locale): string | undefined {
  const key = `kind${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  return Object.hasOwn(materialsMessages, key)
    ? say(materialsMessages[key as keyof typeof materialsMessages], lang)
    : undefined;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The file's MIME type; browsers give none for extensions they do not know, so it is then read from the extension. */
function typeOf(file: File): string {
  return (file.type || MIME_BY_EXTENSION[extensionOf(file.name)] || 'application/octet-stream').toLowerCase();
}

/** As the HTML `accept` attribute reads its list: MIME types, `type/*`, or `.extensions`. */
export function accepts(accept: readonly string[] | undefined, file: File): boolean {
  if (!accept || accept.length === 0) return true;
  const extension = extensionOf(file.name);
  const type = typeOf(file);
  return accept.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('.')) return entry === extension || MIME_BY_EXTENSION[entry] === type;
    if (entry.endsWith('/*')) return type.startsWith(entry.slice(0, -1));
    return entry === type;
  });
}

/** `JPG、PNG或PDF` / `JPG, PNG, or PDF`: the accepted types as people name them. */
export function acceptLabel(accept: readonly string[] | undefined, lang: Locale): string {
  const labels = new Set<string>();
  for (const raw of accept ?? []) {
    const entry = raw.trim().toLowerCase();
    if (entry.startsWith('.'))
      labels.add(LABEL_BY_MIME[MIME_BY_EXTENSION[entry] ?? ''] ?? entry.slice(1).toUpperCase());
    else if (entry.endsWith('/*')) labels.add(anyOfKind(entry.slice(0, -2), lang) ?? entry);
    else labels.add(LABEL_BY_MIME[entry] ?? entry);
  }
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format([...labels]);
}

/** "file" or "files" after a count, in the English messages (the Chinese ones have no plural). */
export function filesWord(count: number): string {
  return count === 1 ? 'file' : 'files';
}

/** `10 MB`, `512 KB`, `900 B` (binary multiples, as file managers show them). */
export function formatBytes(bytes: number, lang: Locale): string {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

// ---------------------------------------------------------------------------------------
// Digests and photos

function digestOf(file: File): Promise<string> {
  let digest = digests.get(file);
  if (!digest) {
    digest = file
      .arrayBuffer()
      .then((bytes) => crypto.subtle.digest('SHA-256', bytes))
      .then((hash) => [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    // A read that failed (the file moved on disk) may succeed when the person picks it again.
    digest.catch(() => digests.delete(file));
    digests.set(file, digest);
  }
  return digest;
}

const QUALITIES = [0.9, 0.8, 0.7, 0.6];
/** A shorter side below this is no longer a usable ID photo (a 1-inch photo at 300 dpi is 295 × 413). */
const MIN_SIDE = 240;
const ENCODABLE = ['image/jpeg', 'image/webp', 'image/png'];

/**
 * Re-encodes an image until it fits `maxBytes`: lower JPEG/WebP quality first, then smaller
 * dimensions, estimated from how far the last attempt missed. The output is the first of
 * JPEG, WebP, PNG the material accepts. Undefined when it cannot be decoded or never fits.
 */
async function shrinkImage(
  file: File,
  maxBytes: number,
  accept: readonly string[] | undefined,
): Promise<File | undefined> {
  const type = ENCODABLE.find((t) => accepts(accept, new File([], `x${extensionFor(t)}`, { type: t })));
  if (!type) return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  try {
    const qualities = type === 'image/png' ? [undefined] : QUALITIES;
    const shorter = Math.min(bitmap.width, bitmap.height);
    for (let scale = 1; ;) {
      let smallest = Infinity;
      for (const quality of qualities) {
        const blob = await encode(bitmap, scale, type, quality);
        // A browser that cannot write the type hands back a PNG instead.
        if (!blob || blob.type !== type) return undefined;
        if (blob.size <= maxBytes) {
          const name = file.name.replace(/\.[^.]*$/, '') + extensionFor(type);
          return new File([blob], name, { type, lastModified: file.lastModified });
        }
        smallest = Math.min(smallest, blob.size);
      }
      // Encoded size grows about with the pixel count, so scale by the square root of the miss.
      scale *= Math.min(0.9, Math.sqrt(maxBytes / smallest) * 0.95);
      if (shorter * scale < MIN_SIDE) return undefined;
    }
  } finally {
    bitmap.close();
  }
}

function extensionFor(type: string): string {
  return type === 'image/jpeg' ? '.jpg' : type === 'image/webp' ? '.webp' : '.png';
}

async function encode(
  bitmap: ImageBitmap,
  scale: number,
  type: string,
  quality: number | undefined,
): Promise<Blob | null> {
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  // OffscreenCanvas keeps the page out of it; Safari before 16.4 has none, so fall back to <canvas>.
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    draw(context, bitmap, width, height, type);
    return canvas.convertToBlob(quality === undefined ? { type } : { type, quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  draw(context, bitmap, width, height, type);
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

function draw(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  bitmap: ImageBitmap,
  width: number,
  height: number,
  type: string,
): void {
  // JPEG has no transparency: transparent pixels of a PNG would turn black, so paint white first.
  if (type === 'image/jpeg') {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}
