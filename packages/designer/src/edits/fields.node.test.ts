import { expect } from 'chai';
import type { Catalogue, Matter } from '@matterform/core';
import { DesignDocument } from '../document/design-document.js';
import {
  addField,
  bindConcept,
  deleteField,
  duplicateField,
  moveField,
  moveFieldBy,
  renameField,
  setFieldProperty,
  setFieldText,
  setOptions,
  setRequired,
} from './fields.js';
import { kindSchema } from './kinds.js';
import { blankMatter, expectEdit, sameDocument, sampleCatalogue, sampleMatter } from './edits.test-helpers.js';

/** `matter` changed by `change` on a copy: the document an edit should give. */
function expected(matter: Matter, change: (copy: Matter & Record<string, unknown>) => void): Matter {
  const copy = structuredClone(matter) as Matter & Record<string, unknown>;
  change(copy);
  return copy;
}

type Schema = Record<string, unknown> & { properties: Record<string, unknown>; required?: string[] };

function schemaOf(matter: Matter): Schema {
  return matter.schema as unknown as Schema;
}

let catalogue: Catalogue;
let permit: Matter;

before(async () => {
  catalogue = await sampleCatalogue();
  permit = await sampleMatter('residence-permit');
});

describe('addField', () => {
  it('adds a field of a kind to a blank matter, keyed `field`, then `field2`', async () => {
    const blank = blankMatter();
    const first = addField(blank, { parent: '/schema', kind: 'mobile' }, catalogue);
    expect(first.field).to.equal('/schema/properties/field');
    const once = await expectEdit(blank, first.patch);
    sameDocument(
      once,
      expected(blank, (m) => (schemaOf(m).properties.field = kindSchema('mobile'))),
    );
    const second = addField(once, { parent: '/schema', kind: 'yes-no', index: 0 }, catalogue);
    expect(second.field).to.equal('/schema/properties/field2');
    const twice = await expectEdit(once, second.patch);
    expect(Object.keys(schemaOf(twice).properties)).to.deep.equal(['field2', 'field']);
  });

  it('adds a concept with its schema, title and x-concept, keyed by its last segment', async () => {
    const { patch, field } = addField(
      permit,
      { parent: '/schema/properties/residence', concept: 'person.mobile' },
      catalogue,
    );
    expect(field).to.equal('/schema/properties/residence/properties/mobile');
    const after = await expectEdit(permit, patch);
    const concept = catalogue.concepts.find((c) => c.id === 'person.mobile');
    sameDocument(
      after,
      expected(permit, (m) => {
        const residence = schemaOf(m).properties.residence as Schema;
        residence.properties.mobile = {
          type: 'string',
          title: '手机号码',
          ...(concept?.schema as object),
          'x-concept': 'person.mobile',
          'x-i18n': { en: { title: 'Mobile number' } },
        };
      }),
    );
  });

  it('numbers a key already used in the object, branch fields included', async () => {
    const { patch, field } = addField(permit, { parent: '/schema', kind: 'short-text', key: 'employer' }, catalogue);
    expect(field).to.equal('/schema/properties/employer2');
    await expectEdit(permit, patch);
  });

  it('puts a new top-level field in a step of the layout: the last by default, or the one asked for', async () => {
    const last = addField(permit, { parent: '/schema', kind: 'date', key: 'appointment' }, catalogue);
    const after = await expectEdit(permit, last.patch);
    sameDocument(
      after,
      expected(permit, (m) => {
        schemaOf(m).properties.appointment = kindSchema('date');
        m.layout?.steps[2]?.fields.push('/appointment');
      }),
    );
    const chosen = addField(
      permit,
      { parent: '/schema', kind: 'date', key: 'appointment', step: 0, index: 1 },
      catalogue,
    );
    const placed = await expectEdit(permit, chosen.patch);
    expect(placed.layout?.steps[0]?.fields).to.deep.equal(['/applicant', '/appointment', '/hukou']);
    expect(Object.keys(schemaOf(placed).properties).at(-1)).to.equal('appointment');
  });

  it('adds a field to a branch and to a list’s items', async () => {
    const branch = addField(permit, { parent: '/schema/allOf/0/then/properties/rental', kind: 'number' }, catalogue);
    expect(branch.field).to.equal('/schema/allOf/0/then/properties/rental/properties/field');
    await expectEdit(permit, branch.patch);
    const migration = await sampleMatter('household-migration');
    const item = addField(migration, { parent: '/schema/$defs/member', kind: 'mobile', index: 1 }, catalogue);
    const after = await expectEdit(migration, item.patch);
    const member = (schemaOf(after).$defs as Record<string, Schema>).member as Schema;
    expect(Object.keys(member.properties).slice(0, 2)).to.deep.equal(['name', 'field']);
  });

  it('adds every kind to a blank matter as a valid field', async () => {
    let matter = blankMatter();
    for (const kind of [
      'short-text',
      'long-text',
      'number',
      'date',
      'one-choice',
      'several-choices',
      'yes-no',
      'id-number',
      'mobile',
      'region',
      'address',
      'group',
      'list',
      'note',
    ] as const) {
      const { patch } = addField(matter, { parent: '/schema', kind }, catalogue);
      matter = await expectEdit(matter, patch);
    }
    expect(Object.keys(schemaOf(matter).properties)).to.have.length(14);
  });
});

