// Shared by the tests of <matter-form> on a device that may be shared (SPEC §5 `archive`
// unset): fresh databases made the page's default archive, 己's forms, and what the archive
// holds once it answers.
import { fixture, html } from '@open-wc/testing';
import { createArchive, type Archive } from '@matterform/archive';
import { MatterForm, type Receipt } from './matter-form.js';
import { mockGateways, sampleCatalogue, sampleMatter } from './form.test-helpers.js';
import { settle, shadow, walk } from '../matter-walk.test-helpers.js';
import '../define.js';

export const F = { kind: 'person' as const, id: '430121198209120286' }; // 合成申请人己, runs a corner shop
export const EMPLOYER = '长沙合成示例运输有限公司';
export const DAY_MS = 24 * 60 * 60 * 1000;

let archives: Archive[] = [];
let serial = 0;

/** A fresh database made the page's default archive: what every form here uses with `archive` unset. */
export function sharedArchive(now?: () => Date): { archive: Archive; name: string } {
  const name = `shared-device-${Date.now()}-${serial++}`;
  const archive = createArchive({ name, persist: false, ...(now ? { now } : {}) });
  archives.push(archive);
  MatterForm.defaultArchive = archive;
  return { archive, name };
}

/** After each test: the forms and trackers go, then every archive made here, and forms keep nothing again. */
export async function forgetAll(): Promise<void> {
  for (const el of document.querySelectorAll('matter-form, matter-status')) el.remove();
  // A removed form saves its draft on the way out: let that land before the archive goes.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const archive of archives) await archive.clear();
  archives = [];
  MatterForm.defaultArchive = false;
}

/** An archive of the test's own (a host's explicit one), cleared with the rest. */
export function ownArchive(): Archive {
  const archive = createArchive({ name: `own-device-${Date.now()}-${serial++}`, persist: false });
  archives.push(archive);
  return archive;
}

/** Another page's archive object over the same database, with its clock; cleared with the rest. */
export function samePlace(name: string, now: () => Date): Archive {
  const archive = createArchive({ name, persist: false, now });
  archives.push(archive);
  return archive;
}

export const remember = (el: MatterForm) => shadow(el).querySelector<HTMLInputElement>('#matter-remember');
export const keepSensitive = (el: MatterForm) => shadow(el).querySelector<HTMLInputElement>('#matter-keep-sensitive');
export const onReview = (el: MatterForm) => shadow(el).querySelector('dl.review') !== null;

/** Types the employer where the step has that field (the walk would leave it empty). */
export async function giveEmployer(el: MatterForm): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_employer');
  if (!input || input.value) return;
  input.value = EMPLOYER;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(el);
}

/** A form for 己 and a matter, drawn and prefilled; `archive` undefined leaves it unset. */
export async function openForm(matterId: string, archive?: Archive | false): Promise<MatterForm> {
  const [matter, catalogue, { url }] = await Promise.all([sampleMatter(matterId), sampleCatalogue(), mockGateways()]);
  const el = await fixture<MatterForm>(
    html`<matter-form lang="zh-CN" consent="granted" gateway=${url} action=${`${url}/submissions`}></matter-form>`,
  );
  if (archive !== undefined) el.archive = archive;
  const prefilled = new Promise((resolve) => el.addEventListener('matter-prefill', resolve, { once: true }));
  el.subject = { ...F, token: `demo:${F.id}` };
  el.catalogue = catalogue;
  el.matter = matter;
  await prefilled;
  await settle(el);
  return el;
}

/** What `read` gives once it gives something (the archive answers asynchronously). */
export async function eventually<T>(what: string, read: () => Promise<T | undefined>, ms = 20000): Promise<T> {
  for (let waited = 0; ; waited += 20) {
    const found = await read();
    if (found !== undefined) return found;
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The draft of this matter once the form has saved one (a moment after typing). */
export function savedDraft(archive: Archive, matter: string) {
  return eventually('the draft', () => archive.draft(F, matter));
}

/** 己's second matter: what it filled from earlier answers, and what its photo is satisfied by. */
export async function nextMatter(): Promise<{
  employer: unknown;
  provider: string | undefined;
  photo: string | undefined;
}> {
  let seen = {
    employer: undefined as unknown,
    provider: undefined as string | undefined,
    photo: undefined as string | undefined,
  };
  const { el } = await walk('teacher-qualification', 'first', false, {
    subject: F,
    prefilled: (form) => {
      const filled = (form.value as { employer?: unknown }).employer;
      seen = { ...seen, employer: filled };
    },
  });
  const submission = await el.submit().then(
    (r) => ('submission' in r ? (r as Receipt).submission : r),
    () => undefined,
  );
  seen.provider = submission?.provenance['/employer']?.provider;
  seen.photo = el.materials.find((m) => m.id === 'photo-1inch')?.status;
  return seen;
}
