// Every sample matter, end to end, as a person completes it: the form prefills a synthetic
// applicant from the mock gateway, the test walks the steps with "保存并继续", answers what
// the error summary lists through the controls, uploads a made-up file to each material
// still needing one, submits, and checks what the gateway accepted.
import { expect, fixture, html } from '@open-wc/testing';
import {
  collectFields,
  compileSchema,
  getAt,
  type FieldInfo,
  type JsonSchemaObject,
  type Matter,
  type MaterialEntry,
  type Submission,
} from '@matterform/core';
import type { MatterPrefillDetail } from './events.js';
import type { MatterForm, Receipt } from './matter-form.js';
import { patternOf } from './form-state.js';
import { idFor, mergedSchema } from './present.js';
import { mockGateways, sampleCatalogue, unlabelledControls } from './form.test-helpers.js';
import { validValue } from './synthetic-values.test-helpers.js';
import './define.js';

const A = '430102199003150311'; // 合成申请人甲: ID card, driving licence, degrees, household register, home
const COMPANY_A = '91430100329458172U'; // 合成企业甲

/** The synthetic applicant each matter is made for (schemas/catalogue/fixtures.json). */
const APPLICANTS: Record<string, { id: string; kind: 'person' | 'organization' }> = {
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

const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;
const STATUSES = ['not-applicable', 'onsite', 'licence', 'data', 'uploaded', 'archive', 'expired', 'missing'];
const PROVIDER = /^(licence:[a-z0-9-]+|source:[a-z0-9-]+|archive)$/;

const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;

/** After a click or an edit: the render, the focus moves and lazily drawn parts that follow it. */
async function settle(el: MatterForm): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

function button(el: MatterForm, name: string): HTMLButtonElement {
  const found = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}" on step "${heading(el)}"`);
  return found;
}

const heading = (el: MatterForm) => shadow(el).querySelector('#matter-step-heading')?.textContent?.trim() ?? '';

function stepIndex(el: MatterForm): number {
  return [...shadow(el).querySelectorAll('.progress li')].findIndex((li) => li.getAttribute('aria-current') === 'step');
}

/** The ids the error summary links to, in its order. */
const summaryLinks = (el: MatterForm) =>
  [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')].map(
    (a) => a.getAttribute('href')?.slice(1) ?? '',
  );

/** The data pointer behind a control id (the inverse of `idFor('mf', pointer)`). */
const pointerOf = (id: string) =>
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
type Variant = 'first' | 'last';

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

