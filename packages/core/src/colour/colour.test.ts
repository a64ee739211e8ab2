import { expect } from 'chai';
import {
  COLOURS,
  NO_DEPARTMENT,
  rateCatalogue,
  rateMatter,
  type ColourReason,
  type ColourRule,
  type MatterRating,
} from './colour.js';
import type { Catalogue, Material, Matter, Subschema } from '../generated/catalogue.js';
import type { JsonSchemaObject } from '../schema/json-schema.js';

const S2020 = 'https://json-schema.org/draft/2020-12/schema';

/** A small catalogue: one fresh and one stale licence type, connected and unconnected sources, person and organization providers. */
function catalogue(matters: Matter[] = []): Catalogue {
  return {
    concepts: [
      { id: 'person.name', title: { 'zh-CN': '姓名', en: 'Name' }, schema: { type: 'string' } },
      {
        id: 'person.idNumber',
        title: { 'zh-CN': '公民身份号码', en: 'ID number' },
        schema: { type: 'string', format: 'cn-id-number' },
      },
      {
        id: 'person.mobile',
        title: { 'zh-CN': '手机号码', en: 'Mobile number' },
        schema: { type: 'string', format: 'cn-mobile' },
      },
      {
        id: 'person.residence.since',
        title: { 'zh-CN': '居住起始日期', en: 'Resident since' },
        schema: { type: 'string', format: 'date' },
      },
      { id: 'person.permitNumber', title: '居住证号码', schema: { type: 'string' } },
      { id: 'org.name', title: { 'zh-CN': '单位名称', en: 'Organisation name' }, schema: { type: 'string' } },
    ],
    sources: [
      {
        id: 'city-account',
        title: { 'zh-CN': '长沙市民账户', en: 'Changsha citizen account' },
        level: 'city',
        subjectKinds: ['person'],
        provides: { 'person.mobile': '/sjhm' },
        connected: true,
      },
      {
        id: 'residence-registry',
        title: { 'zh-CN': '流动人口居住登记', en: 'Migrant residence registry' },
        level: 'city',
        subjectKinds: ['person'],
        provides: { 'person.residence.since': '/jzqsrq' },
        connected: false,
      },
      {
        id: 'market-registry',
        title: { 'zh-CN': '企业登记信息', en: 'Company registry' },
        level: 'province',
        subjectKinds: ['organization'],
        provides: { 'org.name': '/qymc' },
        connected: true,
      },
    ],
    licences: [
      {
        id: 'id-card',
        title: { 'zh-CN': '居民身份证', en: 'Resident ID card' },
        holder: 'person',
        provides: { 'person.name': '/name', 'person.idNumber': '/number' },
        fresh: true,
      },
      {
        id: 'residence-permit',
        title: { 'zh-CN': '居住证', en: 'Residence permit' },
        holder: 'person',
        provides: { 'person.permitNumber': '/number' },
        fresh: false,
      },
    ],
    matters,
  };
}

const idCardMaterial: Material = {
  id: 'id-card',
  title: { 'zh-CN': '居民身份证', en: 'Resident ID card' },
  required: true,
  licences: ['id-card'],
};

const upload = { accept: ['application/pdf'], maxFiles: 1 };

/** A matter that is green in every stage; `changes` replace its top-level attributes. */
function matter(changes: Partial<Matter> = {}): Matter {
  return {
    id: 'sample-matter',
    version: '1.0.0',
    title: { 'zh-CN': '示例事项', en: 'Sample matter' },
    authority: '长沙市',
    department: 'public-security',
    audience: ['person'],
    onsiteVisits: 0,
    process: { review: { systems: ['hukou'] } },
    result: { delivery: ['e-licence'] },
    schema: {
      $schema: S2020,
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          title: '申请人',
          properties: {
            name: { type: 'string', title: '姓名', 'x-concept': 'person.name' },
            idNumber: { type: 'string', format: 'cn-id-number', title: '公民身份号码', 'x-concept': 'person.idNumber' },
          },
          required: ['name', 'idNumber'],
        },
      },
      required: ['applicant'],
    },
    materials: [idCardMaterial],
    outputs: [{ system: 'hukou', template: { XM: '{/applicant/name}' } }],
    ...changes,
  };
}