const APPLICANT = '/schema/properties/applicant';
const MOBILE = `${APPLICANT}/properties/mobile`;
const HOUSING = '/schema/properties/housing';

function group(matter: Matter, name: string): Schema {
  return schemaOf(matter).properties[name] as Schema;
}

function template(matter: Matter): Record<string, string> {
  return matter.outputs?.[0]?.template as Record<string, string>;
}

describe('duplicateField', () => {
  it('copies the field right after itself, numbered, required like it', async () => {
    const { patch, field } = duplicateField(permit, MOBILE);
    expect(field).to.equal(`${APPLICANT}/properties/mobile2`);
    const after = await expectEdit(permit, patch);
    const applicant = group(after, 'applicant');
    expect(Object.keys(applicant.properties).slice(-2)).to.deep.equal(['mobile', 'mobile2']);
    expect(applicant.properties.mobile2).to.deep.equal(applicant.properties.mobile);
    expect(applicant.required?.at(-1)).to.equal('mobile2');
  });

  it('lists a top-level copy right after the original in its step', async () => {
    const after = await expectEdit(permit, duplicateField(permit, HOUSING).patch);
    expect(after.layout?.steps[1]?.fields).to.deep.equal([
      '/residence',
      '/housing',
      '/housing2',
      '/rental',
      '/property',
    ]);
    expect(Object.keys(schemaOf(after).properties).indexOf('housing2')).to.equal(
      Object.keys(schemaOf(permit).properties).indexOf('housing') + 1,
    );
  });
});

describe('deleteField', () => {
  it('removes the property, its required entry, and the outputs that carried it', async () => {
    const after = await expectEdit(permit, deleteField(permit, `${APPLICANT}/properties/idNumber`));
    sameDocument(
      after,
      expected(permit, (m) => {
        const applicant = group(m, 'applicant');
        delete applicant.properties.idNumber;
        applicant.required = applicant.required?.filter((n) => n !== 'idNumber');
        delete template(m).GMSFHM;
      }),
    );
  });

  it('removes a top-level field’s layout entry, and embedded placeholders’ keys', async () => {
    const after = await expectEdit(permit, deleteField(permit, HOUSING));
    sameDocument(
      after,
      expected(permit, (m) => {
        delete schemaOf(m).properties.housing;
        schemaOf(m).required = schemaOf(m).required?.filter((n) => n !== 'housing');
        m.layout?.steps[1]?.fields.splice(1, 1);
        delete template(m).ZFQK;
        delete template(m).BZ;
      }),
    );
  });

  it('removes a required list that empties, and a group with everything in it', async () => {
    const blank = blankMatter();
    const added = await expectEdit(blank, addField(blank, { parent: '/schema', kind: 'address' }, catalogue).patch);
    const one = await expectEdit(added, deleteField(added, '/schema/properties/field/properties/region'));
    const none = await expectEdit(one, deleteField(one, '/schema/properties/field/properties/detail'));
    expect(group(none, 'field')).to.not.have.property('required');
    sameDocument(await expectEdit(added, deleteField(added, '/schema/properties/field')), blank);
  });
});

