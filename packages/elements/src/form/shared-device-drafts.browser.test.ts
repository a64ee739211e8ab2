// <matter-form> on a device that may be shared (SPEC §5 `archive` unset): the draft is kept
// without asking, in the browser's real IndexedDB, and goes after 30 days, once the submission
// is in the outbox (which <matter-status> still follows), and with "forget me".
import { expect, fixture, html } from '@open-wc/testing';
import type { MatterStatus } from '../status/matter-status.js';
import { mockGateways } from './form.test-helpers.js';
import { MatterForm } from './matter-form.js';
import { settle, shadow, until, walk } from '../matter-walk.test-helpers.js';
import {
  DAY_MS,
  EMPLOYER,
  eventually,
  F,
  forgetAll,
  openForm,
  samePlace,
  savedDraft,
  sharedArchive,
} from './shared-device.test-helpers.js';
import '../define-status.js';

afterEach(forgetAll);

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
    const later = samePlace(name, () => new Date(clock.at));
    expect(await later.draft(F, MATTER), 'kept within 30 days').to.not.equal(undefined);

    // 31 days after the last save: gone.
    clock.at += 2 * DAY_MS;
    const months = samePlace(name, () => new Date(clock.at));
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
    await el.submit().catch(() => undefined);
    const [queued] = await archive.queued(F);
    expect(queued?.submission.matter.id, 'the outbox holds it').to.equal(MATTER);
    expect(await archive.draft(F, MATTER), 'the draft went').to.equal(undefined);

    // A form opened for the same matter meanwhile offers no half-done twin of it.
    const other = await openForm(MATTER);
    expect((await offer(other)) !== null, 'no draft offered').to.equal(false);
    other.remove();

    // Sent by the courier of whichever form is open: the gateway's reference lands in `sent`.
    const [sent] = await eventually('the delivery', async () => {
      const list = await archive.sent(F);
      return list.length > 0 ? list : undefined;
    });
    const receipt = { reference: sent?.reference ?? '' };
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
