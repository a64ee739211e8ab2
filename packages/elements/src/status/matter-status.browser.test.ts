// <matter-status> following cases the person submitted through <matter-form> on this device
// (the browser's real IndexedDB), against the mock gateway, whose clock for one case the test
// moves on with POST /__mock/advance: what the person sees at each status.
import { expect, fixture, html } from '@open-wc/testing';
import { createArchive, type Archive } from '@matterform/archive';
import type { Receipt } from '../form/matter-form.js';
import { mockGateways } from '../form/form.test-helpers.js';
import { button, until, walk } from '../matter-walk.test-helpers.js';
import type { MatterStatus, MatterStatusDetail } from './matter-status.js';
import '../define.js';
import '../define-status.js';

const MATTER = 'housing-fund-withdrawal';
const E = { kind: 'person' as const, id: '43011119780130057X' }; // 合成申请人戊, pays into the housing fund
// Nothing listens on port 9 of loopback: the gateway is down, as far as the page can tell.
const UNREACHABLE = 'http://127.0.0.1:9/submissions';

let archives: Archive[] = [];
let serial = 0;

function freshArchive(): Archive {
  const archive = createArchive({ name: `status-test-${Date.now()}-${serial++}`, persist: false });
  archives.push(archive);
  return archive;
}

afterEach(async () => {
  for (const el of document.querySelectorAll('matter-form, matter-status')) el.remove();
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const archive of archives) await archive.clear();
  archives = [];
});

const root = (el: MatterStatus) => el.shadowRoot as ShadowRoot;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cases = (el: MatterStatus) => [...root(el).querySelectorAll('[part~="case"]')];
const steps = (el: MatterStatus, kind: string) => root(el).querySelectorAll(`[part~="timeline-step-${kind}"]`).length;

function nextStatus(el: MatterStatus): Promise<MatterStatusDetail> {
  return new Promise((resolve) =>
    el.addEventListener('matter-status', (e) => resolve((e as CustomEvent<MatterStatusDetail>).detail), { once: true }),
  );
}

/** 戊 submits the matter through <matter-form> with this archive; resolves with the form and, once acknowledged, the receipt. */
async function submitted(archive: Archive, action?: string) {
  const { el } = await walk(MATTER, 'first', false, { subject: E, archive });
  if (action) el.action = action;
  const receipt = new Promise<Receipt>((resolve) =>
    el.addEventListener('matter-submitted', (e) => resolve((e as CustomEvent<Receipt>).detail), { once: true }),
  );
  const error = new Promise((resolve) => el.addEventListener('matter-error', resolve, { once: true }));
  button(el, '提交申请').click();
  return { el, receipt, error };
}

async function tracker(
  archive: Archive | false,
  attributes: { reference?: string; action?: string; lang?: string } = {},
) {
  const { url } = await mockGateways();
  const el = await fixture<MatterStatus>(
    html`<matter-status
      lang=${attributes.lang ?? 'zh-CN'}
      action=${attributes.action ?? `${url}/submissions`}
      reference=${attributes.reference ?? ''}
      .archive=${archive}
      .subject=${{ ...E, token: `demo:${E.id}` }}
    ></matter-status>`,
  );
  return el;
}