describe('moveField', () => {
  it('reorders an object’s properties, keeping every schema as it was', async () => {
    const { patch, field } = moveField(permit, MOBILE, { parent: APPLICANT, index: 0 });
    expect(field).to.equal(MOBILE);
    const after = await expectEdit(permit, patch);
    sameDocument(
      after,
      expected(permit, (m) => {
        const applicant = group(m, 'applicant');
        const { mobile, ...rest } = applicant.properties;
        applicant.properties = { mobile, ...rest };
      }),
    );
  });

  it('moves a top-level field within and between steps of the layout, not its property', async () => {
    const within = await expectEdit(permit, moveField(permit, HOUSING, { parent: '/schema', index: 0 }).patch);
    expect(within.layout?.steps[1]?.fields).to.deep.equal(['/housing', '/residence', '/rental', '/property']);
    expect(schemaOf(within).properties).to.equal(schemaOf(permit).properties);
    const across = await expectEdit(permit, moveField(permit, HOUSING, { parent: '/schema', index: 1, step: 0 }).patch);
    expect(across.layout?.steps.map((s) => s.fields)).to.deep.equal([
      ['/applicant', '/housing', '/hukou'],
      ['/residence', '/rental', '/property'],
      ['/basis', '/employer', '/school', '/useIdCardPhoto'],
    ]);
  });

  it('moves a field into another group: schema, required entry, outputs', async () => {
    const { patch, field } = moveField(permit, MOBILE, { parent: '/schema/properties/residence', index: 1 });
    expect(field).to.equal('/schema/properties/residence/properties/mobile');
    const after = await expectEdit(permit, patch);
    sameDocument(
      after,
      expected(permit, (m) => {
        const applicant = group(m, 'applicant');
        const residence = group(m, 'residence');
        const mobile = applicant.properties.mobile;
        delete applicant.properties.mobile;
        applicant.required = applicant.required?.filter((n) => n !== 'mobile');
        const [first, ...rest] = Object.entries(residence.properties);
        residence.properties = Object.fromEntries([first as [string, unknown], ['mobile', mobile], ...rest]);
        residence.required?.push('mobile');
        template(m).LXDH = '{/residence/mobile}';
      }),
    );
  });

  it('moves a top-level field into a group and back out into a step, rewriting the layout', async () => {
    const { patch, field } = moveField(permit, '/schema/properties/useIdCardPhoto', { parent: APPLICANT, index: 0 });
    const inside = await expectEdit(permit, patch);
    expect(inside.layout?.steps[2]?.fields).to.deep.equal(['/basis', '/employer', '/school']);
    expect(template(inside).SYSFZZP).to.equal('{/applicant/useIdCardPhoto}');
    const out = moveField(inside, field, { parent: '/schema', index: 0, step: 1 });
    const back = await expectEdit(inside, out.patch);
    expect(out.field).to.equal('/schema/properties/useIdCardPhoto');
    expect(back.layout?.steps[1]?.fields).to.deep.equal([
      '/useIdCardPhoto',
      '/residence',
      '/housing',
      '/rental',
      '/property',
    ]);
    expect(template(back).SYSFZZP).to.equal('{/useIdCardPhoto}');
  });

  it('numbers a key the target object already has, and never moves a group into itself', async () => {
    const { patch, field } = moveField(permit, '/schema/properties/residence/properties/region', {
      parent: '/schema/properties/hukou',
      index: 2,
    });
    expect(field).to.equal('/schema/properties/hukou/properties/region2');
    const after = await expectEdit(permit, patch);
    expect(template(after).JZDQ).to.equal('{/hukou/region2}');
    expect(moveField(permit, APPLICANT, { parent: APPLICANT, index: 0 }).patch).to.deep.equal([]);
    expect(
      moveField(permit, '/schema/properties/hukou', { parent: '/schema/properties/hukou', index: 0 }).patch,
    ).to.deep.equal([]);
  });
});

describe('moveFieldBy', () => {
  it('swaps a field with its neighbour in its object', async () => {
    const moved = moveFieldBy(permit, MOBILE, -1);
    const after = await expectEdit(permit, moved?.patch ?? []);
    expect(Object.keys(group(after, 'applicant').properties).slice(-2)).to.deep.equal(['mobile', 'birthDate']);
    expect(moveFieldBy(permit, MOBILE, 1)).to.equal(undefined);
    expect(moveFieldBy(permit, `${APPLICANT}/properties/name`, -1)).to.equal(undefined);
  });

  it('moves a top-level field through its step and over the step’s edge', async () => {
    const down = await expectEdit(permit, moveFieldBy(permit, '/schema/properties/hukou', 1)?.patch ?? []);
    expect(down.layout?.steps.map((s) => s.fields.length)).to.deep.equal([1, 5, 4]);
    expect(down.layout?.steps[1]?.fields[0]).to.equal('/hukou');
    const up = await expectEdit(permit, moveFieldBy(permit, '/schema/properties/residence', -1)?.patch ?? []);
    expect(up.layout?.steps[0]?.fields).to.deep.equal(['/applicant', '/hukou', '/residence']);
    const within = await expectEdit(permit, moveFieldBy(permit, HOUSING, 1)?.patch ?? []);
    expect(within.layout?.steps[1]?.fields).to.deep.equal(['/residence', '/rental', '/housing', '/property']);
    expect(moveFieldBy(permit, '/schema/properties/applicant', -1)).to.equal(undefined);
    expect(moveFieldBy(permit, '/schema/properties/useIdCardPhoto', 1)).to.equal(undefined);
  });

  it('moves among properties in a matter without layout', async () => {
    const blank = blankMatter();
    let matter = await expectEdit(blank, addField(blank, { parent: '/schema', kind: 'date' }, catalogue).patch);
    matter = await expectEdit(matter, addField(matter, { parent: '/schema', kind: 'mobile' }, catalogue).patch);
    const after = await expectEdit(matter, moveFieldBy(matter, '/schema/properties/field2', -1)?.patch ?? []);
    expect(Object.keys(schemaOf(after).properties)).to.deep.equal(['field2', 'field']);
  });
});

