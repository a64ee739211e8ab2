import { expect } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import type { OutlineField } from '../document/outline-types.js';
import { DesignerPropertiesPanel } from './properties.js';
import {
  activate,
  chooseByKeyboard,
  focused,
  matterOf,
  mountPanel,
  part,
  sampleCatalogue,
  settle,
  typeInto,
} from './panel.test-helpers.js';

const NAME = '/schema/properties/applicant/properties/name';
const NATION = '/schema/properties/applicant/properties/nation';
const PHOTO = '/schema/properties/useIdCardPhoto';
const REGION = '/schema/properties/hukou/properties/region';

describe('<matter-designer-properties>', () => {
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = matterOf(catalogue, 'residence-permit');
  });

  const mount = (schema: string, width?: number) =>
    mountPanel('matter-designer-properties', DesignerPropertiesPanel, matter, catalogue, {
      selection: { kind: 'field', schema },
      width,
    });

  it('is accessible at 1280 and 375 px, with nothing selected and with a field', async () => {
    for (const width of [1280, 375]) {
      const h = await mount(NAME, width);
      await expect(h.panel).to.be.accessible();
      h.actions.select({ kind: 'field', schema: PHOTO });
      await settle(h.panel);
      await expect(h.panel).to.be.accessible();
      h.actions.select({ kind: 'matter' });
      await settle(h.panel);
      await expect(h.panel).to.be.accessible();
    }
  });

  it('renames a title in English by keyboard: the x-i18n changes, focus stays, undo gives the document back', async () => {
    const h = await mount(NAME);
    await expect(h.panel).to.be.accessible();
    const english = part<HTMLInputElement>(h.panel, '#title-en');
    expect(english.value).to.equal('Name');
    expect(part<HTMLInputElement>(h.panel, '#title-zh-CN').value).to.equal('姓名');
    await typeInto(english, 'Full name');
    await settle(h.panel);
    const name = (h.matter.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>)
      .applicant?.properties.name;
    expect(name?.['x-i18n']).to.deep.equal({ en: { title: 'Full name' } });
    expect(name?.title).to.equal('姓名');
    expect(h.document.canUndo).to.equal(true);
    expect(focused(h.panel)).to.equal(english);
    expect(part(h.panel, '#properties-heading').textContent).to.contain('Full name');
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
    expect(part<HTMLInputElement>(h.panel, '#title-en').value).to.equal('Name');
  });

  it('makes a field required with the space bar', async () => {
    const h = await mount(NATION);
    await expect(h.panel).to.be.accessible();
    const required = part<HTMLInputElement>(h.panel, '#required');
    expect(required.checked).to.equal(false);
    await activate(required);
    await settle(h.panel);
    const applicant = (h.matter.schema.properties as Record<string, { required: string[] }>).applicant;
    expect(applicant?.required).to.include('nation');
    expect(part<HTMLInputElement>(h.panel, '#required').checked).to.equal(true);
    expect(focused(h.panel)).to.equal(required);
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('writes a show-when condition by keyboard: shown when housing is rented, as allOf/if/then', async () => {
    const h = await mount(PHOTO);
    await expect(h.panel).to.be.accessible();
    await activate(part(h.panel, '#show-when >>> #add'));
    await settle(h.panel);
    const fieldSelect = part<HTMLSelectElement>(h.panel, '#show-when >>> #field-0');
    expect(fieldSelect.value).to.equal('housing');
    expect(focused(h.panel)).to.equal(fieldSelect);
    const value = part<HTMLSelectElement>(h.panel, '#show-when >>> #value-0');
    expect([...value.options].map((o) => o.textContent?.trim())).to.include('Rented home');
    await chooseByKeyboard(value, '1');
    await settle(h.panel);
    const allOf = h.matter.schema.allOf as {
      if: Record<string, unknown>;
      then: { properties: Record<string, unknown> };
    }[];
    const entry = allOf.find((part) => 'useIdCardPhoto' in (part.then?.properties ?? {}));
    expect(entry?.if).to.deep.equal({ properties: { housing: { const: 'rented' } }, required: ['housing'] });
    expect((h.matter.schema.properties as Record<string, unknown>).useIdCardPhoto).to.equal(undefined);
    expect(h.selection).to.deep.equal({
      kind: 'field',
      schema: `/schema/allOf/${allOf.indexOf(entry as never)}/then/properties/useIdCardPhoto`,
    });
    expect(part<HTMLInputElement>(h.panel, '#key').value).to.equal('useIdCardPhoto');
    expect(focused(h.panel)).to.equal(part(h.panel, '#show-when >>> #value-0'));
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('binds a concept found by searching, showing whether it is compatible, and clears it', async () => {
    const h = await mount(NATION);
    await expect(h.panel).to.be.accessible();
    expect(part(h.panel, '#concept-current').textContent).to.contain('person.nation');
    await activate(part(h.panel, '#concept-clear'));
    await settle(h.panel);
    const nation = () =>
      (h.matter.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).applicant
        ?.properties.nation;
    expect(nation()?.['x-concept']).to.equal(undefined);
    expect(focused(h.panel)).to.equal(part(h.panel, '#concept-search'));
    await typeInto(part(h.panel, '#concept-search'), 'person.nation');
    await settle(h.panel);
    const bind = part(h.panel, '[data-concept="person.nation"]');
    expect(bind.parentElement?.textContent).to.contain('compatible');
    await activate(bind);
    await settle(h.panel);
    expect(nation()?.['x-concept']).to.equal('person.nation');
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('shows the keywords it cannot edit as JSON, untouched', async () => {
    const h = await mount(REGION);
    await expect(h.panel).to.be.accessible();
    const json = part(h.panel, 'pre.json');
    expect(JSON.parse(json.textContent ?? '')).to.deep.equal({ $ref: '#/$defs/regionCode' });
  });

  it('renames the key by keyboard, following the field to its new location', async () => {
    const h = await mount(NATION);
    await expect(h.panel).to.be.accessible();
    const key = part<HTMLInputElement>(h.panel, '#key');
    await typeInto(key, 'ethnicGroup');
    await settle(h.panel);
    const applicant = (h.matter.schema.properties as Record<string, { properties: Record<string, unknown> }>).applicant;
    expect(Object.keys(applicant?.properties ?? {}))
      .to.include('ethnicGroup')
      .and.not.include('nation');
    expect(h.selection).to.deep.equal({ kind: 'field', schema: '/schema/properties/applicant/properties/ethnicGroup' });
    expect(part<HTMLInputElement>(h.panel, '#title-zh-CN').value).to.equal('民族');
    expect(focused(h.panel)).to.equal(key);
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('edits options in both languages: adds one, names it in English, moves it up', async () => {
    const h = await mount('/schema/properties/housing');
    await expect(h.panel).to.be.accessible();
    const options = () =>
      (h.matter.schema.properties as Record<string, { oneOf: Record<string, unknown>[] }>).housing?.oneOf ?? [];
    const count = options().length;
    expect(part<HTMLInputElement>(h.panel, '#option-title-1-en').value).to.equal('Rented home');
    await activate(part(h.panel, '#option-add'));
    await settle(h.panel);
    expect(options()).to.have.length(count + 1);
    expect(focused(h.panel)).to.equal(part(h.panel, `#option-value-${count}`));
    await typeInto(part(h.panel, `#option-value-${count}`), 'shared');
    await settle(h.panel);
    await typeInto(part(h.panel, `#option-title-${count}-en`), 'Shared flat');
    await settle(h.panel);
    expect(options()[count]).to.deep.include({ const: 'shared', 'x-i18n': { en: { title: 'Shared flat' } } });
    await activate(part(h.panel, `#option-up-${count}`));
    await settle(h.panel);
    expect(options()[count - 1]?.const).to.equal('shared');
    expect(focused(h.panel)).to.equal(part(h.panel, `#option-up-${count - 1}`));
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('chooses the providers that prefill a field and their order, or none', async () => {
    const h = await mount(NAME);
    await expect(h.panel).to.be.accessible();
    const fill = () =>
      (h.matter.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).applicant
        ?.properties.name?.['x-fill'];
    await activate(part(h.panel, '#fill-chosen'));
    await settle(h.panel);
    const chosen = fill() as string[];
    expect(chosen.length).to.be.greaterThan(1);
    expect(chosen.at(-1)).to.equal('archive');
    await activate(part(h.panel, '#fill-down-0'));
    await settle(h.panel);
    expect(fill()).to.deep.equal([chosen[1], chosen[0], ...chosen.slice(2)]);
    expect(focused(h.panel)).to.equal(part(h.panel, '#fill-down-1'));
    await expect(h.panel).to.be.accessible();
    await activate(part(h.panel, '#fill-never'));
    await settle(h.panel);
    expect(fill()).to.equal(false);
    await chooseByKeyboard(part(h.panel, '#lock'), 'false');
    await settle(h.panel);
    expect(
      (h.matter.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).applicant
        ?.properties.name?.['x-lock'],
    ).to.equal(false);
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('combines two tests with "any" and takes the condition away again', async () => {
    const h = await mount(PHOTO);
    await expect(h.panel).to.be.accessible();
    await activate(part(h.panel, '#show-when >>> #add'));
    await settle(h.panel);
    await activate(part(h.panel, '#show-when >>> #add'));
    await settle(h.panel);
    await chooseByKeyboard(part(h.panel, '#show-when >>> #op-1'), 'answered');
    await settle(h.panel);
    await chooseByKeyboard(part(h.panel, '#show-when >>> #match'), 'any');
    await settle(h.panel);
    const allOf = h.matter.schema.allOf as {
      if: Record<string, unknown>;
      then: { properties: Record<string, unknown> };
    }[];
    const entry = allOf.find((p) => 'useIdCardPhoto' in (p.then?.properties ?? {}));
    expect(entry?.if).to.deep.equal({
      anyOf: [{ properties: { housing: { const: 'owned' } }, required: ['housing'] }, { required: ['housing'] }],
    });
    await activate(part(h.panel, '#show-when >>> #remove-1'));
    await settle(h.panel);
    await activate(part(h.panel, '#show-when >>> #remove-0'));
    await settle(h.panel);
    const left = (h.matter.schema.allOf as { then?: { properties?: Record<string, unknown> } }[]).filter(
      (p) => 'useIdCardPhoto' in (p.then?.properties ?? {}),
    );
    expect(left).to.deep.equal([]);
    expect((h.matter.schema.properties as Record<string, unknown>).useIdCardPhoto).to.exist;
    expect(focused(h.panel)).to.equal(part(h.panel, '#show-when >>> #add'));
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('draws the properties of every field of every sample matter, in both languages', async () => {
    const h = await mount(NAME);
    await expect(h.panel).to.be.accessible();
    const walk = (fields: OutlineField[]): OutlineField[] => fields.flatMap((f) => [f, ...walk(f.children)]);
    for (const sample of catalogue.matters) {
      const other = await mountPanel('matter-designer-properties', DesignerPropertiesPanel, sample, catalogue, {
        lang: sample.id.length % 2 ? 'en' : 'zh-CN',
      });
      for (const field of walk(other.view().outline.steps.flatMap((step) => step.fields))) {
        other.actions.select({ kind: 'field', schema: field.schema });
        await settle(other.panel);
        expect(part<HTMLInputElement>(other.panel, '#key').value, field.schema).to.equal(field.key);
      }
    }
  });
});