function rate(changes: Partial<Matter> = {}): MatterRating {
  const m = matter(changes);
  return rateMatter(m, catalogue([m]));
}

function reasons(rating: MatterRating, rule?: ColourRule): ColourReason[] {
  const all = [...rating.stages.apply.reasons, ...rating.stages.review.reasons, ...rating.stages.deliver.reasons];
  return rule ? all.filter((r) => r.rule === rule) : all;
}

function materialReason(rating: MatterRating, id: string): ColourReason {
  const found = rating.stages.apply.reasons.find((r) => r.material === id);
  if (!found) throw new Error(`no reason for material ${id}: ${JSON.stringify(rating.stages.apply.reasons)}`);
  return found;
}

/** A schema of `count` required plain-text fields without a concept, plus `extra` properties. */
function typedFields(
  count: number,
  extra: Record<string, Subschema> = {},
  extraRequired: string[] = [],
): Matter['schema'] {
  const properties: Record<string, Subschema> = {};
  for (let i = 1; i <= count; i++) properties[`text${i}`] = { type: 'string', title: `文本${i}` };
  return {
    $schema: S2020,
    type: 'object',
    properties: { ...properties, ...extra },
    required: [...Object.keys(properties), ...extraRequired],
  };
}

function manualFieldPointers(rating: MatterRating): string[] {
  return reasons(rating, 'manual-fields').flatMap((r) => (r.field ? [r.field] : []));
}

