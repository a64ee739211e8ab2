// From review to the gateway's acknowledgement: what the person sees and what is sent.
import { expect, oneEvent } from '@open-wc/testing';
import type { Submission } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { APPLICANT_A, buttonNamed, mockGateways, nextPrefill, sampleForm } from './form.test-helpers.js';

const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;
const HUMAN_SAFE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;

/** Applicant A's residence permit, prefilled, with the answers no provider has, on the review step. */
async function reviewed(options: { action?: boolean } = {}): Promise<MatterForm> {
  const el = await sampleForm('residence-permit', { consent: 'granted', ...options });
  await nextPrefill(el);
  const value = el.value as { residence: Record<string, unknown> };
  value.residence.since = '2025-01-01';
  el.value = { ...value, housing: 'owned', basis: 'employment', useIdCardPhoto: true };
  await el.updateComplete;
  for (let step = 0; step < 4; step++) {
    // Every step passes axe, the materials step included.
    await expect(el).to.be.accessible();
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
  }
  expect(shadow(el).querySelector('[part="step-heading"]')?.textContent).to.equal('核对并提交');
  return el;
}

describe('<matter-form>: review and submit', () => {
  it('reviews every answer with its source, masks sensitive ones, and links back to change them', async () => {
    const el = await reviewed();
    await expect(el).to.be.accessible();
    const review = shadow(el).querySelector('[part="review"]') as HTMLElement;
    const text = review.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.include('李思远').and.include('来自居民身份证');
    expect(text, 'the ID number is masked').to.include('4301**********0311').and.not.include(APPLICANT_A);
    expect(text).to.include('湖南省 长沙市 芙蓉区');
    const change = [...review.querySelectorAll('button')].find((b) => b.textContent?.includes('修改 手机号码'));
    const step = oneEvent(el, 'matter-step');
    change?.click();
    expect((await step).detail).to.deep.equal({ index: 0, id: 'step-1' });
    await el.updateComplete;
    await Promise.resolve();
    expect(shadow(el).activeElement?.id).to.equal('mf_2f_applicant_2f_mobile');
  });

  it('sends the submission to the gateway and shows a human-safe reference and a printable record', async () => {
    const el = await reviewed();
    const submitted = oneEvent(el, 'matter-submitted');
    buttonNamed(el, '提交申请').click();
    const { detail } = await submitted;
    expect(detail.reference).to.match(HUMAN_SAFE);
    const submission = detail.submission as Submission;
    expect(submission.matter).to.deep.equal({ id: 'residence-permit', version: '1.0.0' });
    expect(submission.subject).to.deep.equal({ kind: 'person', id: APPLICANT_A });
    expect(JSON.stringify(submission)).to.not.include('demo:');
    expect(submission.provenance['/applicant/name']).to.include({ provider: 'licence:resident-id-card', locked: true });
    expect(submission.materials.find((m) => m.id === 'resident-id-card')?.status).to.equal('licence');
    expect(submission.consents.every((c) => c.givenTo === 'host')).to.equal(true);
    await el.updateComplete;
    const confirmation = shadow(el).querySelector('#matter-confirmation') as HTMLElement;
    expect(shadow(el).activeElement).to.equal(confirmation);
    expect(confirmation.textContent).to.include('申请已提交').and.include(detail.reference);
    const record = shadow(el).querySelector('.record')?.textContent ?? '';
    expect(record).to.include('4301**********0311').and.not.include(APPLICANT_A);
    expect(buttonNamed(el, '打印申请记录')).to.exist;
    await expect(el).to.be.accessible();
    // The gateway has it, under that reference.
    const { url } = await mockGateways();
    const tracked = await fetch(`${url}/submissions/${detail.reference}`, {
      headers: { Authorization: `Bearer demo:${APPLICANT_A}` },
    });
    expect(tracked.status).to.equal(200);
  });

  it('sends once when Submit is pressed twice, keeping the button enabled and saying it is sending', async () => {
    const el = await reviewed();
    const { url } = await mockGateways();
    const posts = async () =>
      (
        (await (await fetch(`${url}/__mock/audit`)).json()) as {
          subject: string | null;
          method: string;
          route: string;
        }[]
      ).filter((c) => c.subject === APPLICANT_A && c.method === 'POST' && c.route.includes('submissions')).length;
    const before = await posts();
    const submitted = oneEvent(el, 'matter-submitted');
    const button = buttonNamed(el, '提交申请');
    button.click();
    await Promise.resolve();
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    button.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="notice"].busy')?.textContent).to.include('正在提交您的申请');
    await submitted;
    expect(await posts()).to.equal(before + 1);
  });

  it('without an action, resolves with the submission for the host to send', async () => {
    const el = await reviewed({ action: false });
    const submit = oneEvent(el, 'matter-submit');
    const result = (await el.submit()) as Submission;
    expect((await submit).detail.submission.idempotencyKey).to.equal(result.idempotencyKey);
    expect(result.data).to.have.nested.property('applicant.name', '李思远');
  });

  it('refuses to submit invalid data: matter-invalid, and the summary takes focus', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    const error = oneEvent(el, 'matter-error');
    await el.submit().then(
      () => expect.fail('submitted invalid data'),
      (e: Error & { code: string }) => expect(e.code).to.equal('matter-invalid'),
    );
    expect((await error).detail.code).to.equal('matter-invalid');
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('error-summary');
  });

  it('shows a 422 rejection beside its field and in the summary, in the page’s language, until the field is edited', async () => {
    const el = await reviewed();
    const { url } = await mockGateways();
    const rejected = await fetch(`${url}/__mock/reject`, {
      method: 'POST',
      body: JSON.stringify({
        subject: APPLICANT_A,
        errors: [
          {
            pointer: '/residence/since',
            code: 'too-early',
            message: { 'zh-CN': '居住起始日期早于登记记录', en: 'This is before the registered date' },
          },
          { pointer: '', code: 'closed', message: '今日已停止受理' },
        ],
      }),
    });
    expect(rejected.status).to.equal(204);
    const error = oneEvent(el, 'matter-error');
    buttonNamed(el, '提交申请').click();
    expect((await error).detail.code).to.equal('submit-failed');
    await el.updateComplete;
    const summary = shadow(el).querySelector('[part="error-summary"]') as HTMLElement;
    expect(shadow(el).activeElement).to.equal(summary);
    const lines = [...summary.querySelectorAll('li')];
    expect(lines.map((li) => li.textContent?.trim())).to.deep.equal(['居住起始日期早于登记记录', '今日已停止受理']);
    expect(summary.textContent).to.not.include('[object Object]');
    // The field's line links to its control; the submission's own has no link to nowhere.
    expect(lines[0]?.querySelector('a')?.getAttribute('href')).to.equal('#mf_2f_residence_2f_since');
    expect(lines[1]?.querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
    lines[0]?.querySelector('a')?.click();
    await el.updateComplete;
    await Promise.resolve();
    const field = shadow(el).getElementById('mf_2f_residence_2f_since') as HTMLInputElement;
    expect(shadow(el).activeElement).to.equal(field);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    const said = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => shadow(el).getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(said).to.include('居住起始日期早于登记记录');
    await expect(el).to.be.accessible();
    // Edited: the gateway's word on that field goes, from the field and from the summary.
    field.value = '2025-02-01';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid')).to.not.equal('true');
    expect(field.closest('.field')?.textContent).to.not.include('居住起始日期早于登记记录');
    expect(shadow(el).querySelector('[part="error-summary"]')?.textContent).to.not.include('居住起始日期早于登记记录');
  });

  it('says when the applicant is outside the matter’s audience', async () => {
    const el = await sampleForm('company-name-change', { consent: 'granted' }).catch(() => undefined);
    // company-name-change is for organizations: a person is refused with audience-mismatch.
    expect(el).to.exist;
    const notice = shadow(el as MatterForm).querySelector('[role="alert"]')?.textContent ?? '';
    expect(notice).to.include('法人或其他组织');
  });
});
