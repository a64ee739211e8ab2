// <matter-form> on a device that may be shared (SPEC §5 `archive` unset: the page's default
// archive, in the browser's real IndexedDB): drafts are kept, but answers and documents are
// kept for later matters only when the person ticks "remember on this device" on the review
// step. An explicit archive is the host's word that the device is the person's own.
import { expect, fixture, html } from '@open-wc/testing';
import { createArchive, type Archive } from '@matterform/archive';
import { MatterForm, type Receipt } from './matter-form.js';
import { mockGateways, sampleCatalogue, sampleMatter } from './form.test-helpers.js';
import { button, complete, settle, shadow, until, walk } from '../matter-walk.test-helpers.js';
import type { MatterStatus } from '../status/matter-status.js';
import '../define.js';
import '../define-status.js';

const F = { kind: 'person' as const, id: '430121198209120286' }; // 合成申请人己, runs a corner shop
const EMPLOYER = '长沙合成示例运输有限公司';
const DAY_MS = 24 * 60 * 60 * 1000;

let archives: Archive[] = [];
let serial = 0;

/** A fresh database made the page's default archive: what every form here uses with `archive` unset. */
function sharedArchive(now?: () => Date): { archive: Archive; name: string } {
  const name = `shared-device-${Date.now()}-${serial++}`;
  const archive = createArchive({ name, persist: false, ...(now ? { now } : {}) });
  archives.push(archive);
  MatterForm.defaultArchive = archive;
  return { archive, name };
}

afterEach(async () => {
  for (const el of document.querySelectorAll('matter-form, matter-status')) el.remove();
  // A removed form saves its draft on the way out: let that land before the archive goes.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const archive of archives) await archive.clear();
  archives = [];
  MatterForm.defaultArchive = false;
});

const remember = (el: MatterForm) => shadow(el).querySelector<HTMLInputElement>('#matter-remember');
const keepSensitive = (el: MatterForm) => shadow(el).querySelector<HTMLInputElement>('#matter-keep-sensitive');
const onReview = (el: MatterForm) => shadow(el).querySelector('dl.review') !== null;

/** Types the employer where the step has that field (the walk would leave it empty). */
async function giveEmployer(el: MatterForm): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_employer');
  if (!input || input.value) return;
  input.value = EMPLOYER;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(el);
}