describe('renameField', () => {
  it('renames in place and rewrites required, conditions, materials’ when, layout and outputs', async () => {
    const { patch, field } = renameField(permit, HOUSING, 'home');
    expect(field).to.equal('/schema/properties/home');
    const after = await expectEdit(permit, patch);
    sameDocument(
      after,
      expected(permit, (m) => {
        const schema = schemaOf(m);
        schema.properties = Object.fromEntries(
          Object.entries(schema.properties).map(([k, v]) => [k === 'housing' ? 'home' : k, v]),
        );
        schema.required = schema.required?.map((n) => (n === 'housing' ? 'home' : n));
        for (const member of (schema.allOf as { if: Schema }[]).slice(0, 2)) {
          member.if.properties = { home: member.if.properties.housing };
          member.if.required = ['home'];
        }
        for (const material of m.materials ?? []) {
          const when = material.when as Schema | undefined;
          if (when?.properties.housing === undefined) continue;
          when.properties = { home: when.properties.housing };
          when.required = ['home'];
        }
        (m.layout?.steps[1]?.fields as string[])[1] = '/home';
        template(m).ZFQK = '{/home}';
        template(m).BZ = '网上申领；申领条件 {/basis}，住房 {/home}';
      }),
    );
  });

  it('renames every use of a field declared once in $defs', async () => {
    const migration = await sampleMatter('household-migration');
    const { patch, field } = renameField(migration, '/schema/$defs/address/properties/detail', 'street');
    expect(field).to.equal('/schema/$defs/address/properties/street');
    const after = await expectEdit(migration, patch);
    expect(template(after).QRDZ).to.equal('{/destination/street}');
    expect(template(after).QCDZ).to.equal('{/currentHukou/detail}');
    expect(renameField(migration, field, '').patch).to.deep.equal([]);
  });

  it('numbers a name in use', async () => {
    const { field } = renameField(permit, MOBILE, 'name');
    expect(field).to.equal(`${APPLICANT}/properties/name2`);
  });
});