async function fileFor(material: string, accept: readonly string[]): Promise<File> {
  if (accept.length === 0 || accept.includes('application/pdf'))
    return new File([pdf()], `${material}.pdf`, { type: 'application/pdf' });
  const type = accept.includes('image/jpeg') ? 'image/jpeg' : 'image/png';
  return new File([await image(type)], `${material}.${type === 'image/jpeg' ? 'jpg' : 'png'}`, { type });
}

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function until<T>(what: string, probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Chooses a file for every applicable material still missing (or expired) that takes uploads. */
async function uploadMissing(el: MatterForm, matter: Matter): Promise<Map<string, File>> {
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

interface Completed {
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

async function complete(matterId: string, variant: Variant, audit: boolean): Promise<Completed> {
  const catalogue = await sampleCatalogue();
  const matter = catalogue.matters.find((m) => m.id === matterId) as Matter;
  const { url } = await mockGateways();
  const { id: subjectId, kind } = APPLICANTS[matterId] as { id: string; kind: 'person' | 'organization' };
  expect(matter.audience ?? [kind], `${subjectId} fits the audience of ${matterId}`).to.include(kind);
  const el = await fixture<MatterForm>(
    html`<matter-form lang="zh-CN" consent="granted" gateway=${url} action=${`${url}/submissions`}></matter-form>`,
  );
  const prefills: MatterPrefillDetail[] = [];
  const errors: string[] = [];
  el.addEventListener('matter-prefill', (e) => prefills.push((e as CustomEvent<MatterPrefillDetail>).detail));
  el.addEventListener('matter-error', (e) => errors.push(JSON.stringify((e as CustomEvent).detail)));
  el.subject = { kind, id: subjectId, token: `demo:${subjectId}` };
  el.catalogue = catalogue;
  el.matter = matter;
  await until('matter-prefill', () => (prefills.length > 0 ? true : undefined), 10000);
  await settle(el);

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

/** Checks what was submitted against what the person and the providers gave. */
async function checkSubmission(matter: Matter, done: Completed): Promise<void> {
  const { receipt, prefills, uploaded, parts } = done;
  const submission: Submission = receipt.submission;
  expect(receipt.reference).to.match(REFERENCE);
  expect(submission.matter).to.deep.equal({ id: matter.id, version: matter.version });
  expect(submission.subject).to.deep.equal(APPLICANTS[matter.id]);
  expect(JSON.stringify(submission), 'the sign-in token is never submitted').to.not.include('demo:');
  const schemaCheck = compileSchema(matter.schema as JsonSchemaObject)(submission.data);
  expect(schemaCheck.errors.map((e) => `${e.pointer}: ${e.message['zh-CN']}`)).to.deep.equal([]);

  // Provenance: each prefilled value still there names the provider that filled it.
  const filled = prefills.flatMap((p) => p.filled);
  expect(filled.length, 'values filled from providers').to.be.greaterThan(0);
  for (const fill of filled) {
    const kept = getAt(submission.data, fill.pointer);
    if (JSON.stringify(kept) !== JSON.stringify(fill.value)) continue;
    expect(submission.provenance[fill.pointer]?.provider, `provenance of ${fill.pointer}`).to.equal(fill.provider);
    expect(submission.provenance[fill.pointer]?.locked).to.equal(fill.locked);
  }
  for (const [pointer, provenance] of Object.entries(submission.provenance)) {
    expect(provenance.provider, pointer).to.match(PROVIDER);
    expect(getAt(submission.data, pointer), `${pointer} has provenance, so it has a value`).to.not.equal(undefined);
    expect(Number.isNaN(Date.parse(provenance.fetchedAt)), `${pointer} fetchedAt`).to.equal(false);
  }

  // Materials: statuses SPEC §3.3 allows, nothing required left missing, files only on uploads.
  const byId = new Map(submission.materials.map((m: MaterialEntry) => [m.id, m]));
  for (const material of matter.materials ?? []) {
    const entry = byId.get(material.id);
    expect(entry, `material ${material.id}`).to.exist;
    expect(STATUSES, `${material.id} status`).to.include(entry?.status);
    if (material.required && entry?.status !== 'not-applicable')
      expect(['missing', 'expired'], `${material.id} is required`).to.not.include(entry?.status);
    if (entry?.by) expect(['licence', 'data', 'archive']).to.include(entry.status);
    if (entry?.files?.length) expect(entry.status, `${material.id} has files`).to.equal('uploaded');
  }

  // Uploaded files: their digests in the entries and as the multipart parts' names and bytes.
  const listed = submission.materials.flatMap((m) => (m.files ?? []).map((f) => ({ material: m.id, ...f })));
  for (const [material, file] of uploaded) {
    const digest = await sha256(file);
    expect(listed, `${material}'s file is listed`).to.deep.include({
      material,
      name: file.name,
      type: file.type,
      size: file.size,
      sha256: digest,
    });
  }
  const fileParts = [...parts.entries()].filter(([name]) => name !== 'submission');
  expect(fileParts.map(([name]) => name).sort()).to.deep.equal(listed.map((f) => f.sha256).sort());
  for (const [name, part] of fileParts) expect(await sha256(part as File), `part ${name}`).to.equal(name);
  const sent = JSON.parse(await (parts.get('submission') as File).text()) as Submission;
  expect(sent.idempotencyKey).to.equal(submission.idempotencyKey);

  expect(submission.payloads.map((p) => p.system)).to.deep.equal((matter.outputs ?? []).map((o) => o.system));
  for (const consent of submission.consents) expect(consent.givenTo).to.equal('host');

  // The gateway keeps it for the applicant to follow.
  const { url } = await mockGateways();
  const tracked = await fetch(`${url}/submissions/${receipt.reference}`, {
    headers: { Authorization: `Bearer demo:${APPLICANTS[matter.id]?.id}` },
  });
  expect(tracked.status, 'GET {action}/{reference}').to.equal(200);
}

describe('<matter-form>: every sample matter, completed and submitted', function () {
  this.timeout(120000);

  it('covers the whole sample catalogue', async () => {
    const ids = (await sampleCatalogue()).matters.map((m) => m.id).sort();
    expect(ids).to.deep.equal(Object.keys(APPLICANTS).sort());
  });

  for (const id of Object.keys(APPLICANTS))
    for (const variant of ['first', 'last'] as const) {
      it(`${id}, taking the ${variant} option of each choice${variant === 'last' ? ' and ticking every box' : ''}`, async () => {
        const matter = (await sampleCatalogue()).matters.find((m) => m.id === id) as Matter;
        const done = await complete(id, variant, true);
        await checkSubmission(matter, done);
        const el = document.querySelector('matter-form') as MatterForm;
        expect(shadow(el).querySelector('[part~="reference"]')?.textContent).to.equal(done.receipt.reference);
        await expect(el).to.be.accessible();
      });
    }
});