/** A form for 己 and a matter, drawn and prefilled; `archive` undefined leaves it unset. */
async function openForm(matterId: string, archive?: Archive | false): Promise<MatterForm> {
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

/** The draft of this matter once the form has saved one (a moment after typing). */
function savedDraft(archive: Archive, matter: string) {
  return until('the draft', async () => (await archive.draft(F, matter)) ?? undefined);
}

/** 己's second matter: what it filled from earlier answers, and what its photo is satisfied by. */
async function nextMatter(): Promise<{ employer: unknown; provider: string | undefined; photo: string | undefined }> {
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

describe('<matter-form> on a shared device: remembering is the person’s choice', function () {
  this.timeout(120000);

  it('keeps no answer or document for later when the box is left unticked, and the next form gets none', async () => {
    const { archive } = sharedArchive();
    let box: { checked: boolean; label: string; hint: string } | undefined;
    const first = await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      onStep: async (el) => {
        await giveEmployer(el);
        if (!onReview(el)) return;
        const input = remember(el);
        box = {
          checked: input?.checked ?? true,
          label: input?.closest('label')?.textContent?.trim() ?? '',
          hint: shadow(el).getElementById(input?.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        };
        // The sensitive opt-in waits under the box, shown once it is ticked.
        expect(keepSensitive(el), 'no sensitive opt-in before "remember" is ticked').to.equal(null);
        await expect(el).to.be.accessible();
      },
    });
    expect(first.receipt.submission.data.employer).to.equal(EMPLOYER);
    expect(box?.label).to.equal('在本设备上记住我的回答和材料，供以后办事使用');
    expect(box?.checked, 'unticked by default').to.equal(false);
    expect(box?.hint).to.contain('公用或他人的电脑');

    expect(await archive.answers(F), 'no answer kept').to.deep.equal({});
    expect(await archive.documents(F), 'no document kept').to.deep.equal([]);
    expect(await archive.draft(F, 'road-transport-qualification-renewal'), 'the draft went').to.equal(undefined);
    // What <matter-status> follows is kept: the reference, never the answers.
    expect((await archive.sent(F)).map((s) => s.reference)).to.deep.equal([first.receipt.reference]);

    // The next person at this browser who knows 己's ID number opens a form for her: nothing of hers.
    const next = await nextMatter();
    expect(next.employer, 'the employer is not filled in').to.equal(undefined);
    expect(next.photo, 'her photo is not on the device').to.not.equal('archive');
  });

  it('keeps them when the person ticks the box, and the next form offers them', async () => {
    const { archive } = sharedArchive();
    await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      onStep: async (el) => {
        await giveEmployer(el);
        if (!onReview(el)) return;
        remember(el)?.click();
        await settle(el);
        expect(remember(el)?.checked).to.equal(true);
        // Her ID number is sensitive: a second, separate opt-in, left unticked.
        expect(keepSensitive(el)?.checked).to.equal(false);
        await expect(el).to.be.accessible();
      },
    });
    const kept = await archive.answers(F);
    expect(kept['person.employer']?.value).to.equal(EMPLOYER);
    expect(kept['person.idNumber'], 'sensitive: not without its own box').to.equal(undefined);
    expect((await archive.documents(F)).map((d) => d.material)).to.deep.equal(['photo-1inch']);

    const next = await nextMatter();
    expect(next.employer).to.equal(EMPLOYER);
    expect(next.provider).to.equal('archive');
    expect(next.photo).to.equal('archive');
  });

  it('keeps them with no box when the host passes an archive (a personal device)', async () => {
    sharedArchive();
    const own = createArchive({ name: `own-device-${Date.now()}-${serial++}`, persist: false });
    archives.push(own);
    let boxes: { remember: boolean; sensitive: boolean } | undefined;
    await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      archive: own,
      onStep: async (el) => {
        await giveEmployer(el);
        if (!onReview(el)) return;
        boxes = { remember: remember(el) !== null, sensitive: keepSensitive(el) !== null };
        await expect(el).to.be.accessible();
      },
    });
    expect(boxes, 'only the sensitive opt-in').to.deep.equal({ remember: false, sensitive: true });
    expect((await own.answers(F))['person.employer']?.value).to.equal(EMPLOYER);
    expect((await own.documents(F)).map((d) => d.material)).to.deep.equal(['photo-1inch']);
  });

  it('shows neither box with archive = false', async () => {
    MatterForm.defaultArchive = false;
    const { el } = await walk('road-transport-qualification-renewal', 'first', false, { subject: F });
    expect(onReview(el)).to.equal(true);
    expect(remember(el)).to.equal(null);
    expect(keepSensitive(el)).to.equal(null);
  });

  it('unticking "remember" takes back the sensitive opt-in under it', async () => {
    const { archive } = sharedArchive();
    const { el } = await walk('road-transport-qualification-renewal', 'first', false, { subject: F });
    remember(el)?.click();
    await settle(el);
    keepSensitive(el)?.click();
    remember(el)?.click();
    await settle(el);
    expect(keepSensitive(el)).to.equal(null);
    remember(el)?.click();
    await settle(el);
    expect(keepSensitive(el)?.checked, 'ticking again starts from nothing sensitive').to.equal(false);
    remember(el)?.click();
    await settle(el);
    await el.submit();
    expect(await archive.answers(F)).to.deep.equal({});
  });
});

