// A person's walk through a <matter-form>, for the end-to-end tests: the form prefills a
// synthetic applicant from the mock gateway, the walk goes through the steps with "保存并继续",
// answers what the error summary lists through the controls, uploads a made-up file to each
// material still needing one, and submits.
import { expect, fixture, html } from '@open-wc/testing';
import { collectFields, mergedSchema, type FieldInfo, type JsonSchemaObject, type Matter } from '@matterform/core';
import type { Archive } from '@matterform/archive';
import type { MatterPrefillDetail } from './events.js';
import type { MatterForm, Receipt } from './form/matter-form.js';
import { patternOf } from './form/form-state.js';
import { idFor } from './present.js';
import { mockGateways, sampleCatalogue, unlabelledControls } from './form/form.test-helpers.js';
import { validValue } from './synthetic-values.test-helpers.js';
import './define.js';

const A = '430102199003150311'; // 合成申请人甲: ID card, driving licence, degrees, household register, home
const COMPANY_A = '91430100329458172U'; // 合成企业甲

/** The synthetic applicant each matter is made for (schemas/catalogue/fixtures.json). */
export const APPLICANTS: Record<string, { id: string; kind: 'person' | 'organization' }> = {
  'company-name-change': { id: COMPANY_A, kind: 'organization' },
  'driving-licence-renewal': { id: A, kind: 'person' },
  // 丙: the social-insurance interface answers 503, so its fields are typed.
  'flexible-employment-insurance': { id: '430624199411080151', kind: 'person' },
  'food-business-licence': { id: COMPANY_A, kind: 'organization' },
  'household-migration': { id: A, kind: 'person' },
  'household-register-replacement': { id: A, kind: 'person' },
  'housing-fund-withdrawal': { id: '43011119780130057X', kind: 'person' }, // 戊: pays into the housing fund
  'individual-business-registration': { id: '430121198209120286', kind: 'person' }, // 己: rents a shop front
  'lawyer-no-penalty-certificate': { id: '430103198507220469', kind: 'person' }, // 乙: a practising lawyer
  'residence-permit': { id: '430624199411080151', kind: 'person' }, // 丙: lives in 雨花区, renting
  'road-transport-qualification-renewal': { id: A, kind: 'person' },
  'teacher-qualification': { id: '430104200305200829', kind: 'person' }, // 丁: a new teaching graduate
  'tobacco-retail-licence': { id: '924301025820173627', kind: 'organization' }, // 合成个体户乙
};

export const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;

/** After a click or an edit: the render, the focus moves and lazily drawn parts that follow it. */
export async function settle(el: MatterForm): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

export function button(el: MatterForm, name: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}" on step "${heading(el)}"`);
  return found;
}

export const heading = (el: MatterForm) => shadow(el).querySelector('#matter-step-heading')?.textContent?.trim() ?? '';

export function stepIndex(el: MatterForm): number {
  return [...shadow(el).querySelectorAll('.progress li')].findIndex((li) => li.getAttribute('aria-current') === 'step');
}

/** The ids the error summary links to, in its order. */
export const summaryLinks = (el: MatterForm) =>
  [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')].map(
    (a) => a.getAttribute('href')?.slice(1) ?? '',
  );

