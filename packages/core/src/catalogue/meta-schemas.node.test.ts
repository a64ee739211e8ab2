import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv and ajv-formats are CommonJS with `exports.default`; take whichever is the function.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

const NAMES = ['concept', 'source', 'licence', 'matter', 'catalogue', 'fixtures'] as const;
type Name = (typeof NAMES)[number];
const BASE = 'https://matterform.dev/schemas/';

function readSchema(name: Name): Record<string, unknown> {
  const url = new URL(`../../../../schemas/${name}.schema.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** Strict ajv (its default, union types allowed): an unknown keyword throws, a type slip is logged — and collected here. */
const logged: unknown[] = [];
const ajv = new Ajv2020({
  allErrors: true,
  allowUnionTypes: true,
  logger: {
    log: () => {},
    warn: (...args: unknown[]) => logged.push(args),
    error: (...args: unknown[]) => logged.push(args),
  },
});
addFormats(ajv);
const schemas = NAMES.map(readSchema);
for (const schema of schemas) ajv.addSchema(schema);

function validator(name: Name): ValidateFunction {
  const validate = ajv.getSchema(`${BASE}${name}.schema.json`);
  if (!validate) throw new Error(`${name}.schema.json is not registered`);
  return validate;
}

function errorsOf(name: Name, document: unknown): ErrorObject[] {
  const validate = validator(name);
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

function expectValid(name: Name, document: unknown): void {
  expect(errorsOf(name, document), `${name}: ${JSON.stringify(errorsOf(name, document), null, 1)}`).to.deep.equal([]);
}

function expectInvalid(name: Name, document: unknown, instancePath: string, keyword: string): ErrorObject {
  const errors = errorsOf(name, document);
  const hit = errors.find((e) => e.instancePath === instancePath && e.keyword === keyword);
  const seen = errors.map((e) => `${e.instancePath} ${e.keyword}`).join('; ');
  expect(hit, `expected ${keyword} at "${instancePath}", got: ${seen || 'no errors'}`).to.not.equal(undefined);
  return hit as ErrorObject;
}

const clone = <T>(value: T): T => structuredClone(value);

// The examples of SPEC §2, §3, §3.3, §3.4 and §7.
const concept = {
  id: 'person.name',
  title: { 'zh-CN': '姓名', en: 'Name' },
  schema: { type: 'string', maxLength: 50 },
  autocomplete: 'name',
};
const idNumberConcept = {
  id: 'person.idNumber',
  title: '公民身份号码',
  schema: { type: 'string', format: 'cn-id-number' },
  sensitive: true,
  mask: 'keep 4 …4',
};
const source = {
  id: 'mps-population',
  title: '公安部人口基础信息',
  level: 'ministry',
  provider: '公安部',
  subjectKinds: ['person'],
  provides: { 'person.name': '/xm', 'person.gender': '/xb', 'person.birthDate': '/csrq' },
  consent: true,
  timeoutMs: 3000,
  ttlSeconds: 86400,
  connected: true,
};
const licence = {
  id: 'resident-id-card',
  title: '居民身份证',
  issuer: '公安部',
  holder: 'person',
  provides: { 'person.name': '/name', 'person.idNumber': '/number' },
  fresh: true,
};
const material = {
  id: 'residence-proof',
  title: '合法稳定住所证明',
  kind: 'proof',
  required: true,
  when: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
  licences: ['property-certificate', 'rental-registration'],
  sources: ['city-housing'],
  reusable: true,
  onsite: false,
  validDays: 180,
  template: 'templates/commitment.pdf',
  upload: { accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 10485760, maxFiles: 3 },
};
const matter = {
  id: 'residence-permit',
  version: '1.0.0',
  code: '430100-GA-0007',
  title: { 'zh-CN': '居住证申领', en: 'Residence permit application' },
  kind: 'service',
  authority: '长沙市公安局',
  department: 'public-security',
  audience: ['person'],
  scenario: '...',
  legalBasis: ['...'],
  conditions: ['...'],
  timeLimit: { statutoryDays: 15, promisedDays: 5 },
  fee: { amount: 0 },
  channels: ['web', 'mobile', 'counter'],
  onsiteVisits: 0,
  contact: '0731-12345',
  process: { apply: { steps: ['...'] }, review: { systems: ['hukou'] }, deliver: { steps: ['...'] } },
  result: { title: '居住证', licence: 'residence-permit', delivery: ['e-licence', 'mail'] },
  schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} },
  layout: { steps: [{ title: '申请人', fields: ['/applicant'] }] },
  materials: [material],
  outputs: [{ system: 'hukou', template: { XM: '{/applicant/name}' } }],
};
const fixtures = {
  subjects: [
    {
      subject: { kind: 'person', id: '11010519491231002X' },
      label: 'synthetic applicant A',
      sources: { 'mps-population': { xm: '张三', xb: '1' }, 'city-housing': { $status: 503 } },
      licences: [
        {
          type: 'resident-id-card',
          number: '11010519491231002X',
          issuedAt: '2020-05-01',
          validUntil: '2040-05-01',
          data: { name: '张三', number: '11010519491231002X' },
        },
      ],
      archive: {
        answers: { 'person.mobile': '13800138000' },
        documents: [{ material: 'photo-1inch', uploadedAt: '2026-03-01', validUntil: '2027-03-01', name: 'photo.jpg' }],
      },
    },
  ],
};

describe('meta-schemas (schemas/*.schema.json)', () => {
  describe('compile', () => {
    for (const [index, name] of NAMES.entries()) {
      it(`${name}.schema.json is a 2020-12 schema with its $id and compiles in strict mode`, () => {
        const schema = schemas[index] as Record<string, unknown>;
        expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id).to.equal(`${BASE}${name}.schema.json`);
        expect(validator(name)).to.be.a('function');
      });
    }

    it('logs no strict-mode warnings', () => {
      for (const name of NAMES) validator(name);
      expect(logged).to.deep.equal([]);
    });
  });

  it("describe every property (they are the designers' documentation)", () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, pointer: string, file: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${pointer}/${i}`, file));
      if (node === null || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: unknown }> }).properties;
      for (const [name, property] of Object.entries(properties ?? {})) {
        if (typeof property.description !== 'string' || property.description.length < 10) {
          undocumented.push(`${file}#${pointer}/properties/${name}`);
        }
      }
      // A properties map is walked entry by entry: a property may itself be named `properties`.
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value !== null && typeof value === 'object')
          for (const [name, property] of Object.entries(value)) walk(property, `${pointer}/properties/${name}`, file);
        else walk(value, `${pointer}/${key}`, file);
      }
    };
    NAMES.forEach((name, i) => walk(schemas[i], '', `${name}.schema.json`));
    expect(undocumented).to.deep.equal([]);
  });

  describe('valid documents pass', () => {
    it('concepts', () => {
      expectValid('concept', concept);
      expectValid('concept', idNumberConcept);
      expectValid('concept', { id: 'legalRep.idNumber', title: 'x', schema: true });
      expectValid('concept', { ...concept, aliases: { 'zh-CN': ['名字', '申请人姓名'], en: ['Full name'] } });
    });

    it('a source (SPEC §2) and one with coverage and no consent', () => {
      expectValid('source', source);
      expectValid('source', {
        id: 'city-housing',
        title: { 'zh-CN': '住房' },
        level: 'city',
        provides: {},
        coverage: 0.6,
      });
    });

    it('a licence type (SPEC §2), also held by both kinds', () => {
      expectValid('licence', licence);
      expectValid('licence', { ...licence, id: 'seal', holder: ['person', 'organization'], fresh: false, coverage: 1 });
    });

    it('the matter of SPEC §3 with the material of §3.3 and the output of §3.4', () => {
      expectValid('matter', matter);
    });

    it('a minimal matter, whose schema has only properties', () => {
      expectValid('matter', {
        id: 'm1',
        version: '0.1.0-beta.1+build.5',
        title: 'M',
        authority: 'A',
        schema: { properties: { a: { type: 'string', 'x-concept': 'person.name' } } },
      });
    });

    it('a material whose when is a boolean schema, and an output whose template is not an object', () => {
      const doc = clone(matter);
      doc.materials = [{ id: 'photo-1inch', title: '照片', when: true } as unknown as typeof material];
      doc.outputs = [{ system: 'archive', template: '{/applicant/name}' as unknown as { XM: string } }];
      expectValid('matter', doc);
    });

    it('unknown properties (the validator warns on them elsewhere)', () => {
      expectValid('matter', { ...matter, 'x-note': 'draft', channelsNote: 1 });
      expectValid('concept', { ...concept, synonyms: ['名字'] });
    });

    it('a catalogue object holding all four kinds', () => {
      expectValid('catalogue', {
        concepts: [concept, idNumberConcept],
        sources: [source],
        licences: [licence],
        matters: [matter],
      });
    });

    it('fixtures (SPEC §7), with $status, $delayMs, a null validUntil and an organization with its actor', () => {
      const doc = clone(fixtures);
      const first = doc.subjects[0] as (typeof doc.subjects)[number];
      (first.sources as Record<string, unknown>)['mps-population'] = { xm: '张三', $delayMs: 800 };
      (first.licences[0] as { validUntil: string | null }).validUntil = null;
      doc.subjects.push({
        subject: { kind: 'organization', id: '91350100M000100Y43', actor: { id: '430102199003071015', name: '李四' } },
        label: 'synthetic company B',
      } as unknown as (typeof doc.subjects)[number]);
      expectValid('fixtures', doc);
    });
  });

  describe('invalid documents fail where the mistake is', () => {
    it('a concept id that is not dotted camelCase', () => {
      expectInvalid('concept', { ...concept, id: 'name' }, '/id', 'pattern');
      expectInvalid('concept', { ...concept, id: 'Person.name' }, '/id', 'pattern');
      expectInvalid('concept', { ...concept, id: 'person.id-number' }, '/id', 'pattern');
    });

    it('a concept without schema', () => {
      const { schema: _schema, ...rest } = concept;
      expect(expectInvalid('concept', rest, '', 'required').params).to.deep.equal({ missingProperty: 'schema' });
    });

    it('source level "county"', () => {
      expectInvalid('source', { ...source, level: 'county' }, '/level', 'enum');
    });

    it('source coverage above 1 and a provides key that is no concept id', () => {
      expectInvalid('source', { ...source, coverage: 1.5 }, '/coverage', 'maximum');
      expectInvalid('source', { ...source, provides: { name: '/xm' } }, '/provides', 'propertyNames');
      expectInvalid('source', { ...source, provides: { 'person.name': 'xm' } }, '/provides/person.name', 'format');
    });

    it('licence holder outside person/organization', () => {
      expectInvalid('licence', { ...licence, holder: 'robot' }, '/holder', 'anyOf');
      expectInvalid('licence', { ...licence, holder: ['person', 'robot'] }, '/holder/1', 'enum');
    });

    it('a matter without authority', () => {
      const { authority: _authority, ...rest } = matter;
      expect(expectInvalid('matter', rest, '', 'required').params).to.deep.equal({ missingProperty: 'authority' });
    });

    it('matter id and version out of pattern', () => {
      expectInvalid('matter', { ...matter, id: 'Residence_Permit' }, '/id', 'pattern');
      expectInvalid('matter', { ...matter, id: 'r' }, '/id', 'pattern');
      expectInvalid('matter', { ...matter, version: '1.0' }, '/version', 'pattern');
    });

    it('audience "alien"', () => {
      expectInvalid('matter', { ...matter, audience: ['person', 'alien'] }, '/audience/1', 'enum');
    });

    it('channel "fax"', () => {
      expectInvalid('matter', { ...matter, channels: ['web', 'fax'] }, '/channels/1', 'enum');
    });

    it('result delivery "pigeon" and a kind that is no slug', () => {
      expectInvalid('matter', { ...matter, result: { delivery: ['pigeon'] } }, '/result/delivery/0', 'enum');
      expectInvalid('matter', { ...matter, kind: 'Service' }, '/kind', 'pattern');
    });

    it('a bad material kind', () => {
      const doc = clone(matter);
      doc.materials = [{ ...material, kind: 'selfie' }];
      expectInvalid('matter', doc, '/materials/0/kind', 'enum');
    });

    it('a material upload of zero files', () => {
      const doc = clone(matter);
      doc.materials = [{ ...material, upload: { ...material.upload, maxFiles: 0 } }];
      expectInvalid('matter', doc, '/materials/0/upload/maxFiles', 'minimum');
    });

    it('a matter schema whose root is not an object', () => {
      expectInvalid('matter', { ...matter, schema: { type: 'array' } }, '/schema/type', 'const');
      expectInvalid(
        'matter',
        { ...matter, schema: { $schema: 'https://json-schema.org/draft/2020-12/schema' } },
        '/schema',
        'required',
      );
      expectInvalid('matter', { ...matter, schema: true }, '/schema', 'type');
    });

    it('a layout field that is no JSON Pointer', () => {
      expectInvalid(
        'matter',
        { ...matter, layout: { steps: [{ title: 'x', fields: ['applicant'] }] } },
        '/layout/steps/0/fields/0',
        'format',
      );
    });

    it('aliases that are not lists of names by locale', () => {
      expectInvalid('concept', { ...concept, aliases: ['名字'] }, '/aliases', 'type');
      expectInvalid('concept', { ...concept, aliases: { 'zh-CN': '名字' } }, '/aliases/zh-CN', 'type');
      expectInvalid('concept', { ...concept, aliases: { 'zh-CN': [''] } }, '/aliases/zh-CN/0', 'minLength');
    });

    it('Text given as a number', () => {
      expectInvalid('matter', { ...matter, title: 42 }, '/title', 'type');
      expectInvalid('concept', { ...concept, title: { 'zh-CN': 1 } }, '/title/zh-CN', 'type');
      expectInvalid(
        'matter',
        { ...matter, layout: { steps: [{ title: 7, fields: [] }] } },
        '/layout/steps/0/title',
        'type',
      );
    });

    it("a catalogue whose matter is broken, at the matter's place", () => {
      expectInvalid(
        'catalogue',
        { concepts: [], sources: [], licences: [], matters: [{ ...matter, channels: ['fax'] }] },
        '/matters/0/channels/0',
        'enum',
      );
    });

    it('a fixture licence without type', () => {
      const doc = clone(fixtures);
      const { type: _type, ...rest } = doc.subjects[0]!.licences[0]!;
      doc.subjects[0]!.licences[0] = rest as (typeof doc.subjects)[0]['licences'][0];
      expect(expectInvalid('fixtures', doc, '/subjects/0/licences/0', 'required').params).to.deep.equal({
        missingProperty: 'type',
      });
    });

    it('fixture dates, $status and subject kind', () => {
      const doc = clone(fixtures);
      doc.subjects[0]!.licences[0]!.issuedAt = '2020-13-01';
      doc.subjects[0]!.sources['city-housing'] = { $status: 'down' } as unknown as { $status: number };
      (doc.subjects[0]!.subject as { kind: string }).kind = 'robot';
      expectInvalid('fixtures', doc, '/subjects/0/licences/0/issuedAt', 'format');
      expectInvalid('fixtures', doc, '/subjects/0/sources/city-housing/$status', 'type');
      expectInvalid('fixtures', doc, '/subjects/0/subject/kind', 'enum');
    });
  });
});
