import { expect } from 'chai';
import { compileSchema, type Catalogue, type JsonSchemaObject, type Material } from '@matterform/core';
import { readWhenSchema, whenSchema, type ShowWhen } from './conditions.js';
import { addMaterial, knownMaterials, moveMaterial, removeMaterial, setMaterialProperty } from './materials.js';
import { blankMatter, expectEdit, sameDocument, sampleCatalogue, sampleMatter } from './edits.test-helpers.js';

const COMMITMENT: Material = { id: 'commitment-letter', title: '承诺书', kind: 'commitment', required: true };

describe('designer edits: materials', () => {
  it('adds a material at the end, at a place, and as the first of a matter that has none', async () => {
    const matter = await sampleMatter('residence-permit');
    const count = matter.materials?.length ?? 0;
    const last = await expectEdit(matter, addMaterial(matter, COMMITMENT));
    expect(last.materials?.[count]).to.deep.equal(COMMITMENT);
    const second = await expectEdit(matter, addMaterial(matter, COMMITMENT, 1));
    expect(second.materials?.map((m) => m.id).slice(0, 3)).to.deep.equal([
      'resident-id-card',
      'commitment-letter',
      'rental-contract',
    ]);

    const blank = blankMatter();
    const first = await expectEdit(blank, addMaterial(blank, COMMITMENT));
    sameDocument(first, { ...blank, materials: [COMMITMENT] });
  });

  it('sets, replaces and removes a material’s properties, keeping the others in place', async () => {
    const matter = await sampleMatter('residence-permit');
    const onsite = await expectEdit(matter, setMaterialProperty(matter, 0, 'onsite', true));
    expect(Object.keys(onsite.materials?.[0] ?? {}).at(-1)).to.equal('onsite');
    const fewer = await expectEdit(matter, setMaterialProperty(matter, 1, 'upload', { maxFiles: 2 }));
    expect(fewer.materials?.[1]?.upload).to.deep.equal({ maxFiles: 2 });
    const noLicences = await expectEdit(matter, setMaterialProperty(matter, 1, 'licences', undefined));
    expect(Object.keys(noLicences.materials?.[1] ?? {})).to.deep.equal(
      Object.keys(matter.materials?.[1] ?? {}).filter((key) => key !== 'licences'),
    );
    expect(setMaterialProperty(matter, 1, 'reusable', true)).to.deep.equal([]);
    expect(setMaterialProperty(matter, 0, 'reusable', undefined)).to.deep.equal([]);
    expect(setMaterialProperty(matter, 99, 'reusable', true)).to.deep.equal([]);
  });

  it('writes a `when` with the condition editor’s schema, which holds for the data it should', async () => {
    const matter = await sampleMatter('residence-permit');
    expect(readWhenSchema(matter.materials?.[1]?.when)).to.deep.equal({
      match: 'all',
      tests: [{ field: 'housing', op: 'is', value: 'rented' }],
    });
    expect(readWhenSchema(matter.materials?.[0]?.when)).to.equal(undefined);
    const when: ShowWhen = {
      match: 'any',
      tests: [
        { field: 'housing', op: 'is', value: 'rented' },
        { field: 'basis', op: 'one-of', value: ['employment', 'study'] },
      ],
    };
    const after = await expectEdit(matter, setMaterialProperty(matter, 0, 'when', whenSchema(when)));
    const written = after.materials?.[0]?.when as JsonSchemaObject;
    expect(readWhenSchema(written)).to.deep.equal(when);
    const holds = compileSchema(written);
    expect(holds({ housing: 'rented' }).valid).to.equal(true);
    expect(holds({ housing: 'owned', basis: 'study' }).valid).to.equal(true);
    expect(holds({ housing: 'owned' }).valid).to.equal(false);
    expect(holds({}).valid).to.equal(false);
  });

  it('removes a material, and moves one up or down but not past either end', async () => {
    const matter = await sampleMatter('residence-permit');
    const ids = (matter.materials ?? []).map((m) => m.id);
    const removed = await expectEdit(matter, removeMaterial(matter, 2));
    expect(removed.materials?.map((m) => m.id)).to.deep.equal(ids.filter((_, i) => i !== 2));
    expect(removeMaterial(matter, ids.length)).to.deep.equal([]);

    const down = await expectEdit(matter, moveMaterial(matter, 0, 1));
    expect(down.materials?.map((m) => m.id).slice(0, 2)).to.deep.equal([ids[1], ids[0]]);
    const up = await expectEdit(matter, moveMaterial(matter, ids.length - 1, -1));
    expect(up.materials?.map((m) => m.id).slice(-2)).to.deep.equal([ids.at(-1), ids.at(-2)]);
    expect(moveMaterial(matter, 0, -1)).to.deep.equal([]);
    expect(moveMaterial(matter, ids.length - 1, 1)).to.deep.equal([]);
  });

  it('lists the materials other matters use, once per id, the most used first', async () => {
    const catalogue = await sampleCatalogue();
    const known = knownMaterials(catalogue, 'residence-permit');
    const users = new Map<string, Set<string>>();
    for (const matter of catalogue.matters)
      if (matter.id !== 'residence-permit')
        for (const material of matter.materials ?? [])
          users.set(material.id, (users.get(material.id) ?? new Set()).add(matter.id));
    expect(known.map((m) => m.id)).to.have.members([...users.keys()]);
    const counts = known.map((m) => users.get(m.id)?.size ?? 0);
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    expect(knownMaterials(catalogue).length).to.be.at.least(known.length);
  });

  it('takes a material’s first title, and keeps catalogue order among the equally used', () => {
    const matter = (id: string, materials: Material[]) =>
      ({ ...blankMatter(), id, materials }) as Catalogue['matters'][number];
    const catalogue: Catalogue = {
      concepts: [],
      sources: [],
      licences: [],
      matters: [
        matter('a-matter', [
          { id: 'photo', title: '照片' },
          { id: 'form', title: '申请表' },
        ]),
        matter('b-matter', [
          { id: 'contract', title: '合同' },
          { id: 'form', title: '申请书' },
        ]),
        matter('c-matter', [{ id: 'form', title: '表格' }]),
      ],
    };
    sameDocument(knownMaterials(catalogue), [
      { id: 'form', title: '申请表' },
      { id: 'photo', title: '照片' },
      { id: 'contract', title: '合同' },
    ]);
    sameDocument(knownMaterials(catalogue, 'a-matter'), [
      { id: 'form', title: '申请书' },
      { id: 'contract', title: '合同' },
    ]);
  });
});
