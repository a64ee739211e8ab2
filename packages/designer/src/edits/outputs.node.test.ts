import { expect } from 'chai';
import { renderOutputs } from '@matterform/core';
import {
  addOutput,
  placeholderPointer,
  removeOutput,
  renameOutputKey,
  setOutputKey,
  setOutputSystem,
} from './outputs.js';
import { blankMatter, expectEdit, sameDocument, sampleMatter } from './edits.test-helpers.js';

describe('designer edits: outputs', () => {
  it('adds an output with an empty template, creating the list when there is none', async () => {
    const matter = await sampleMatter('residence-permit');
    const added = await expectEdit(matter, addOutput(matter, 'hukou'));
    sameDocument(added.outputs?.at(-1), { system: 'hukou', template: {} });
    expect(added.outputs).to.have.length((matter.outputs?.length ?? 0) + 1);

    const blank = blankMatter();
    sameDocument(await expectEdit(blank, addOutput(blank, 'hukou')), {
      ...blank,
      outputs: [{ system: 'hukou', template: {} }],
    });
  });

  it('changes an output’s system, and nothing when it is the same', async () => {
    const matter = await sampleMatter('residence-permit');
    const after = await expectEdit(matter, setOutputSystem(matter, 0, 'hukou'));
    expect(after.outputs?.[0]?.system).to.equal('hukou');
    expect(setOutputSystem(matter, 0, 'population-management')).to.deep.equal([]);
    expect(setOutputSystem(matter, 5, 'hukou')).to.deep.equal([]);
  });

  it('maps a key to a field as a placeholder the payload is rendered from', async () => {
    const matter = await sampleMatter('residence-permit');
    const added = await expectEdit(matter, setOutputKey(matter, 0, 'ZZ/1', '/residence/region'));
    const template = added.outputs?.[0]?.template as Record<string, unknown>;
    expect(Object.keys(template).at(-1)).to.equal('ZZ/1');
    expect(template['ZZ/1']).to.equal('{/residence/region}');
    expect(placeholderPointer(template['ZZ/1'])).to.equal('/residence/region');
    const [rendered] = renderOutputs(added.outputs ?? [], { residence: { region: '430104' } });
    expect((rendered?.payload as Record<string, unknown>)['ZZ/1']).to.equal('430104');

    const remapped = await expectEdit(matter, setOutputKey(matter, 0, 'XM', '/applicant/idNumber'));
    const keys = Object.keys(matter.outputs?.[0]?.template as object);
    expect(Object.keys(remapped.outputs?.[0]?.template as object)).to.deep.equal(keys);
    expect((remapped.outputs?.[0]?.template as Record<string, unknown>).XM).to.equal('{/applicant/idNumber}');
    expect(setOutputKey(matter, 0, 'XM', '/applicant/name')).to.deep.equal([]);
  });

  it('removes a key where it stands, and renames one in its place', async () => {
    const matter = await sampleMatter('residence-permit');
    const keys = Object.keys(matter.outputs?.[0]?.template as object);
    const removed = await expectEdit(matter, setOutputKey(matter, 0, 'XB', undefined));
    expect(Object.keys(removed.outputs?.[0]?.template as object)).to.deep.equal(keys.filter((k) => k !== 'XB'));
    expect(setOutputKey(matter, 0, 'NOPE', undefined)).to.deep.equal([]);

    const renamed = await expectEdit(matter, renameOutputKey(matter, 0, 'XB', 'GENDER'));
    const template = renamed.outputs?.[0]?.template as Record<string, unknown>;
    expect(Object.keys(template)).to.deep.equal(keys.map((k) => (k === 'XB' ? 'GENDER' : k)));
    expect(template.GENDER).to.equal('{/applicant/gender}');
    expect(renameOutputKey(matter, 0, 'XB', 'XM'), 'onto a key already there').to.deep.equal([]);
    expect(renameOutputKey(matter, 0, 'XB', 'XB')).to.deep.equal([]);
  });

  it('removes an output, and leaves a template that is not an object to the JSON view', async () => {
    const matter = await sampleMatter('residence-permit');
    const removed = await expectEdit(matter, removeOutput(matter, 0));
    expect(removed.outputs).to.deep.equal([]);
    expect(removeOutput(matter, 1)).to.deep.equal([]);

    const listed = { ...blankMatter(), outputs: [{ system: 'archive', template: ['{/a}'] }] };
    expect(setOutputKey(listed, 0, 'A', '/a')).to.deep.equal([]);
    expect(renameOutputKey(listed, 0, '0', 'A')).to.deep.equal([]);
    expect(placeholderPointer('名字 {/a}')).to.equal(undefined);
  });
});
