// A condition inside an object with no value yet is tested against `{}` (SPEC §3.1
// "Conditions"): the optional `contact` group of test/fixtures/empty-object shows its `else`
// field (email), filled from the city source through the mock gateway, until `use` is answered.
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { loadCatalogue, type Catalogue, type Matter } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { control, mockGateways, nextPrefill } from './form.test-helpers.js';

const SUBJECT = '430102199003077433';

async function contactCatalogue(): Promise<Catalogue> {
  const load = loadCatalogue(await (await fetch('/test/fixtures/empty-object/catalogue.json')).json());
  if (!load.ok) throw new Error(load.errors.map((p) => p.message.en).join('\n'));
  return load.catalogue;
}

const radio = (el: MatterForm, label: string) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])].find(
    (r) => r.labels?.[0]?.textContent?.trim() === label,
  ) as HTMLInputElement;

describe('<matter-form>: a condition inside an object with no value yet', () => {
  it('draws and fills the else branch until use is answered, then the then branch', async () => {
    const [catalogue, { engine }] = await Promise.all([contactCatalogue(), mockGateways()]);
    const el = fixtureSync<MatterForm>(
      html`<matter-form lang="zh-CN" consent="granted" gateway=${engine}></matter-form>`,
    );
    const ready = oneEvent(el, 'matter-ready');
    const prefilled = nextPrefill(el);
    el.subject = { kind: 'person', id: SUBJECT, token: `demo:${SUBJECT}` };
    el.catalogue = catalogue;
    el.matter = catalogue.matters[0] as Matter;
    await ready;
    const detail = await prefilled;
    await el.updateComplete;
    expect(detail.filled.map((f: { pointer: string }) => f.pointer)).to.deep.equal(['/contact/email']);
    expect(control(el, '/contact/email').value).to.equal('ceshi@example.com');
    expect(el.shadowRoot?.querySelector('#mf_2f_contact_2f_phone')).to.equal(null);
    await expect(el).to.be.accessible();

    // The source's email is locked: a host's value without it keeps it, and says so.
    expect(el.checkValidity()).to.equal(true);
    const refused = oneEvent(el, 'matter-error');
    el.value = { contact: {} };
    expect((await refused).detail).to.deep.include({ code: 'locked-field', pointers: ['/contact/email'] });
    await el.updateComplete;
    expect(control(el, '/contact/email').value).to.equal('ceshi@example.com');
    expect(el.checkValidity()).to.equal(true);

    radio(el, '电话').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('#mf_2f_contact_2f_email')).to.equal(null);
    expect(control(el, '/contact/phone')).to.be.instanceOf(HTMLInputElement);
    expect((el.value as { contact: Record<string, unknown> }).contact.use).to.equal('phone');
    await expect(el).to.be.accessible();
  });

  it('requires the else branch’s field while it is shown: a contact without email is not valid', async () => {
    const catalogue = await contactCatalogue();
    const el = fixtureSync<MatterForm>(html`<matter-form lang="zh-CN"></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    el.matter = catalogue.matters[0] as Matter;
    await ready;
    el.value = { contact: { email: 'ceshi@example.com' } };
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    el.value = { contact: {} };
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('#mf_2f_contact_2f_email')).to.be.instanceOf(HTMLElement);
    expect(el.checkValidity()).to.equal(false);
  });
});
