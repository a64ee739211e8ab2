// <matter-form> with the archive on this device (the browser's real IndexedDB): what a person
// gave once is offered again, what they typed survives, and a submission made while the
// gateway is unreachable is delivered once it is back — exactly once.
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import { Archive, createArchive } from '@matterform/archive';
import type { MatterForm, Receipt } from './matter-form.js';
import { mockGateways, sampleCatalogue, sampleMatter } from './form.test-helpers.js';
import { button, complete, settle, sha256, shadow, until, walk } from '../matter-walk.test-helpers.js';
import { everythingStored } from '../../../archive/src/stored.test-helpers.js';
import '../define.js';

const F = { kind: 'person' as const, id: '430121198209120286' }; // 合成申请人己, runs a corner shop

let archives: Archive[] = [];
let serial = 0;

function freshArchive(): { archive: Archive; name: string } {
  const name = `form-archive-${Date.now()}-${serial++}`;
  const archive = createArchive({ name, persist: false });
  archives.push(archive);
  return { archive, name };
}

afterEach(async () => {
  for (const form of document.querySelectorAll('matter-form')) form.remove();
  // A removed form saves its draft on the way out: let that land before the archive goes.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const archive of archives) await archive.clear();
  archives = [];
});

/** A form for one applicant and matter with an archive, drawn and prefilled. */
async function openForm(matterId: string, subject: typeof F, archive: Archive | false): Promise<MatterForm> {
  const [matter, catalogue, { url }] = await Promise.all([sampleMatter(matterId), sampleCatalogue(), mockGateways()]);
  const el = await fixture<MatterForm>(
    html`<matter-form lang="zh-CN" consent="granted" gateway=${url} action=${`${url}/submissions`}></matter-form>`,
  );
  el.archive = archive;
  const prefilled = new Promise((resolve) => el.addEventListener('matter-prefill', resolve, { once: true }));
  el.subject = { ...subject, token: `demo:${subject.id}` };
  el.catalogue = catalogue;
  el.matter = matter;
  await prefilled;
  await settle(el);
  return el;
}

interface AuditEntry {
  time: string;
  subject: string | null;
  method: string;
  route: string;
  status: number;
  reference?: string;
  purpose?: string;
}

/** This subject's submissions of this matter the gateway logged (other test files share it). */
async function submissionsLogged(subject: string, matter: string): Promise<AuditEntry[]> {
  const { url } = await mockGateways();
  const audit = (await (await fetch(`${url}/__mock/audit`)).json()) as AuditEntry[];
  return audit.filter(
    (e) => e.subject === subject && e.route === '/submissions' && e.method === 'POST' && e.purpose === matter,
  );
}