describe('<matter-form> on a shared device: drafts', function () {
  this.timeout(120000);
  const MATTER = 'individual-business-registration';

  async function type(el: MatterForm, value: string): Promise<void> {
    const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await settle(el);
  }

  /** Waits for the form's look for a draft to be answered: the offer, or none after the archive view is here. */
  async function offer(el: MatterForm): Promise<Element | null> {
    // The draft is looked for before the prefill's archive answers are read: by then it is known.
    await settle(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await settle(el);
    return shadow(el).querySelector('[part~="draft-offer"]');
  }

  it('keeps a draft without asking, and does not offer one saved more than 30 days ago', async () => {
    const clock = { at: Date.parse('2026-11-01T09:00:00Z') };
    const { archive, name } = sharedArchive(() => new Date(clock.at));
    const el = await openForm(MATTER);
    await type(el, 'kept.for.a.while@example.com');
    await savedDraft(archive, MATTER);
    el.remove();

    // 29 days on, the same database (another page's archive object): still there.
    clock.at += 29 * DAY_MS;
    const later = createArchive({ name, persist: false, now: () => new Date(clock.at) });
    archives.push(later);
    expect(await later.draft(F, MATTER), 'kept within 30 days').to.not.equal(undefined);

    // 31 days after the last save: gone.
    clock.at += 2 * DAY_MS;
    const months = createArchive({ name, persist: false, now: () => new Date(clock.at) });
    archives.push(months);
    MatterForm.defaultArchive = months;
    const late = await openForm(MATTER);
    // (A boolean: chai would print the whole element on a failure.)
    expect((await offer(late)) !== null, 'not offered after 30 days').to.equal(false);
    expect(shadow(late).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value).to.equal('');
    expect(await months.draft(F, MATTER)).to.equal(undefined);
  });

  it('drops the draft once the submission is in the outbox, and <matter-status> still follows it', async () => {
    const { archive } = sharedArchive();
    const { url } = await mockGateways();
    const { el } = await walk(MATTER, 'first', false, { subject: F });
    await savedDraft(archive, MATTER);
    // The gateway is down for this one submission: it waits in the outbox.
    const outage = await fetch(`${url}/__mock/outage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ subject: F.id, matter: MATTER, mode: 'refuse', times: 1 }),
    });
    expect(outage.status).to.equal(204);
    const delivered = new Promise<Receipt>((resolve) =>
      el.addEventListener('matter-submitted', (e) => resolve((e as CustomEvent<Receipt>).detail), { once: true }),
    );
    await el.submit().catch(() => undefined);
    const [queued] = await archive.queued(F);
    expect(queued?.submission.matter.id, 'the outbox holds it').to.equal(MATTER);
    expect(await archive.draft(F, MATTER), 'the draft went').to.equal(undefined);

    // A form opened for the same matter meanwhile offers no half-done twin of it.
    const other = await openForm(MATTER);
    expect((await offer(other)) !== null, 'no draft offered').to.equal(false);
    other.remove();

    const receipt = await delivered;
    expect(await archive.queued(F)).to.deep.equal([]);
    expect(await archive.answers(F), 'not remembered: the box was left unticked').to.deep.equal({});
    const status = await fixture<MatterStatus>(
      html`<matter-status
        lang="zh-CN"
        action=${`${url}/submissions`}
        .subject=${{ ...F, token: `demo:${F.id}` }}
      ></matter-status>`,
    );
    await until('the case listed', () =>
      (status.shadowRoot?.textContent ?? '').includes(receipt.reference) ? true : undefined,
    );
  });

  it('keeps the draft again when the gateway refuses a queued submission', async () => {
    const { archive } = sharedArchive();
    const { el } = await walk(MATTER, 'first', false, { subject: F });
    await savedDraft(archive, MATTER);
    const original = window.fetch;
    // The gateway refuses this submission for good (422), as a back office that finds a fault does.
    window.fetch = (input, init) =>
      init?.method === 'POST' && String(input).endsWith('/submissions')
        ? Promise.resolve(
            new Response(
              JSON.stringify({ errors: [{ pointer: '/operator/email', code: 'refused', message: '邮箱无法送达' }] }),
              { status: 422, headers: { 'Content-Type': 'application/json' } },
            ),
          )
        : original(input, init);
    try {
      await el.submit().catch(() => undefined);
    } finally {
      window.fetch = original;
    }
    expect(await archive.queued(F)).to.deep.equal([]);
    const draft = await savedDraft(archive, MATTER);
    expect(Object.keys(draft.data), 'what she typed is on the device to correct').not.to.be.empty;
  });

  it('forgets the draft and every kept answer with "forget me" (clear())', async () => {
    const { archive } = sharedArchive();
    await archive.keepAnswers(F, { 'person.employer': EMPLOYER });
    const el = await openForm(MATTER);
    await type(el, 'forget.me@example.com');
    await savedDraft(archive, MATTER);
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));

    await archive.clear();
    const again = await openForm(MATTER);
    expect((await offer(again)) !== null, 'no draft offered').to.equal(false);
    expect(await archive.answers(F)).to.deep.equal({});
    expect(await archive.draft(F, MATTER)).to.equal(undefined);
  });
});