describe('rateMatter', () => {
  it('rates a matter handled fully online green in every stage, each stage with a reason', () => {
    const rating = rate();
    expect(rating.id).to.equal('sample-matter');
    expect(rating.department).to.equal('public-security');
    expect(rating.colour).to.equal('green');
    for (const stage of ['apply', 'review', 'deliver'] as const) {
      expect(rating.stages[stage].colour, stage).to.equal('green');
      expect(rating.stages[stage].reasons.length, stage).to.be.at.least(1);
    }
    expect(materialReason(rating, 'id-card')).to.deep.include({ colour: 'green', rule: 'electronic' });
    expect(materialReason(rating, 'id-card').message.en).to.contain('Resident ID card');
    expect(rating.fixes).to.deep.equal([]);
  });

  it('writes every reason and fix in zh-CN and en', () => {
    const rating = rate({
      onsiteVisits: 2,
      materials: [{ id: 'photo', title: { 'zh-CN': '照片', en: 'Photo' }, required: true, upload }],
      process: { review: { systems: ['hukou', 'archive'], paper: true } },
      result: { delivery: ['pickup'] },
      schema: typedFields(5),
    });
    for (const item of [...reasons(rating), ...rating.fixes]) {
      expect(item.message['zh-CN'], JSON.stringify(item)).to.match(/[\u4e00-\u9fff]/);
      // English sentences around the catalogue's own (here Chinese) titles: no Chinese punctuation of ours.
      expect(item.message.en, JSON.stringify(item))
        .to.match(/^[a-z0-9]/)
        .and.not.match(/[，。：、（）]/);
    }
  });

  describe('apply: materials take their best path', () => {
    const cases: [string, Partial<Material>, string, ColourRule][] = [
      ['a fresh licence type', { licences: ['id-card'] }, 'green', 'electronic'],
      ['a connected source', { sources: ['city-account'] }, 'green', 'electronic'],
      [
        'a connected source besides a stale licence',
        { licences: ['residence-permit'], sources: ['city-account'] },
        'green',
        'electronic',
      ],
      ['a licence type not kept fresh, and upload', { licences: ['residence-permit'], upload }, 'orange', 'stale'],
      ['an unconnected source, and upload', { sources: ['residence-registry'], upload }, 'orange', 'stale'],
      ['only upload', { upload }, 'yellow', 'upload-only'],
      ['onsite, whatever else it lists', { licences: ['id-card'], upload, onsite: true }, 'red', 'in-person'],
      ['an unconnected source and no upload', { sources: ['residence-registry'] }, 'red', 'in-person'],
      ['nothing at all', {}, 'red', 'in-person'],
      ['a source only for organizations, and upload', { sources: ['market-registry'], upload }, 'orange', 'stale'],
    ];
    for (const [name, paths, colour, rule] of cases) {
      it(`${name} → ${colour}`, () => {
        const material: Material = { id: 'proof', title: { 'zh-CN': '证明', en: 'Proof' }, required: true, ...paths };
        const rating = rate({ materials: [material] });
        expect(materialReason(rating, 'proof')).to.deep.include({ colour, rule });
        expect(rating.stages.apply.colour).to.equal(colour);
        expect(materialReason(rating, 'proof').message['zh-CN']).to.contain('证明');
      });
    }

    it('names what keeps a stale material from being electronic, and how to fix it', () => {
      const rating = rate({
        materials: [
          {
            id: 'permit',
            title: { 'zh-CN': '居住证', en: 'Residence permit' },
            required: true,
            licences: ['residence-permit'],
            sources: ['residence-registry'],
            upload,
          },
        ],
      });
      expect(materialReason(rating, 'permit').message.en).to.equal(
        'material "Residence permit" must be uploaded: licence type "Residence permit" is not kept fresh and source "Migrant residence registry" is not connected',
      );
      expect(rating.fixes.map((f) => f.message.en)).to.deep.equal([
        'connect source "Migrant residence registry" so that material "Residence permit" is checked electronically',
        'keep licence type "Residence permit" fresh (fresh: true) so that it satisfies material "Residence permit"',
      ]);
      expect(rating.fixes.every((f) => f.rule === 'stale')).to.equal(true);
    });

    it('counts a required material whatever its when, marking it conditional, and skips optional ones', () => {
      const rating = rate({
        materials: [
          idCardMaterial,
          {
            id: 'lease',
            title: '租赁合同',
            required: true,
            when: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
            upload,
          },
          { id: 'photo', title: '照片', required: false, onsite: true },
        ],
      });
      expect(materialReason(rating, 'lease')).to.deep.include({ colour: 'yellow', conditional: true });
      expect(materialReason(rating, 'id-card').conditional).to.equal(undefined);
      expect(rating.stages.apply.reasons.some((r) => r.material === 'photo')).to.equal(false);
      expect(rating.stages.apply.colour).to.equal('yellow');
    });

    it('suggests the licence type other matters list for an upload-only material', () => {
      const other = matter({
        id: 'other',
        materials: [{ id: 'id-proof', title: '身份证明', required: true, licences: ['id-card'] }],
      });
      const m = matter({ materials: [{ id: 'id-proof', title: '身份证明', required: true, upload }] });
      const rating = rateMatter(m, catalogue([m, other]));
      expect(rating.fixes).to.deep.include({
        rule: 'upload-only',
        message: {
          'zh-CN': '在材料“身份证明”的 licences/sources 中列出电子证照“居民身份证”，申请人即无需上传',
          en: 'list licence type "Resident ID card" in the licences/sources of material "身份证明", so applicants need not upload it',
        },
      });
    });

    it('turns red when the applicant must come in person', () => {
      const rating = rate({ onsiteVisits: 1 });
      expect(rating.stages.apply.colour).to.equal('red');
      expect(reasons(rating, 'onsite-visits')).to.have.length(1);
      expect(reasons(rating, 'onsite-visits')[0]?.message.en).to.contain('1 time');
      expect(rating.fixes.map((f) => f.rule)).to.include('onsite-visits');
    });

    it('says so when a matter asks for no required material', () => {
      const rating = rate({ materials: [] });
      expect(rating.stages.apply.colour).to.equal('green');
      expect(reasons(rating, 'electronic')[0]?.message.en).to.equal('the matter asks for no required material');
    });
  });

  describe('apply: fields typed by hand', () => {
    it('allows exactly 3 required fields without a provider, and turns yellow at 4', () => {
      const three = rate({ schema: typedFields(3) });
      expect(three.stages.apply.colour).to.equal('green');
      expect(reasons(three, 'manual-fields')[0]?.message.en).to.match(/^only 3 required field\(s\) must be typed/);

      const four = rate({ schema: typedFields(4) });
      expect(four.stages.apply.colour).to.equal('yellow');
      expect(manualFieldPointers(four)).to.deep.equal(['/text1', '/text2', '/text3', '/text4']);
      expect(reasons(four, 'manual-fields')[0]?.message.en).to.match(/^4 required fields must be typed by hand/);
      expect(reasons(four, 'manual-fields')[1]?.message.en).to.equal(
        'field "文本1" (/text1) has no concept (x-concept)',
      );
    });

    it('does not count booleans, enumerations, optional fields or fields of an optional object', () => {
      const rating = rate({
        schema: typedFields(
          3,
          {
            agree: { type: 'boolean' },
            kind: { type: 'string', enum: ['a', 'b'] },
            fixed: { type: 'string', const: 'x' },
            choice: {
              type: 'string',
              oneOf: [
                { const: 'a', title: 'A' },
                { const: 'b', title: 'B' },
              ],
            },
            note: { type: 'string' },
            contact: { type: 'object', properties: { phone: { type: 'string' } }, required: ['phone'] },
            hidden: { type: 'string', 'x-widget': 'hidden' },
            shown: { type: 'string', readOnly: true },
          },
          ['agree', 'kind', 'fixed', 'choice', 'hidden', 'shown'],
        ),
      });
      expect(rating.stages.apply.colour).to.equal('green');
      expect(reasons(rating, 'manual-fields')[0]?.message.en).to.contain('only 3 required');
    });

    it('counts the fields of a list item once, and a list of plain strings as one field', () => {
      const members = {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: { type: 'string', title: '姓名', 'x-concept': 'person.name' } },
          required: ['name'],
        },
      };
      const three = rate({ schema: typedFields(2, { members }, ['members']) });
      expect(three.stages.apply.colour).to.equal('green');
      const four = rate({ schema: typedFields(3, { members }, ['members']) });
      expect(manualFieldPointers(four)).to.deep.equal(['/text1', '/text2', '/text3', '/members/-/name']);
      expect(reasons(four, 'manual-fields').find((r) => r.field === '/members/-/name')?.message.en).to.contain(
        'never prefilled',
      );
      const tags = rate({ schema: typedFields(3, { tags: { type: 'array', items: { type: 'string' } } }, ['tags']) });
      expect(manualFieldPointers(tags)).to.deep.equal(['/text1', '/text2', '/text3', '/tags']);
      const picks = rate({
        schema: typedFields(3, { picks: { type: 'array', items: { enum: ['a', 'b'] } } }, ['picks']),
      });
      expect(picks.stages.apply.colour).to.equal('green');
    });

    it('counts a field whose prefill is turned off, or restricted to the archive', () => {
      const rating = rate({
        schema: typedFields(
          2,
          {
            name: { type: 'string', 'x-concept': 'person.name', 'x-fill': false },
            mobile: { type: 'string', format: 'cn-mobile', 'x-concept': 'person.mobile', 'x-fill': ['archive'] },
          },
          ['name', 'mobile'],
        ),
      });
      expect(rating.stages.apply.colour).to.equal('yellow');
      const messages = reasons(rating, 'manual-fields').map((r) => r.message.en);
      expect(messages).to.include('field /name has prefill turned off (x-fill: false)');
      expect(messages.find((m) => m.startsWith('field /mobile'))).to.contain('archive');
      expect(rating.fixes.map((f) => f.message.en)).to.include(
        'add source:city-account (source "Changsha citizen account") to the x-fill of field /mobile',
      );
    });

    it('does not count a field filled by a provider its x-fill allows', () => {
      const rating = rate({
        schema: typedFields(
          3,
          {
            mobile: { type: 'string', 'x-concept': 'person.mobile', 'x-fill': ['source:city-account', 'archive'] },
          },
          ['mobile'],
        ),
      });
      expect(rating.stages.apply.colour).to.equal('green');
    });

    it('counts branch fields required in their branch, as conditional', () => {
      const schema = typedFields(3, { housing: { type: 'string', enum: ['owned', 'rented'] } }, ['housing']);
      const rating = rate({
        schema: {
          ...schema,
          if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
          then: { properties: { landlord: { type: 'string', title: '房东' } }, required: ['landlord'] },
          else: { properties: { deed: { type: 'string', title: '房产证号' } } },
        },
      });
      expect(rating.stages.apply.colour).to.equal('yellow');
      expect(manualFieldPointers(rating)).to.deep.equal(['/text1', '/text2', '/text3', '/landlord']);
      const landlord = reasons(rating, 'manual-fields').find((r) => r.field === '/landlord');
      expect(landlord?.conditional).to.equal(true);
      expect(reasons(rating, 'manual-fields').find((r) => r.field === '/text1')?.conditional).to.equal(undefined);
    });

    it('counts an own field a branch makes required, and the required fields of a branch object', () => {
      const schema = typedFields(2, { note: { type: 'string' }, kind: { enum: ['a', 'b'] } }, ['kind']);
      const rating = rate({
        schema: {
          ...schema,
          allOf: [
            {
              if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
              then: {
                required: ['note', 'detail'],
                properties: {
                  detail: {
                    type: 'object',
                    properties: { street: { type: 'string' }, extra: { type: 'string' } },
                    required: ['street'],
                  },
                },
              },
            },
          ],
        },
      });
      expect(manualFieldPointers(rating)).to.deep.equal(['/text1', '/text2', '/note', '/detail/street']);
      expect(
        reasons(rating, 'manual-fields')
          .filter((r) => r.conditional)
          .map((r) => r.field),
      ).to.deep.equal(['/note', '/detail/street']);
    });

    it('counts a concept provided only by an unconnected source as manual, and asks to connect it', () => {
      const rating = rate({
        schema: typedFields(3, { since: { type: 'string', format: 'date', 'x-concept': 'person.residence.since' } }, [
          'since',
        ]),
      });
      expect(rating.stages.apply.colour).to.equal('yellow');
      expect(reasons(rating, 'manual-fields').find((r) => r.field === '/since')?.message.en).to.equal(
        'field /since: concept person.residence.since (Resident since) is provided only by source "Migrant residence registry", not connected',
      );
      expect(rating.fixes.map((f) => f.message.en)).to.include(
        'connect source "Migrant residence registry" to fill concept person.residence.since (Resident since)',
      );
    });

    it('fills fields from a licence type not kept fresh', () => {
      const rating = rate({
        schema: typedFields(3, { permit: { type: 'string', 'x-concept': 'person.permitNumber' } }, ['permit']),
      });
      expect(rating.stages.apply.colour).to.equal('green');
    });

    it("does not let a source for organizations fill a person's form", () => {
      const schema = typedFields(3, { company: { type: 'string', 'x-concept': 'org.name' } }, ['company']);
      const person = rate({ schema });
      expect(person.stages.apply.colour).to.equal('yellow');
      expect(reasons(person, 'manual-fields').find((r) => r.field === '/company')?.message.en).to.contain(
        'do not serve people',
      );
      const organization = rate({ schema, audience: ['organization'], materials: [] });
      expect(organization.stages.apply.colour).to.equal('green');
    });

    it('rates a matter for both kinds of applicant by the worse one', () => {
      const rating = rate({
        audience: ['person', 'organization'],
        materials: [],
        schema: typedFields(3, { name: { type: 'string', 'x-concept': 'person.name' } }, ['name']),
      });
      expect(rating.stages.apply.colour).to.equal('yellow');
      expect(reasons(rating, 'manual-fields')[0]?.message.en).to.contain('(when an organization applies)');
    });

    it('suggests binding a field to the concept a connected source provides', () => {
      const rating = rate({
        schema: {
          $schema: S2020,
          type: 'object',
          properties: {
            applicant: {
              type: 'object',
              properties: {
                name: { type: 'string', title: '姓名', 'x-concept': 'person.name' },
                phone: {
                  type: 'string',
                  title: '联系电话',
                  format: 'cn-mobile',
                  'x-i18n': { en: { title: 'Phone' } },
                },
              },
              required: ['name', 'phone'],
            },
            kin: {
              type: 'object',
              properties: { name: { type: 'string', title: '姓名' } },
              required: ['name'],
            },
            text1: { type: 'string' },
            text2: { type: 'string' },
          },
          required: ['applicant', 'kin', 'text1', 'text2'],
        },
      });
      expect(rating.stages.apply.colour).to.equal('yellow');
      expect(rating.fixes).to.deep.include({
        rule: 'manual-fields',
        message: {
          'zh-CN':
            '将字段“联系电话”（/applicant/phone）绑定数据元 person.mobile（手机号码）（x-concept），由数据源“长沙市民账户”提供',
          en: 'bind field "Phone" (/applicant/phone) to concept person.mobile (Mobile number) (x-concept), provided by source "Changsha citizen account"',
        },
      });
      // A relative's name is not the applicant's own.
      const kin = rating.fixes.find((f) => f.message.en.includes('/kin/name'));
      expect(kin?.message.en).to.not.contain('person.name');
      expect(kin?.message.en).to.match(/^catalogue a concept for field "姓名" \(\/kin\/name\)/);
    });

    it('with nothing bound, finds the applicant in the first object holding an ID number, not in a later one', () => {
      const person = (title: string) => ({
        type: 'object',
        properties: {
          name: { type: 'string', title: '姓名' },
          idNumber: { type: 'string', title, format: 'cn-id-number' },
        },
        required: ['name', 'idNumber'],
      });
      const rating = rate({
        schema: {
          $schema: S2020,
          type: 'object',
          properties: { applicant: person('公民身份号码'), kin: person('亲属身份号码') },
          required: ['applicant', 'kin'],
        },
      });
      const fix = (pointer: string) => rating.fixes.find((f) => f.message.en.includes(`(${pointer})`))?.message.en;
      expect(fix('/applicant/name')).to.match(/^bind field "姓名" \(\/applicant\/name\) to concept person\.name /);
      expect(fix('/kin/name')).to.match(/^catalogue a concept for field "姓名" \(\/kin\/name\)/);
    });

    it('turns yellow, with the reason, when the schema cannot be walked', () => {
      const rating = rate({
        schema: { type: 'object', properties: { a: { $ref: '#/$defs/missing' } }, required: ['a'] },
      });
      expect(rating.stages.apply.colour).to.equal('yellow');
      expect(reasons(rating, 'manual-fields')[0]?.message.en).to.contain('cannot be read');
    });
  });

  describe('review', () => {
    it('is green when outputs cover every review system', () => {
      const rating = rate({ process: { review: { systems: ['hukou', 'hukou'] } } });
      expect(rating.stages.review).to.deep.equal({
        colour: 'green',
        reasons: [
          {
            colour: 'green',
            rule: 'review-outputs',
            system: 'hukou',
            message: {
              'zh-CN': '业务系统 hukou 直接接收申请数据（outputs），无需二次录入',
              en: 'back-office system hukou receives the data through an output, with no re-typing',
            },
          },
        ],
      });
    });

    it('is yellow when a system has no output, and asks for one', () => {
      const rating = rate({ process: { review: { systems: ['hukou', 'certificate-printing'] } } });
      expect(rating.stages.review.colour).to.equal('yellow');
      expect(reasons(rating, 'review-system-missing')).to.have.length(1);
      expect(reasons(rating, 'review-system-missing')[0]?.system).to.equal('certificate-printing');
      expect(rating.fixes).to.deep.equal([
        {
          rule: 'review-system-missing',
          message: {
            'zh-CN': '为业务系统 certificate-printing 增加一个输出（outputs）',
            en: 'add an output for system certificate-printing',
          },
        },
      ]);
      expect(rating.colour).to.equal('yellow');
    });

    it('is red when review needs paper files', () => {
      const rating = rate({ process: { review: { systems: ['hukou'], paper: true } } });
      expect(rating.stages.review.colour).to.equal('red');
      expect(reasons(rating, 'review-paper')).to.have.length(1);
      expect(rating.fixes.map((f) => f.message.en)).to.deep.equal([
        'digitise the review files: review from the submitted electronic materials and drop process.review.paper',
      ]);
    });

    it('is green, saying why, when no review system is declared', () => {
      for (const process of [undefined, {}, { review: { systems: [] } }]) {
        const m = matter({ outputs: [] });
        if (process === undefined) delete m.process;
        else m.process = process;
        const rating = rateMatter(m, catalogue([m]));
        expect(rating.stages.review.colour).to.equal('green');
        expect(rating.stages.review.reasons[0]?.message.en).to.contain('no back-office system is declared');
      }
    });
  });

  describe('deliver', () => {
    const cases: [string[] | undefined, string, ColourRule][] = [
      [['e-licence', 'pickup'], 'green', 'delivery-electronic'],
      [['download'], 'green', 'delivery-electronic'],
      [['mail', 'pickup'], 'yellow', 'delivery-mail'],
      [['sms'], 'yellow', 'delivery-mail'],
      [['pickup'], 'red', 'delivery-pickup'],
      [[], 'red', 'delivery-pickup'],
      [undefined, 'red', 'delivery-pickup'],
    ];
    for (const [delivery, colour, rule] of cases) {
      it(`${JSON.stringify(delivery ?? 'no result.delivery')} → ${colour}`, () => {
        const rating = rate({ result: delivery ? { delivery: delivery as never } : {} });
        expect(rating.stages.deliver.colour).to.equal(colour);
        expect(rating.stages.deliver.reasons.map((r) => r.rule)).to.deep.equal([rule]);
        if (colour !== 'green')
          expect(rating.fixes.map((f) => f.message.en).join()).to.contain('e-licence or a download');
      });
    }

    it('says when no delivery is declared at all', () => {
      expect(rate({ result: {} }).stages.deliver.reasons[0]?.message.en).to.contain('no way of delivering');
    });
  });

  it('gives the matter its worst stage', () => {
    const orangeApply = { materials: [{ ...idCardMaterial, licences: ['residence-permit'], upload }] };
    const yellowReview = { process: { review: { systems: ['hukou', 'tax'] } } };
    expect(rate({ ...orangeApply, ...yellowReview }).colour).to.equal('orange');
    expect(rate({ ...yellowReview, result: { delivery: ['pickup' as const] } }).colour).to.equal('red');
    expect(rate(yellowReview).colour).to.equal('yellow');
    const rating = rate({ ...orangeApply, ...yellowReview });
    expect(rating.stages.apply.colour).to.equal('orange');
    expect(rating.stages.review.colour).to.equal('yellow');
    expect(rating.stages.deliver.colour).to.equal('green');
  });
});