async function planOutage(subject: string, matter: string, mode: 'refuse' | 'lose-reply'): Promise<void> {
  const { url } = await mockGateways();
  const response = await fetch(`${url}/__mock/outage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ subject, matter, mode, times: 1 }),
  });
  expect(response.status).to.equal(204);
}

describe('<matter-form> with an archive: answers and documents given once', function () {
  this.timeout(90000);

  it("fills the next matter's field of the same concept from the archive, and reuses the uploaded photo", async () => {
    const { archive, name } = freshArchive();
    // Matter A: 己 renews a road transport qualification, giving her employer and uploading a photo.
    const first = await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      archive,
      onStep: async (el) => {
        // An optional field the walk would leave empty: she gives it.
        const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_employer');
        if (!input || input.value) return;
        input.value = '长沙合成示例运输有限公司';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await settle(el);
      },
    });
    const employer = first.receipt.submission.data.employer as string;
    expect(employer, 'the walk typed an employer').to.be.a('string').and.not.equal('');
    const photo = first.uploaded.get('photo-1inch') as File;
    expect(photo, 'the walk uploaded a photo').to.be.instanceOf(File);
    const kept = await (async () => {
      for (let i = 0; i < 100; i++) {
        const answers = await archive.answers(F);
        if (answers['person.employer']) return answers;
        await new Promise((r) => setTimeout(r, 20));
      }
      return archive.answers(F);
    })();
    expect(kept['person.employer']?.value).to.equal(employer);
    // Her ID number is sensitive: not kept, as she did not opt in.
    expect(kept['person.idNumber']).to.equal(undefined);
    expect(await everythingStored(name), 'kept encrypted').not.to.contain(employer);

    // Matter B: the same person applies for a teacher qualification.
    let materialsSeen: MatterForm | undefined;
    let badge = '';
    const second = await complete('teacher-qualification', 'first', false, {
      subject: F,
      archive,
      prefilled: (el) => {
        expect((el.value as { employer?: string }).employer, 'the employer is filled in').to.equal(employer);
      },
      onStep: (el) => {
        const shown = shadow(el).querySelector<HTMLInputElement>('#mf_2f_employer');
        if (shown) {
          expect(shown.value).to.equal(employer);
          badge = shown.closest('.field')?.querySelector('[part~="badge"]')?.textContent ?? '';
        }
        if (shadow(el).querySelector('[part~="archived-copy"]')) materialsSeen = el;
      },
    });
    expect(badge, 'the field says where its value came from').to.contain('您以往的申请');
    const submission = second.receipt.submission;
    expect(submission.provenance['/employer']?.provider).to.equal('archive');
    expect(submission.data.employer).to.equal(employer);

    // The photo is the archived copy: shown with a preview and a way to replace it, and sent.
    expect(materialsSeen, 'the materials step showed the archived copy').to.not.equal(undefined);
    const entry = submission.materials.find((m) => m.id === 'photo-1inch');
    const digest = await sha256(photo);
    expect(entry?.status).to.equal('archive');
    expect(entry?.by?.archive?.uploadedAt).to.be.a('string');
    expect(entry?.files?.map((f) => f.sha256)).to.deep.equal([digest]);
    expect(second.parts.get(digest), 'the photo travels with the submission').to.be.instanceOf(File);
    expect(second.uploaded.has('photo-1inch'), 'nothing was uploaded for it again').to.equal(false);
  });

  it('shows the archived copy with a preview and takes a replacement', async () => {
    const { archive } = freshArchive();
    const canvas = new OffscreenCanvas(30, 40);
    (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).fillRect(0, 0, 30, 40);
    const photo = new File([await canvas.convertToBlob({ type: 'image/jpeg' })], 'zhaopian.jpg', {
      type: 'image/jpeg',
    });
    await archive.keepDocument(F, { material: 'photo-1inch', file: photo, validUntil: '2099-01-01' });
    const el = await openForm('road-transport-qualification-renewal', F, archive);
    await until('the photo to be satisfied from the archive', () =>
      el.materials.find((m) => m.id === 'photo-1inch')?.status === 'archive' ? true : undefined,
    );
    // The materials step, reached the way a person can't skip to: the step list is the form's.
    (el as unknown as { _stepIndex: number })._stepIndex = (el.matter as Matter).layout?.steps?.length ?? 1;
    await settle(el);
    // The copy's file comes from the device a moment after the list of what the archive holds.
    const preview = await until(
      'the preview',
      () => shadow(el).querySelector('[part~="archived-copy"] img') ?? undefined,
    );
    expect(preview.getAttribute('src')).to.match(/^blob:/);
    expect(shadow(el).querySelector('[part~="archived-copy"]')?.textContent).to.contain('zhaopian.jpg');
    const input = shadow(el).querySelector<HTMLInputElement>('#mm-photo-1inch');
    expect(shadow(el).querySelector('label[for="mm-photo-1inch"]')?.textContent).to.contain('替换');
    await expect(el).to.be.accessible();

    const replacement = new File([await canvas.convertToBlob({ type: 'image/png' })], 'new.png', { type: 'image/png' });
    const transfer = new DataTransfer();
    transfer.items.add(replacement);
    (input as HTMLInputElement).files = transfer.files;
    input?.dispatchEvent(new Event('change', { bubbles: true }));
    await until('the replacement', () =>
      el.materials.find((m) => m.id === 'photo-1inch')?.status === 'uploaded' ? true : undefined,
    );
    expect(el.materials.find((m) => m.id === 'photo-1inch')?.files?.[0]?.name).to.equal('new.png');
  });
});

describe('<matter-form> with an archive: the outbox', function () {
  this.timeout(90000);
  const MATTER = 'household-register-replacement';

  /** 己 walks the matter to the review step; the test then submits as a person does. */
  async function ready(archive: Archive) {
    const walked = await walk(MATTER, 'first', false, { subject: F, archive });
    const events: { name: string; detail: unknown }[] = [];
    for (const name of ['matter-error', 'matter-submitted'])
      walked.el.addEventListener(name, (e) => events.push({ name, detail: (e as CustomEvent).detail }));
    return { ...walked, events };
  }

  for (const mode of ['refuse', 'lose-reply'] as const) {
    it(
      mode === 'refuse'
        ? 'keeps a submission made while the gateway is down, and delivers it once it is back'
        : 'delivers once when the first POST reached the gateway but its reply was lost',
      async () => {
        const { archive } = freshArchive();
        const { el, events } = await ready(archive);
        const before = await submissionsLogged(F.id, MATTER);
        await planOutage(F.id, MATTER, mode);
        const delivered = new Promise<Receipt>((resolve) =>
          el.addEventListener('matter-submitted', (e) => resolve((e as CustomEvent<Receipt>).detail), { once: true }),
        );
        button(el, '提交申请').click();
        await until('the submission to be queued', () =>
          events.some((e) => e.name === 'matter-error') ? true : undefined,
        );
        expect(events[0]).to.deep.include({ name: 'matter-error' });
        expect((events[0]?.detail as { code: string }).code).to.equal('submit-failed');
        await settle(el);
        const notice = shadow(el).querySelector('[role="alert"]')?.textContent ?? '';
        expect(notice).to.contain('已保存在本设备上');
        const [queued] = await archive.queued(F);
        expect(queued?.submission.matter.id).to.equal(MATTER);

        // Back up: the outbox tries again by itself (after ~2 s) with the same idempotency key.
        const receipt = await delivered;
        await settle(el);
        expect(shadow(el).querySelector('[part~="reference"]')?.textContent).to.equal(receipt.reference);
        expect(receipt.submission.idempotencyKey).to.equal(queued?.key);
        expect(await archive.queued(F), 'the outbox is empty').to.deep.equal([]);
        const logged = (await submissionsLogged(F.id, MATTER)).slice(before.length);
        const accepted = logged.filter((e) => e.status === 201);
        // Down: the first try left no trace. Lost reply: the first try was taken, the retry
        // got the same reference back — one application either way.
        expect(accepted.length).to.equal(mode === 'refuse' ? 1 : 2);
        expect(new Set(accepted.map((e) => e.reference))).to.deep.equal(new Set([receipt.reference]));
        expect(events.filter((e) => e.name === 'matter-submitted')).to.have.length(1);
      },
    );
  }

  it('waits with a 401 and sends once the page signs the same person in again', async () => {
    const { archive, name } = freshArchive();
    const { el, events } = await ready(archive);
    // She opts in to keeping her ID number on this device.
    const keep = shadow(el).querySelector<HTMLInputElement>('#matter-keep-sensitive');
    expect(keep?.checked, 'not kept unless she asks').to.equal(false);
    keep?.click();
    // The sign-in expired while she was filling in.
    el.subject = { ...F, token: 'expired-session' };
    await settle(el);
    button(el, '提交申请').click();
    await until('the 401', () => (events.some((e) => e.name === 'matter-error') ? true : undefined));
    expect((events[0]?.detail as { code: string }).code).to.equal('unauthorized');
    await settle(el);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('登录已失效');
    const [queued] = await archive.queued(F);
    expect(queued, 'nothing lost').to.not.equal(undefined);
    expect(JSON.stringify(queued), 'the token is never stored').not.to.contain('expired-session');

    const delivered = new Promise<Receipt>((resolve) =>
      el.addEventListener('matter-submitted', (e) => resolve((e as CustomEvent<Receipt>).detail), { once: true }),
    );
    el.subject = { ...F, token: `demo:${F.id}` };
    const receipt = await delivered;
    expect(receipt.submission.idempotencyKey).to.equal(queued?.key);
    expect(await archive.queued(F)).to.deep.equal([]);
    expect((await archive.answers(F))['person.idNumber']?.value, 'kept, as she asked').to.equal(F.id);
    expect(await everythingStored(name), 'and only ever encrypted').not.to.contain(F.id);
  });

  it('sends what an earlier page left in the outbox as soon as a form opens for that person', async () => {
    const { archive } = freshArchive();
    const { el } = await ready(archive);
    await planOutage(F.id, MATTER, 'refuse');
    await el.submit().catch(() => undefined);
    const [queued] = await archive.queued(F);
    expect(queued).to.not.equal(undefined);
    el.remove(); // the page is closed before the outbox tries again

    const next = await fixture<MatterForm>(html`<matter-form lang="zh-CN" consent="granted"></matter-form>`);
    const { url } = await mockGateways();
    next.gateway = url;
    next.archive = archive;
    const delivered = new Promise<Receipt>((resolve) =>
      next.addEventListener('matter-submitted', (e) => resolve((e as CustomEvent<Receipt>).detail), { once: true }),
    );
    next.subject = { ...F, token: `demo:${F.id}` };
    next.catalogue = (await sampleCatalogue()) as Catalogue;
    next.matter = await sampleMatter('individual-business-registration');
    const receipt = await delivered;
    expect(receipt.submission.idempotencyKey).to.equal(queued?.key);
    await settle(next);
    expect(shadow(next).textContent).to.contain(receipt.reference);
  });
});

describe('<matter-form> with an archive: drafts', function () {
  this.timeout(60000);

  it('saves what is typed and offers it back to a new form for the same person and matter', async () => {
    const { archive } = freshArchive();
    const el = await openForm('individual-business-registration', F, archive);
    const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email');
    expect(input, 'the shop name field').to.not.equal(null);
    (input as HTMLInputElement).value = 'zhou.haiyan@example.com';
    input?.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const saved = await (async () => {
      for (let i = 0; i < 100; i++) {
        const draft = await archive.draft(F, 'individual-business-registration');
        if (draft) return draft;
        await new Promise((r) => setTimeout(r, 20));
      }
      return undefined;
    })();
    expect(saved?.data).to.deep.equal({ operator: { email: 'zhou.haiyan@example.com' } });
    el.remove();

    const again = await openForm('individual-business-registration', F, archive);
    await until('the offer', () => shadow(again).querySelector('[part~="draft-offer"]') ?? undefined);
    expect(shadow(again).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value).to.equal('');
    await expect(again).to.be.accessible();
    button(again, '继续填写').click();
    await settle(again);
    expect(shadow(again).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value).to.equal(
      'zhou.haiyan@example.com',
    );
    expect(shadow(again).querySelector('[part~="draft-offer"]')).to.equal(null);
  });

  it('migrates a draft of an older version field by field and lists what no longer fits', async () => {
    const { archive } = freshArchive();
    const matter = await sampleMatter('individual-business-registration');
    await archive.saveDraft(F, {
      matter: { id: matter.id, version: '0.9.0' },
      data: { operator: { email: 'old.draft@example.com' }, shopSign: '旧字段的值' },
      state: {
        step: 0,
        typed: ['/operator/email', '/shopSign'],
        labels: { '/operator/email': '电子邮箱', '/shopSign': '店招文字' },
      },
    });
    const el = await openForm('individual-business-registration', F, archive);
    await until('the offer', () => shadow(el).querySelector('[part~="draft-offer"]') ?? undefined);
    button(el, '继续填写').click();
    await settle(el);
    expect(shadow(el).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value).to.equal(
      'old.draft@example.com',
    );
    const misfits = shadow(el).querySelector('[part~="draft-misfits"]');
    expect(misfits?.textContent).to.contain('店招文字').and.contain('旧字段的值');
    expect(shadow(el).activeElement?.id ?? misfits?.contains(shadow(el).activeElement)).to.not.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('does not overwrite another tab’s newer draft silently', async () => {
    const { archive, name } = freshArchive();
    const el = await openForm('individual-business-registration', F, archive);
    // Another tab: its own archive object over the same database, saving after this page opened.
    const otherTab = createArchive({ name, persist: false });
    const draft = await archive.draft(F, 'individual-business-registration');
    expect(draft).to.equal(undefined);
    await otherTab.saveDraft(
      F,
      {
        matter: { id: 'individual-business-registration', version: (el.matter as Matter).version },
        data: { operator: { email: 'other.tab@example.com' } },
        state: { step: 0, typed: ['/operator/email'], labels: { '/operator/email': '电子邮箱' } },
      },
      null,
    );
    await until('this page to hear of it', () => shadow(el).querySelector('[part~="draft-conflict"]') ?? undefined);
    otherTab.close();
    button(el, '载入那边的内容').click();
    await settle(el);
    expect(shadow(el).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value).to.equal(
      'other.tab@example.com',
    );
  });

  it('keeps nothing on the device with archive = false', async () => {
    const el = await openForm('individual-business-registration', F, false);
    const before = (await indexedDB.databases()).map((d) => d.name);
    const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email') as HTMLInputElement;
    input.value = 'nothing.kept@example.com';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 800));
    expect((await indexedDB.databases()).map((d) => d.name)).to.deep.equal(before);
    expect(shadow(el).querySelector('#matter-keep-sensitive')).to.equal(null);
  });

  it('reports a full disk as storage-quota, once, and goes on working', async () => {
    const { name } = freshArchive();
    // An archive whose disk is full: every save is refused as the browser refuses it.
    class FullArchive extends Archive {
      override saveDraft(): never {
        throw Object.assign(new Error('no room'), { name: 'ArchiveError', code: 'storage-quota' });
      }
    }
    const full = new FullArchive({ name, persist: false });
    archives.push(full);
    const el = fixtureSync<MatterForm>(html`<matter-form lang="zh-CN" consent="granted"></matter-form>`);
    const errors: string[] = [];
    el.addEventListener('matter-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
    el.archive = full;
    const { url } = await mockGateways();
    el.gateway = url;
    const prefilled = new Promise((resolve) => el.addEventListener('matter-prefill', resolve, { once: true }));
    el.subject = { ...F, token: `demo:${F.id}` };
    el.catalogue = await sampleCatalogue();
    el.matter = await sampleMatter('individual-business-registration');
    await prefilled;
    await settle(el);
    const input = shadow(el).querySelector<HTMLInputElement>('#mf_2f_operator_2f_email') as HTMLInputElement;
    input.value = 'no.room@example.com';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until('the report', () => (errors.includes('storage-quota') ? true : undefined));
    await settle(el);
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('存储空间不足');
    expect(input.value, 'what was typed stays').to.equal('no.room@example.com');
  });
});
