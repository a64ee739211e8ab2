// The palette as a designer uses it: search in Chinese or English, Enter adds the best match
// where the selection says and selects it; a concept says who provides it.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { getAt, localize } from '@matterform/core';
import type { MatterDesigner } from '../matter-designer.js';
import {
  deepActive,
  expectNoHorizontalOverflow,
  openDesigner,
  panel,
  sampleCatalogue,
  settled,
} from '../designer.test-helpers.js';

function palette(el: MatterDesigner): ShadowRoot {
  return panel(el, 'palette').shadowRoot as ShadowRoot;
}

async function search(el: MatterDesigner, text: string): Promise<HTMLInputElement> {
  const input = palette(el).querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await settled(el);
  return input;
}

function shown(el: MatterDesigner, what: 'kind' | 'concept'): string[] {
  return [...palette(el).querySelectorAll<HTMLElement>(`[part~="${what}"]`)].map(
    (button) => button.dataset[what] as string,
  );
}

/** Every property schema of the matter that holds `concept`, by its location. */
function fieldsWithConcept(value: unknown, concept: string, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  const found = (value as Record<string, unknown>)['x-concept'] === concept ? [at] : [];
  return [
    ...found,
    ...Object.entries(value).flatMap(([key, child]) => fieldsWithConcept(child, concept, `${at}/${key}`)),
  ];
}

describe('<matter-designer> palette', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 375]) {
    it(`is accessible at ${width} px, searched and not`, async () => {
      await setViewport({ width, height: 900 });
      const el = await openDesigner('residence-permit');
      await expect(panel(el, 'palette')).to.be.accessible();
      await search(el, '号码');
      await expect(panel(el, 'palette')).to.be.accessible();
      expectNoHorizontalOverflow(el);
    });
  }

  it('adds a concept by keyboard: "手机", Enter → a field holding person.mobile, selected and focused', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await openDesigner('residence-permit');
    const before = fieldsWithConcept(el.matter?.schema, 'person.mobile', '/schema');
    await search(el, '手机');
    expect(shown(el, 'concept')).to.include('person.mobile');
    expect(palette(el).querySelector('#palette-best')?.textContent).to.contain('手机号码');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    const after = fieldsWithConcept(el.matter?.schema, 'person.mobile', '/schema');
    expect(after).to.have.length(before.length + 1);
    const added = after.find((location) => !before.includes(location)) as string;
    expect(added).to.match(/^\/schema\/properties\//);
    expect(getAt(el.matter, `${added}/title`)).to.equal('手机号码');
    const focused = deepActive() as HTMLElement;
    expect(focused.dataset.key).to.equal(`field:${added}`);
    expect(focused.getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot?.querySelector('[part~="announcer"]')?.textContent).to.contain('手机号码');
  });

  it('finds concepts and kinds by English title and by id, and says who provides a concept', async () => {
    const { catalogue } = await sampleCatalogue();
    const el = await openDesigner('residence-permit', 'en');
    await search(el, 'mobile');
    expect(shown(el, 'concept')).to.include('person.mobile');
    expect(shown(el, 'kind')).to.deep.equal(['mobile']);
    await search(el, 'person.idnumber');
    expect(shown(el, 'concept')).to.deep.equal(['person.idNumber']);
    expect(shown(el, 'kind')).to.deep.equal([]);
    const provider = [...catalogue.sources, ...catalogue.licences].find((p) =>
      Object.hasOwn(p.provides ?? {}, 'person.idNumber'),
    );
    expect(provider, 'a provider of person.idNumber').to.exist;
    const button = palette(el).querySelector<HTMLElement>('[data-concept="person.idNumber"]') as HTMLElement;
    const about = palette(el).getElementById(button.getAttribute('aria-describedby') as string);
    expect(about?.textContent).to.contain(localize(provider!.title, 'en'));
    expect(about?.textContent).to.contain('Provided by');
    await search(el, 'zzzz');
    expect(palette(el).querySelector('#palette-best')?.textContent).to.contain('No kind or concept matches');
  });

  it('adds a field of a kind into the selected group, and selects it', async () => {
    const el = await openDesigner('residence-permit');
    const outline = panel(el, 'outline').shadowRoot as ShadowRoot;
    const group = [...outline.querySelectorAll<HTMLElement>('[role="treeitem"]')].find(
      (item) => item.dataset.key === 'field:/schema/properties/applicant',
    ) as HTMLElement;
    group.click();
    await settled(el);
    const keys = Object.keys(getAt(el.matter, '/schema/properties/applicant/properties') as object);
    (palette(el).querySelector('[data-kind="date"]') as HTMLButtonElement).click();
    await settled(el);
    const now = Object.keys(getAt(el.matter, '/schema/properties/applicant/properties') as object);
    expect(now).to.have.length(keys.length + 1);
    const added = now.find((key) => !keys.includes(key)) as string;
    expect(getAt(el.matter, `/schema/properties/applicant/properties/${added}/format`)).to.equal('date');
    expect((deepActive() as HTMLElement).dataset.key).to.equal(
      `field:/schema/properties/applicant/properties/${added}`,
    );
  });
});
