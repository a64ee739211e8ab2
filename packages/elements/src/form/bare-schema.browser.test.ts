// <matter-form> as a plain JSON-Schema form (SPEC §5 `schema`): a bare schema given as a
// property or fetched from `src`, a root that is not an object, and a matter with no catalogue.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { JsonSchema, Submission } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { control, type, unlabelledControls } from './form.test-helpers.js';

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
});
