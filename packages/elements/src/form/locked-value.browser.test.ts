// A host's `value` never unlocks a locked field (SPEC §5 `value`, §6): the signed value stays,
// the rest applies, `matter-error` `locked-field` says which, and the gateway takes the result.
import { expect, oneEvent } from '@open-wc/testing';
import type { Submission } from '@matterform/core';
import type { MatterErrorDetail } from '../events.js';
import { APPLICANT_A, buttonNamed, control, nextPrefill, sampleForm } from './form.test-helpers.js';

const APPLICANT_B = '430103198507220469';

describe('<matter-form>: a host value over a locked field', () => {
  it('keeps the signed ID number, applies the rest, says so, and the gateway accepts the submission', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    await el.updateComplete;
    expect(control(el, '/applicant/idNumber').readOnly, 'prefilled from the ID card, locked').to.equal(true);

    const value = el.value as { applicant: Record<string, unknown>; residence: Record<string, unknown> };
    value.applicant.idNumber = APPLICANT_B;
    value.residence.since = '2025-01-01';
    const told: MatterErrorDetail[] = [];
    el.addEventListener('matter-error', (e) => told.push(e.detail));
    el.value = { ...value, housing: 'owned', basis: 'employment', useIdCardPhoto: true };
    // Told at once, while the host's own code still runs.
    expect(told.map((d) => [d.code, d.pointers])).to.deep.equal([['locked-field', ['/applicant/idNumber']]]);
    expect(told[0]?.message).to.include('/applicant/idNumber');
    await el.updateComplete;

    const idNumber = control(el, '/applicant/idNumber');
    expect(idNumber.value).to.equal(APPLICANT_A);
    expect(idNumber.readOnly, 'still locked').to.equal(true);
    expect(el.value).to.have.nested.property('applicant.idNumber', APPLICANT_A);
    expect(el.value).to.include({ housing: 'owned', basis: 'employment' });
    await expect(el).to.be.accessible();

    for (let step = 0; step < 4; step++) {
      buttonNamed(el, '保存并继续').click();
      await el.updateComplete;
    }
    // The gateway's answer: 201, or a rejection (`submit-failed`) that would end the wait too.
    const answered = Promise.race([oneEvent(el, 'matter-submitted'), oneEvent(el, 'matter-error')]);
    buttonNamed(el, '提交申请').click();
    const answer = await answered;
    expect(answer.type, JSON.stringify(answer.detail)).to.equal('matter-submitted');
    const submission = answer.detail.submission as Submission;
    expect(submission.data).to.have.nested.property('applicant.idNumber', APPLICANT_A);
    expect(submission.provenance['/applicant/idNumber']).to.include({ locked: true });
    expect(submission.provenance['/applicant/idNumber']?.signature).to.be.a('string');
  });

  it('says nothing when the host passes the locked values back unchanged', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    let told = 0;
    el.addEventListener('matter-error', () => told++);
    el.value = { ...el.value, housing: 'rented' };
    await el.updateComplete;
    expect(told).to.equal(0);
    expect(control(el, '/applicant/idNumber').readOnly).to.equal(true);
    expect(el.value).to.include({ housing: 'rented' });
  });
});
