// <matter-form> as a plain JSON-Schema form (SPEC §5 `schema`): a bare schema given as a
// property or fetched from `src`, a root that is not an object, and a matter with no catalogue.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { JsonSchema, Submission } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { buttonNamed, control, mockGateways, type, unlabelledControls } from './form.test-helpers.js';

/** Synthetic applicant B of the sample fixtures: a lawyer (schemas/catalogue/fixtures.json). */
const APPLICANT_B = '430103198507220469';

const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;
const texts = (el: MatterForm, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** A form given `set` (its properties), resolved once it fired `matter-ready`, with that event's detail. */
async function bareForm(
  set: (el: MatterForm) => void,
  attributes: { action?: string; gateway?: string } = {},
): Promise<{ el: MatterForm; ready: { matter: { id: string; version: string } } }> {
  const el = await fixture<MatterForm>(
    html`<matter-form lang="en" action=${attributes.action ?? ''} gateway=${attributes.gateway ?? ''}></matter-form>`,
  );
  const ready = oneEvent(el, 'matter-ready');
  set(el);
  const { detail } = await ready;
  await el.updateComplete;
  return { el, ready: detail };
}

const contact: JsonSchema = {
  title: 'Contact us',
  type: 'object',
  required: ['name', 'topic'],
  properties: {
    name: { type: 'string', title: 'Your name', minLength: 1 },
    email: { type: 'string', title: 'Email', format: 'email' },
    topic: { type: 'string', title: 'Topic', enum: ['billing', 'other'] },
    message: { type: 'string', title: 'Message', maxLength: 500 },
  },
};

describe('<matter-form> with a bare JSON Schema', () => {
  it('draws an object schema as one plain form: no steps, materials, review or consent', async () => {
    const { el, ready } = await bareForm((f) => (f.schema = contact));
    expect(ready.matter.id).to.match(/^schema-[0-9a-f]{8}$/);
    expect(ready.matter.version).to.match(/^1\.0\.0\+[0-9a-f]{8}$/);
    expect(texts(el, '[part="step-heading"]')).to.deep.equal(['Contact us']);
    expect(shadow(el).querySelector('[part="progress"]'), 'no list of steps').to.equal(null);
    expect(shadow(el).querySelector('[part="consent"]'), 'no consent panel').to.equal(null);
    expect(shadow(el).querySelector('[part~="materials"]'), 'no materials').to.equal(null);
    expect(texts(el, 'label, legend')).to.include.members([
      'Your name',
      'Email (optional)',
      'Topic',
      'Message (optional)',
    ]);
    expect(unlabelledControls(el)).to.deep.equal([]);
    expect(texts(el, 'button')).to.deep.equal(['Submit application']);
    await expect(el).to.be.accessible();
  });

  it('validates as the schema says and submit() resolves with the submission when there is no action', async () => {
    const { el, ready } = await bareForm((f) => (f.schema = contact));
    const refused = oneEvent(el, 'matter-error');
    await el.submit().catch(() => undefined);
    expect((await refused).detail.code).to.equal('matter-invalid');
    await el.updateComplete;
    expect(texts(el, '[part="error-summary"] a')).to.deep.equal(['Enter Your name', 'Enter Topic']);
    expect(el.checkValidity()).to.equal(false);
    await type(el, '/name', 'Wang Fang');
    await type(el, '/email', 'not an address');
    control(el, '/topic').click(); // the first choice, billing
    await el.updateComplete;
    expect(el.checkValidity(), 'an email that is not one').to.equal(false);
    await type(el, '/email', 'wang@example.org');
    expect(el.checkValidity()).to.equal(true);
    const sent = oneEvent(el, 'matter-submit');
    const submission = (await el.submit()) as Submission;
    expect((await sent).detail.submission).to.deep.equal(submission);
    expect(submission.matter).to.deep.equal(ready.matter);
    expect(submission.subject, 'nobody signed in').to.deep.equal({ kind: 'person', id: '' });
    expect(submission.data).to.deep.equal({ name: 'Wang Fang', email: 'wang@example.org', topic: 'billing' });
    expect(submission.materials).to.deep.equal([]);
    expect(submission.consents).to.deep.equal([]);
  });

  it('names the same schema the same however its keys are ordered, and by its $id when it has one', async () => {
    const first = await bareForm((f) => (f.schema = contact));
    const reordered = Object.fromEntries(Object.entries(contact as object).reverse()) as JsonSchema;
    const second = await bareForm((f) => (f.schema = reordered));
    expect(second.ready).to.deep.equal(first.ready);
    const changed = await bareForm((f) => (f.schema = { ...(contact as object), title: 'Write to us' }));
    expect(changed.ready.matter.id).to.not.equal(first.ready.matter.id);
    const named = await bareForm(
      (f) => (f.schema = { ...(contact as object), $id: 'https://example.org/forms/Contact_Us.schema.json' }),
    );
    expect(named.ready.matter.id).to.equal('contact-us');
    expect(named.ready.matter.version).to.match(/^1\.0\.0\+[0-9a-f]{8}$/);
  });

  it('holds a list root as a list: value, matter-input and the submission data are the list itself', async () => {
    const tags: JsonSchema = {
      title: 'Tags',
      definitions: { tag: { type: 'string', title: 'Tag', minLength: 1 } },
      type: 'array',
      items: { $ref: '#/definitions/tag' },
      minItems: 1,
    };
    const { el } = await bareForm((f) => (f.schema = tags));
    expect(el.value, 'a list starts empty').to.deep.equal([]);
    expect(el.checkValidity(), 'minItems 1').to.equal(false);
    buttonNamed(el, 'Add Tags').click();
    await el.updateComplete;
    const input = oneEvent(el, 'matter-input');
    await type(el, '/value/0', 'urgent');
    expect((await input).detail).to.deep.equal({ pointer: '/0', value: 'urgent' });
    expect(el.value).to.deep.equal(['urgent']);
    expect(el.checkValidity()).to.equal(true);
    expect(unlabelledControls(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const submission = (await el.submit()) as Submission;
    expect(submission.data).to.deep.equal(['urgent']);
  });

  it('holds a string root as a string, taking a value the host set before the schema', async () => {
    const { el } = await bareForm((f) => {
      f.value = 'Chuck' as unknown as Record<string, unknown>;
      f.schema = { title: 'First name', type: 'string', minLength: 2 };
    });
    expect(control(el, '/value').value).to.equal('Chuck');
    expect(texts(el, 'label')).to.deep.equal(['First name']);
    await type(el, '/value', '');
    const refused = oneEvent(el, 'matter-error');
    await el.submit().catch(() => undefined);
    expect((await refused).detail.code).to.equal('matter-invalid');
    await el.updateComplete;
    expect(texts(el, '[part="error-summary"] a')).to.deep.equal(['Enter First name']);
    await type(el, '/value', 'Li Lei');
    expect(el.value).to.equal('Li Lei');
    expect(((await el.submit()) as Submission).data).to.equal('Li Lei');
  });

  it('takes a plain JSON Schema from src, telling it from a matter document', async () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(contact)], { type: 'application/json' }));
    try {
      const { el, ready } = await bareForm((f) => (f.src = url));
      expect(ready.matter.id).to.match(/^schema-[0-9a-f]{8}$/);
      expect(texts(el, '[part="step-heading"]')).to.deep.equal(['Contact us']);
      await type(el, '/name', 'Wang Fang');
      control(el, '/topic').click();
      await el.updateComplete;
      expect(((await el.submit()) as Submission).data).to.deep.equal({ name: 'Wang Fang', topic: 'billing' });
    } finally {
      URL.revokeObjectURL(url);
    }
    const matter = await bareForm((f) => (f.src = '/schemas/catalogue/matters/lawyer-no-penalty-certificate.json'));
    expect(matter.ready.matter).to.deep.equal({ id: 'lawyer-no-penalty-certificate', version: '1.0.0' });
    expect(
      texts(matter.el, '[part="progress"] li'),
      'a matter keeps its materials and review steps',
    ).to.include.members(['Supporting documents', 'Check and submit']);
  });

  it('draws a matter given without a catalogue and submits it to the gateway, which accepts it', async () => {
    const { url } = await mockGateways();
    const { el, ready } = await bareForm(
      (f) => {
        f.subject = { kind: 'person', id: APPLICANT_B, token: `demo:${APPLICANT_B}` };
        f.src = '/schemas/catalogue/matters/lawyer-no-penalty-certificate.json';
      },
      { gateway: url, action: `${url}/submissions` },
    );
    expect(ready.matter.id).to.equal('lawyer-no-penalty-certificate');
    expect(shadow(el).querySelector('[part="consent"]'), 'no sources, no consent panel').to.equal(null);
    el.value = {
      applicant: { name: '王雨桐', idNumber: APPLICANT_B, mobile: '13807310002' },
      practice: { licenceNumber: '14301201510123456', firm: '湖南合成示例律师事务所' },
      purpose: 'transfer',
      period: '3y',
    };
    await el.updateComplete;
    // Nothing is known electronically without a catalogue: Submit leads to the materials to upload.
    const missing = oneEvent(el, 'matter-error');
    await el.submit().catch(() => undefined);
    expect((await missing).detail.code).to.equal('materials-incomplete');
    await el.updateComplete;
    expect(texts(el, '[part="step-heading"]')).to.deep.equal(['Supporting documents']);
    // The uploads are hashed before the list counts them: each says so with `matter-materials`.
    const complete = new Promise<void>((resolve) =>
      el.addEventListener('matter-materials', () => el.materialsComplete && resolve()),
    );
    for (const id of ['resident-id-card', 'lawyer-practice-certificate']) {
      const input = shadow(el).querySelector<HTMLInputElement>(`#mm-${id}`) as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.4 synthetic scan'], `${id}.pdf`, { type: 'application/pdf' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    }
    await complete;
    const submitted = oneEvent(el, 'matter-submitted');
    await el.submit();
    const { detail } = await submitted;
    expect(detail.submission.subject).to.deep.equal({ kind: 'person', id: APPLICANT_B });
    await el.updateComplete;
    expect(texts(el, '[part~="reference"]').join(' ')).to.include(detail.reference);
    const tracked = await fetch(`${url}/submissions/${detail.reference}`, {
      headers: { Authorization: `Bearer demo:${APPLICANT_B}` },
    });
    expect(tracked.status, 'the gateway keeps it under that reference').to.equal(200);
  });

  it('sends a bare schema to an action like any submission; a gateway that does not know it says so', async () => {
    const { url } = await mockGateways();
    const { el, ready } = await bareForm(
      (f) => {
        f.subject = { kind: 'person', id: APPLICANT_B, token: `demo:${APPLICANT_B}` };
        f.schema = contact;
      },
      { gateway: url, action: `${url}/submissions` },
    );
    await type(el, '/name', 'Wang Fang');
    control(el, '/topic').click();
    await el.updateComplete;
    const failed = oneEvent(el, 'matter-error');
    await el.submit().catch(() => undefined);
    const { detail } = await failed;
    expect(detail.code).to.equal('submit-failed');
    expect(detail.message).to.include(`no matter ${ready.matter.id}@${ready.matter.version}`);
    await el.updateComplete;
    expect(texts(el, '[part~="error-summary"]').join(' ')).to.include(ready.matter.id);
    expect(el.value, 'nothing typed is lost').to.deep.equal({ name: 'Wang Fang', topic: 'billing' });
  });
});