describe('rateCatalogue', () => {
  it('counts the colours in total and per department, with every colour key present', () => {
    const matters = [
      matter({ id: 'a' }),
      matter({ id: 'b', result: { delivery: ['pickup'] } }),
      matter({ id: 'c', department: 'justice', process: { review: { systems: ['x'] } } }),
      { ...matter({ id: 'd' }), department: undefined },
    ];
    const report = rateCatalogue(catalogue(matters));
    expect(report.matters.map((m) => [m.id, m.colour])).to.deep.equal([
      ['a', 'green'],
      ['b', 'red'],
      ['c', 'yellow'],
      ['d', 'green'],
    ]);
    expect(report.totals).to.deep.equal({ red: 1, orange: 0, yellow: 1, green: 2 });
    expect(report.departments).to.deep.equal({
      'public-security': { red: 1, orange: 0, yellow: 0, green: 1 },
      justice: { red: 0, orange: 0, yellow: 1, green: 0 },
      [NO_DEPARTMENT]: { red: 0, orange: 0, yellow: 0, green: 1 },
    });
    expect(report.matters[3]?.department).to.equal('-');
    expect(Object.keys(report.totals)).to.have.members([...COLOURS]);
  });

  it('reports an empty catalogue with zero counts', () => {
    expect(rateCatalogue(catalogue())).to.deep.equal({
      totals: { red: 0, orange: 0, yellow: 0, green: 0 },
      departments: {},
      matters: [],
    });
  });

  it('leaves the catalogue untouched', () => {
    const c = catalogue([matter()]);
    const before = JSON.stringify(c);
    rateCatalogue(c);
    expect(JSON.stringify(c)).to.equal(before);
    expect((c.matters[0]?.schema as JsonSchemaObject).type).to.equal('object');
  });
});