describe('<matter-status>', function () {
  this.timeout(90000);

  it('follows a case submitted on this device: its reference, the next status once the gateway moves on, a longer timeline', async () => {
    const archive = freshArchive();
    const { receipt } = await submitted(archive);
    const { reference } = await receipt;
    const { url } = await mockGateways();

    const el = await tracker(archive);
    const first = await nextStatus(el);
    expect(first).to.include({ reference, status: 'received' });
    await el.updateComplete;
    const [only] = cases(el);
    expect(cases(el)).to.have.length(1);
    expect(only?.getAttribute('part')).to.equal('case case-sent');
    expect(text(only?.querySelector('[part="case-title"]'))).to.equal('住房公积金提取');
    expect(text(only?.querySelector('[part="reference"]'))).to.equal(reference);
    expect(text(only?.querySelector('[part~="case-status"]'))).to.equal('已接收');
    expect(steps(el, 'current')).to.equal(1);
    expect(steps(el, 'pending'), 'accepted, in review and decided to come').to.equal(3);
    await expect(el).to.be.accessible();

    // The gateway's clock for this case moves on by one step (2 minutes): the person refreshes.
    const advanced = await fetch(`${url}/__mock/advance`, {
      method: 'POST',
      body: JSON.stringify({ reference, seconds: 120 }),
    });
    expect(advanced.status).to.equal(204);
    const second = nextStatus(el);
    const refresh = [...root(el).querySelectorAll('button')].find((b) => text(b) === '刷新办理状态');
    refresh?.click();
    expect(await second).to.include({ reference, status: 'accepted' });
    await until('the announcement', () =>
      text(root(el).querySelector('[role="status"]')).includes('已更新') ? true : undefined,
    );
    expect(root(el).querySelector('[part="announcement"]')?.getAttribute('aria-live')).to.equal('polite');
    expect(text(root(el).querySelector('[part~="case-status"]'))).to.equal('已受理');
    expect(steps(el, 'done') + steps(el, 'current'), 'received, then accepted').to.equal(2);
    expect(text(root(el).querySelector('[aria-current="step"]'))).to.include('已受理');
    expect(steps(el, 'pending')).to.equal(2);

    // On to decided: the result and the e-receipt's delivery are said.
    await fetch(`${url}/__mock/advance`, { method: 'POST', body: JSON.stringify({ reference, seconds: 240 }) });
    const decided = nextStatus(el);
    refresh?.click();
    expect(await decided).to.include({ status: 'decided' });
    await el.updateComplete;
    expect(steps(el, 'pending')).to.equal(0);
    expect(root(el).querySelectorAll('[part~="timeline-step"]')).to.have.length(4);
    expect(text(root(el).querySelector('[part="result"]')))
      .to.include('准予许可')
      .and.include('短信通知');
    await expect(el).to.be.accessible();

    // With its reference, only that case — also where this device keeps nothing; in English.
    const one = await tracker(false, { reference, lang: 'en' });
    expect((await nextStatus(one)).status).to.equal('decided');
    await one.updateComplete;
    expect(cases(one)).to.have.length(1);
    expect(text(root(one).querySelector('[part="reference"]'))).to.equal(reference);
    expect(text(root(one).querySelector('[part~="case-status"]'))).to.equal('Decided');
    expect(text(root(one).querySelector('[part="result"]')))
      .to.include('Approved')
      .and.include('text message');
    expect(text(root(one).querySelector('[aria-current="step"]'))).to.match(
      /^Decided \(current\) \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
    );
  });

  it('shows a submission made while the gateway is down as waiting in the outbox, with "send now"', async () => {
    const archive = freshArchive();
    const { el: form, error } = await submitted(archive, UNREACHABLE);
    await error;
    // The form's own courier stops with it: only "send now" tries again.
    form.remove();
    const el = await tracker(archive);
    const entry = await until('the outbox entry', () => cases(el)[0]);
    expect(entry.getAttribute('part')).to.equal('case case-queued');
    expect(text(entry.querySelector('[part~="case-status"]'))).to.equal('待发送（保存在本设备上）');
    expect(text(entry.querySelector('[part="reference"]'))).to.equal('尚未取得');
    const send = entry.querySelector<HTMLButtonElement>('[part~="send-button"]');
    expect(send?.getAttribute('aria-label')).to.equal('立即发送：住房公积金提取');
    await expect(el).to.be.accessible();
    // Still down: it stays, and the person is told.
    send?.click();
    await until('the answer to "send now"', () =>
      text(root(el).querySelector('[part="announcement"]')).includes('仍无法连接') ? true : undefined,
    );
    expect(cases(el)).to.have.length(1);
    expect(text(cases(el)[0]?.querySelector('[part="queued-detail"]'))).to.include('2 次');
  });

  it('says on the case why its status could not be read — no connection, unknown reference — and keeps the list', async () => {
    const down = await tracker(false, { reference: 'ABCDEFGH23', action: UNREACHABLE });
    const shown = await until(
      'the network error',
      () => down.shadowRoot?.querySelector('[part="error-message"]') ?? undefined,
    );
    expect(text(shown)).to.include('网络无法连接');
    expect(cases(down)).to.have.length(1);
    await expect(down).to.be.accessible();
    const { url } = await mockGateways();
    down.action = `${url}/submissions`;
    await until('the not-found error', () =>
      text(down.shadowRoot?.querySelector('[part="error-message"]')).includes('查不到') ? true : undefined,
    );
    expect(text(root(down).querySelector('[part="reference"]'))).to.equal('ABCDEFGH23');
  });
});