describe('field properties and texts', () => {
  it('sets and removes a keyword', async () => {
    const set = await expectEdit(permit, setFieldProperty(permit, MOBILE, 'x-lock', false));
    expect(group(set, 'applicant').properties.mobile).to.include({ 'x-lock': false });
    sameDocument(await expectEdit(set, setFieldProperty(set, MOBILE, 'x-lock', undefined)), permit);
    const noHelp = await expectEdit(permit, setFieldProperty(permit, MOBILE, 'x-help', undefined));
    expect(group(noHelp, 'applicant').properties.mobile).to.not.have.property('x-help');
  });

  it('writes zh-CN texts as keywords and other locales in x-i18n, and removes them when empty', async () => {
    const zh = await expectEdit(permit, setFieldText(permit, MOBILE, 'placeholder', 'zh-CN', '11 位手机号'));
    expect(group(zh, 'applicant').properties.mobile).to.include({ 'x-placeholder': '11 位手机号' });
    const en = await expectEdit(permit, setFieldText(permit, MOBILE, 'title', 'en', 'Mobile phone'));
    expect(group(en, 'applicant').properties.mobile).to.deep.include({
      'x-i18n': { en: { title: 'Mobile phone', help: 'Progress notifications are sent to this number by SMS' } },
    });
    const nation = `${APPLICANT}/properties/nation`;
    const noEn = await expectEdit(permit, setFieldText(permit, nation, 'title', 'en', ''));
    const withoutPlaceholder = await expectEdit(noEn, setFieldText(noEn, nation, 'placeholder', 'en', ''));
    expect(group(withoutPlaceholder, 'applicant').properties.nation).to.not.have.property('x-i18n');
  });

  it('makes a field required and optional, removing an emptied required list', async () => {
    const on = await expectEdit(permit, setRequired(permit, `${APPLICANT}/properties/nation`, true));
    expect(group(on, 'applicant').required?.at(-1)).to.equal('nation');
    expect(setRequired(permit, MOBILE, true)).to.deep.equal([]);
    let matter = permit;
    for (const name of ['region', 'detail']) {
      matter = await expectEdit(matter, setRequired(matter, `/schema/properties/hukou/properties/${name}`, false));
    }
    expect(group(matter, 'hukou')).to.not.have.property('required');
  });

  it('binds a concept, giving an untyped field its type, and unbinds it', async () => {
    const blank = blankMatter();
    const added = await expectEdit(blank, addField(blank, { parent: '/schema', kind: 'other' }, catalogue).patch);
    const bound = await expectEdit(added, bindConcept(added, '/schema/properties/field', 'person.mobile', catalogue));
    expect(schemaOf(bound).properties.field).to.include({
      type: 'string',
      format: 'cn-mobile',
      'x-concept': 'person.mobile',
    });
    const unbound = await expectEdit(bound, bindConcept(bound, '/schema/properties/field', undefined, catalogue));
    expect(schemaOf(unbound).properties.field).to.not.have.property('x-concept');
    const nation = `${APPLICANT}/properties/nation`;
    const rebound = await expectEdit(permit, bindConcept(permit, nation, 'person.name', catalogue));
    expect(group(rebound, 'applicant').properties.nation).to.deep.include({
      type: 'string',
      'x-concept': 'person.name',
    });
  });
});

describe('setOptions', () => {
  const options = [
    { value: 'owned', title: { 'zh-CN': '自有', en: 'Own' } },
    { value: 'lent', title: '借住' },
  ];

  it('writes oneOf of const and title', async () => {
    const after = await expectEdit(permit, setOptions(permit, HOUSING, options));
    expect(schemaOf(after).properties.housing).to.deep.include({
      oneOf: [
        { const: 'owned', title: '自有', 'x-i18n': { en: { title: 'Own' } } },
        { const: 'lent', title: '借住' },
      ],
    });
  });

  it('keeps an enum an enum, with its titles in every language', async () => {
    const gender = `${APPLICANT}/properties/gender`;
    const two = [
      { value: '1', title: { 'zh-CN': '男性', en: 'Man' } },
      { value: '2', title: { 'zh-CN': '女性', en: 'Woman' } },
    ];
    const after = await expectEdit(permit, setOptions(permit, gender, two));
    const schema = group(after, 'applicant').properties.gender;
    expect(schema).to.deep.include({ enum: ['1', '2'], 'x-enumTitles': ['男性', '女性'] });
    expect(schema).to.deep.include({ 'x-i18n': { en: { title: 'Gender', enumTitles: ['Man', 'Woman'] } } });
  });

  it('writes a several-choices field’s options in its items', async () => {
    const blank = blankMatter();
    const added = await expectEdit(
      blank,
      addField(blank, { parent: '/schema', kind: 'several-choices' }, catalogue).patch,
    );
    const after = await expectEdit(added, setOptions(added, '/schema/properties/field', options));
    expect((schemaOf(after).properties.field as Schema).items).to.deep.equal({
      type: 'string',
      enum: ['owned', 'lent'],
      'x-enumTitles': ['自有', '借住'],
      'x-i18n': { en: { enumTitles: ['Own', '借住'] } },
    });
  });
});

describe('field edits in the design document', () => {
  it('are undone one by one back to the document opened', () => {
    const document = new DesignDocument(permit);
    const added = addField(document.matter, { parent: APPLICANT, kind: 'mobile', key: 'phone' }, catalogue);
    document.apply(added.patch, 'add');
    const moved = moveField(document.matter, added.field, { parent: '/schema/properties/residence', index: 0 });
    document.apply(moved.patch, 'move');
    document.apply(renameField(document.matter, moved.field, 'homePhone').patch, 'rename');
    document.apply(deleteField(document.matter, HOUSING), 'delete');
    expect(Object.keys(group(document.matter, 'residence').properties)[0]).to.equal('homePhone');
    while (document.canUndo) document.undo();
    expect(JSON.stringify(document.matter)).to.equal(JSON.stringify(permit));
  });
});