/** The data pointer behind a control id (the inverse of `idFor('mf', pointer)`). */
export const pointerOf = (id: string) =>
  id.slice(2).replace(/_([0-9a-f]+)_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

/** The schema of the field at a concrete pointer: its FieldInfo, or for a list's plain item, the list's `items`. */
function schemaAt(matter: Matter, fields: Map<string, FieldInfo>, pointer: string): JsonSchemaObject {
  const root = matter.schema as JsonSchemaObject;
  const field = fields.get(patternOf(pointer, fields));
  if (field) return mergedSchema(root, field.schema);
  const list = fields.get(patternOf(pointer.slice(0, pointer.lastIndexOf('/')), fields));
  if (list && list.kind === 'array') return mergedSchema(root, list.schema.items as JsonSchemaObject);
  throw new Error(`no field at ${pointer}`);
}

async function choose(el: MatterForm, select: HTMLSelectElement, value: string): Promise<void> {
  select.focus();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/**
 * Two people: one takes the first option of every choice; the other takes the last and ticks
 * every yes/no box the form offers, which opens the branches, lists and materials behind them.
 */
export type Variant = 'first' | 'last';

/** What a person does to answer one field the error summary lists. */
async function answer(
  el: MatterForm,
  matter: Matter,
  fields: Map<string, FieldInfo>,
  pointer: string,
  variant: Variant,
): Promise<void> {
  const id = idFor('mf', pointer);
  const target = shadow(el).getElementById(id);
  if (!target) throw new Error(`the error summary names ${pointer}, which has no control`);
  const schema = schemaAt(matter, fields, pointer);
  if (target.localName === 'fieldset') {
    // A list short of items: add one with its "添加…" button; the new item's fields come next.
    const add = [...target.querySelectorAll<HTMLButtonElement>(':scope > button')].find((b) =>
      b.textContent?.trim().startsWith('添加'),
    );
    if (add) {
      add.click();
      await settle(el);
      return;
    }
    throw new Error(`the error summary names the group ${pointer}, not the fields in it`);
  }
  const value = validValue(schema);
  if (target instanceof HTMLSelectElement) {
    const code = String(value);
    if (schema.format === 'cn-region' || schema['x-widget'] === 'region') {
      // The region cascade: province, then city, then county, each drawn once the one above is chosen.
      for (const level of [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code]) {
        const select = [...shadow(el).querySelectorAll<HTMLSelectElement>(`select[id^="${id}"]`)].find((s) =>
          [...s.options].some((o) => o.value === level),
        );
        if (select && select.value !== level) await choose(el, select, level);
      }
    } else {
      // The generic select lists the options in schema order, after its "请选择".
      await choose(el, target, variant === 'first' ? '0' : String(target.options.length - 2));
    }
    return;
  }
  if (target instanceof HTMLInputElement && target.type === 'radio') {
    const radios = [...shadow(el).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${target.name}"]`)];
    (variant === 'first' ? target : (radios.at(-1) as HTMLInputElement)).click();
    await settle(el);
    return;
  }
  if (target instanceof HTMLInputElement && target.type === 'checkbox') {
    if (!target.checked) target.click();
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    for (let i = 1; i < minItems; i++) shadow(el).querySelector<HTMLInputElement>(`#${id}-${i}`)?.click();
    await settle(el);
    return;
  }
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    if (target.readOnly) throw new Error(`${pointer} is read-only, yet the error summary asks for it`);
    target.focus();
    target.value = String(value);
    target.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(el);
    return;
  }
  throw new Error(`${pointer}: no way to answer a <${target.localName}>`);
}

/** A small image drawn here, in the type asked for. */
async function image(type: 'image/png' | 'image/jpeg'): Promise<Blob> {
  const canvas = new OffscreenCanvas(60, 80);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.fillStyle = '#d8e4f0';
  context.fillRect(0, 0, 60, 80);
  context.fillStyle = '#345';
  context.fillRect(18, 14, 24, 30);
  return canvas.convertToBlob({ type, quality: 0.9 });
}

/** A one-page PDF saying it is a test document. */
function pdf(): Blob {
  const text = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return new Blob([text], { type: 'application/pdf' });
}

export async function fileFor(material: string, accept: readonly string[]): Promise<File> {
  if (accept.length === 0 || accept.includes('application/pdf'))
    return new File([pdf()], `${material}.pdf`, { type: 'application/pdf' });
  const type = accept.includes('image/jpeg') ? 'image/jpeg' : 'image/png';
  return new File([await image(type)], `${material}.${type === 'image/jpeg' ? 'jpg' : 'png'}`, { type });
}

export async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function until<T>(what: string, probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Chooses a file for every applicable material still missing (or expired) that takes uploads. */
export async function uploadMissing(el: MatterForm, matter: Matter): Promise<Map<string, File>> {
  const uploaded = new Map<string, File>();
  for (const entry of el.materials) {
    if (entry.status !== 'missing' && entry.status !== 'expired') continue;
    const material = matter.materials?.find((m) => m.id === entry.id);
    if (!material?.upload) continue;
    const input = shadow(el).querySelector<HTMLInputElement>(`#mm-${entry.id}`);
    if (!input) throw new Error(`material ${entry.id} is ${entry.status} but has no file input`);
    const file = await fileFor(entry.id, material.upload.accept ?? []);
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(`${entry.id} to be uploaded`, () =>
      el.materials.find((m) => m.id === entry.id)?.status === 'uploaded' ? true : undefined,
    );
    uploaded.set(entry.id, file);
  }
  await settle(el);
  return uploaded;
}

export interface Completed {
  receipt: Receipt;
  prefills: MatterPrefillDetail[];
  uploaded: Map<string, File>;
  parts: FormData;
  steps: string[];
}

/** Records the multipart body the form sends to the gateway. */
function recordSubmission(): { parts: Promise<FormData>; restore: () => void } {
  const original = window.fetch;
  let resolve: (body: FormData) => void = () => undefined;
  const parts = new Promise<FormData>((r) => (resolve = r));
  window.fetch = (input, init) => {
    if (init?.method === 'POST' && String(input).endsWith('/submissions') && init.body instanceof FormData)
      resolve(init.body);
    return original(input, init);
  };
  return { parts, restore: () => (window.fetch = original) };
}

/** Ticks every yes/no box not yet ticked on the step, until ticking opens no more. */
async function tickAll(el: MatterForm, matter: Matter, fields: Map<string, FieldInfo>): Promise<void> {
  for (let pass = 0; pass < 10; pass++) {
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((box) => {
      if (box.checked || box.getAttribute('aria-readonly') === 'true' || !box.id.startsWith('mf')) return false;
      const field = fields.get(patternOf(pointerOf(box.id), fields));
      return field !== undefined && mergedSchema(matter.schema as JsonSchemaObject, field.schema).type === 'boolean';
    });
    if (boxes.length === 0) return;
    for (const box of boxes) {
      box.click();
      await settle(el);
    }
  }
}

export interface WalkOptions {
  /** Another applicant than the matter's usual one. */
  subject?: { id: string; kind: 'person' | 'organization' };
  /** The form's archive (unset: none, as in every other element test). */
  archive?: Archive;
  /** Called once the form has prefilled, before the walk starts. */
  prefilled?: (el: MatterForm) => Promise<void> | void;
  /** Called on arriving at each step (its index), before anything on it is answered. */
  onStep?: (el: MatterForm, index: number) => Promise<void> | void;
}

export interface Walked {
  el: MatterForm;
  prefills: MatterPrefillDetail[];
  uploaded: Map<string, File>;
  steps: string[];
  /** The `matter-error` details so far, as JSON. */
  errors: string[];
}

/** Opens the matter for its applicant and walks to the review step, answering and uploading on the way. */
export async function walk(
  matterId: string,
  variant: Variant,
  audit: boolean,
  options: WalkOptions = {},
): Promise<Walked> {
  const catalogue = await sampleCatalogue();
  const matter = catalogue.matters.find((m) => m.id === matterId) as Matter;
  const { url } = await mockGateways();
  const { id: subjectId, kind } =
    options.subject ?? (APPLICANTS[matterId] as { id: string; kind: 'person' | 'organization' });
  expect(matter.audience ?? [kind], `${subjectId} fits the audience of ${matterId}`).to.include(kind);
  const el = await fixture<MatterForm>(
    html`<matter-form lang="zh-CN" consent="granted" gateway=${url} action=${`${url}/submissions`}></matter-form>`,
  );
  const prefills: MatterPrefillDetail[] = [];
  const errors: string[] = [];
  el.addEventListener('matter-prefill', (e) => prefills.push((e as CustomEvent<MatterPrefillDetail>).detail));
  el.addEventListener('matter-error', (e) => errors.push(JSON.stringify((e as CustomEvent).detail)));
  if (options.archive) el.archive = options.archive;
  el.subject = { kind, id: subjectId, token: `demo:${subjectId}` };
  el.catalogue = catalogue;
  el.matter = matter;
  await until('matter-prefill', () => (prefills.length > 0 ? true : undefined), 10000);
  await settle(el);
  await options.prefilled?.(el);

  const fields = new Map(collectFields(matter.schema as JsonSchemaObject).map((f) => [f.pointer, f]));
  const fieldSteps = Math.max(1, matter.layout?.steps?.length ?? 0);
  const steps: string[] = [];
  const audited = new Set<number>();
  let uploaded = new Map<string, File>();
  let stuck = '';
  for (let round = 0; ; round++) {
    if (round > 80) throw new Error(`${matterId}: still on "${heading(el)}" after ${round} rounds`);
    const index = stepIndex(el);
    if (!audited.has(index)) {
      audited.add(index);
      steps.push(heading(el));
      if (variant === 'last' && index < fieldSteps) await tickAll(el, matter, fields);
      await options.onStep?.(el, index);
      if (audit) await expect(el).to.be.accessible();
      expect(unlabelledControls(el), `unlabelled controls on "${heading(el)}"`).to.deep.equal([]);
    }
    if (index === fieldSteps + 1) break;
    if (index === fieldSteps) uploaded = await uploadMissing(el, matter);
    button(el, '保存并继续').click();
    await settle(el);
    if (stepIndex(el) !== index) continue;
    const links = summaryLinks(el);
    if (links.length === 0) throw new Error(`${matterId}: "${heading(el)}" does not continue and says nothing`);
    const nowhere = links.filter((id) => !id.startsWith('mm-') && !shadow(el).getElementById(id)).map(pointerOf);
    if (nowhere.length > 0) throw new Error(`${matterId}: the error summary asks for ${nowhere.join(', ')}, not shown`);
    const summary = links.join(' ');
    if (summary === stuck) throw new Error(`${matterId}: answering ${links.map(pointerOf).join(', ')} changed nothing`);
    stuck = summary;
    // The summary follows each answer (a choice can open or close branches): work down it as it is now.
    const answered = new Set<string>();
    for (;;) {
      const next = summaryLinks(el).find((id) => !answered.has(id));
      if (next === undefined) break;
      answered.add(next);
      if (next.startsWith('mm-')) throw new Error(`${matterId}: material ${next.slice(3)} still blocks the step`);
      if (!shadow(el).getElementById(next))
        throw new Error(`${matterId}: the error summary links to ${pointerOf(next)}, which is not on the page`);
      await answer(el, matter, fields, pointerOf(next), variant);
    }
  }
  return { el, prefills, uploaded, steps, errors };
}

/** Walks to the review step, then submits and waits for the gateway's acknowledgement. */
export async function complete(
  matterId: string,
  variant: Variant,
  audit: boolean,
  options: WalkOptions = {},
): Promise<Completed> {
  const { el, prefills, uploaded, steps, errors } = await walk(matterId, variant, audit, options);
  const recorder = recordSubmission();
  try {
    const submitted = new Promise<Receipt>((resolve, reject) => {
      el.addEventListener('matter-submitted', (e) => resolve((e as CustomEvent<Receipt>).detail), { once: true });
      el.addEventListener('matter-error', (e) => reject(new Error(JSON.stringify((e as CustomEvent).detail))), {
        once: true,
      });
    });
    button(el, '提交申请').click();
    const receipt = await submitted;
    const parts = await recorder.parts;
    await settle(el);
    expect(errors, 'matter-error events').to.deep.equal([]);
    return { receipt, prefills, uploaded, parts, steps };
  } finally {
    recorder.restore();
  }
}
