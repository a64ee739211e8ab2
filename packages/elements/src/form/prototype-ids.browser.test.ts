// Ids are document text, and some are names `Object.prototype` already has (issue 17): the
// matter, its step, a material and a source named `constructor`, fields named `toString`,
// `valueOf`, `constructor` and `hasOwnProperty` (test/fixtures/prototype-ids). The form draws
// them as any other, lists the material, and submits each value under its own name.
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { loadCatalogue, type Catalogue, type Matter, type Submission } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { buttonNamed, control, type, unlabelledControls } from './form.test-helpers.js';
import { until } from '../matter-walk.test-helpers.js';
import { registerMessages } from '../index.js';

async function prototypeCatalogue(): Promise<Catalogue> {
  const load = loadCatalogue(await (await fetch('/test/fixtures/prototype-ids/catalogue.json')).json());
  if (!load.ok) throw new Error(load.errors.map((p) => p.message.en).join('\n'));
  return load.catalogue;
}

const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;
const texts = (el: MatterForm, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** Chooses a PDF for the material `constructor`, as a person does, and waits until it counts. */
async function uploadProof(el: MatterForm): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('#mm-constructor');
  expect(input, 'the upload of the material constructor').to.be.instanceOf(HTMLInputElement);
  const transfer = new DataTransfer();
  transfer.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'proof.pdf', { type: 'application/pdf' }));
  (input as HTMLInputElement).files = transfer.files;
  input?.dispatchEvent(new Event('change', { bubbles: true }));
  await until('the upload', () =>
    el.materials.find((m) => m.id === 'constructor')?.status === 'uploaded' ? true : undefined,
  );
}

describe('<matter-form>: ids that are Object.prototype names', () => {
  it('draws the fields, lists the material constructor, and submits each value under its name', async () => {
    const catalogue = await prototypeCatalogue();
    const el = fixtureSync<MatterForm>(html`<matter-form lang="en"></matter-form>`);
    const errors: unknown[] = [];
    el.addEventListener('matter-error', (e) => errors.push((e as CustomEvent).detail));
    const ready = oneEvent(el, 'matter-ready');
    // Signed in, with no gateway: nothing is filled, so every material starts missing.
    el.subject = { kind: 'person', id: '430102199003077433' };
    el.catalogue = catalogue;
    el.matter = catalogue.matters[0] as Matter;
    expect((await ready).detail.matter).to.deep.equal({ id: 'constructor', version: '1.0.0' });
    await el.updateComplete;

    expect(texts(el, 'label, legend')).to.include.members([
      'Value',
      'Mobile',
      'Builder (optional)',
      'Constructor',
      'Proto',
      'To string',
      '名称 (optional)',
    ]);
    expect(unlabelledControls(el)).to.deep.equal([]);
    // Empty fields named after the prototype's methods are empty, not present and wrong.
    expect(el.value).to.deep.equal({});
    await type(el, '/valueOf', 'a value');
    await type(el, '/toString', '13900000002');
    await type(el, '/hasOwnProperty', 'own');
    // The option whose value is `__proto__`, by its English title.
    const proto = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (r) => r.labels?.[0]?.textContent?.trim() === 'Proto',
    );
    proto?.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Save and continue').click();
    await el.updateComplete;
    expect(texts(el, '[part~="material-title"]').map((t) => t.replace(/\s*\(optional\)$/, ''))).to.deep.equal([
      'Constructor proof (test)',
      'Prototype licence (test)',
      'Upload (test)',
    ]);
    expect(el.materials.map((m) => `${m.id}:${m.status}`)).to.deep.equal([
      'constructor:missing',
      'prototype:missing',
      'tostring:missing',
    ]);
    await expect(el).to.be.accessible();

    await uploadProof(el);

    const submission = (await el.submit()) as Submission;
    expect(submission.data).to.deep.equal({
      valueOf: 'a value',
      toString: '13900000002',
      hasOwnProperty: 'own',
      constructor: '__proto__',
    });
    expect(Object.getPrototypeOf(submission.data)).to.equal(Object.prototype);
    expect(submission.materials.map((m) => `${m.id}:${m.status}`)).to.deep.equal([
      'constructor:uploaded',
      'prototype:missing',
      'tostring:missing',
    ]);
    expect(errors).to.deep.equal([]);
  });

  it("takes a message pack's areas and keys named __proto__ and constructor as names, nothing more", async () => {
    // As a host would load a pack: parsed JSON, where `__proto__` is an own key.
    registerMessages('de', JSON.parse('{"__proto__": {"form": {"next": "Hijacked"}}, "form": {"constructor": "x"}}'));
    const catalogue = await prototypeCatalogue();
    const el = fixtureSync<MatterForm>(html`<matter-form lang="de"></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    el.matter = catalogue.matters[0] as Matter;
    await ready;
    await el.updateComplete;
    // The pack has no `form.next`: it is said in zh-CN, not taken from the `__proto__` area.
    expect(texts(el, '.actions button')).to.deep.equal(['保存并继续']);
    expect(({} as Record<string, unknown>).form).to.equal(undefined);
  });

  it('draws a field named __proto__ given straight to the element, and submits it under that name', async () => {
    const catalogue = await prototypeCatalogue();
    // Parsed JSON, as a host fetches it: `__proto__` is an own key there. (The loader and the
    // CLI refuse such a key, `forbidden-key`; a matter handed to the element is drawn as given.)
    const matter = JSON.parse(JSON.stringify(catalogue.matters[0]).replaceAll('valueOf', '__proto__')) as Matter;
    const el = fixtureSync<MatterForm>(html`<matter-form lang="en"></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.subject = { kind: 'person', id: '430102199003077433' };
    el.catalogue = catalogue;
    el.matter = matter;
    await ready;
    await el.updateComplete;
    expect(texts(el, 'label, legend')[0]).to.equal('Value');
    await type(el, '/__proto__', 'a value');
    await type(el, '/toString', '13900000002');
    expect(Object.keys(el.value as object)).to.deep.equal(['__proto__', 'toString']);
    expect(Object.getPrototypeOf(el.value)).to.equal(Object.prototype);
    // A host's value with `__proto__` as an own key sets that field, not the value's prototype.
    el.value = JSON.parse('{"__proto__": "again", "toString": "13900000002"}');
    await el.updateComplete;
    expect(control(el, '/__proto__').value).to.equal('again');
    buttonNamed(el, 'Save and continue').click();
    await el.updateComplete;
    await uploadProof(el);
    const submission = (await el.submit()) as Submission;
    expect(Object.keys(submission.data as object)).to.deep.equal(['__proto__', 'toString']);
    expect(JSON.parse(JSON.stringify(submission.data))).to.deep.equal(
      JSON.parse('{"__proto__": "again", "toString": "13900000002"}'),
    );
    expect(({} as Record<string, unknown>).toString).to.equal(Object.prototype.toString);
  });
});
