import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import type { JsonSchemaObject, Matter, PrecompiledMatterValidator } from '@matterform/core';

// Loaded in `before`: both resolve `@matterform/core` to its build (packages/core/dist), and
// a missing build should fail this suite with a hint, not abort the whole mocha run.
let core: typeof import('@matterform/core');
let compile: typeof import('./compile.js');

const person: JsonSchemaObject = {
  type: 'object',
  required: ['name', 'idNumber'],
  properties: {
    name: { type: 'string', title: '姓名', minLength: 2, 'x-concept': 'person.name' },
    idNumber: { type: 'string', title: '身份证号码', format: 'cn-id-number', 'x-concept': 'person.idNumber' },
    birthDate: { type: 'string', title: '出生日期', format: 'date' },
  },
};

const schema2020: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['applicant', 'housing'],
  properties: {
    applicant: { $ref: '#/$defs/person' },
    mobile: { type: 'string', title: '手机号码', format: 'cn-mobile' },
    postcode: { type: 'string', format: 'cn-postcode' },
    region: { type: 'string', format: 'cn-region', 'x-widget': 'region' },
    employer: { type: 'string', title: '单位信用代码', format: 'cn-uscc' },
    housing: {
      title: '住房',
      oneOf: [
        { const: 'owned', title: '自有' },
        { const: 'rented', title: '租住' },
      ],
    },
    landlord: { type: 'string', title: '房东' },
    members: { type: 'array', maxItems: 3, items: { $ref: '#/$defs/person' } },
    plate: { type: 'string', format: 'cn-licence-plate' },
  },
  if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
  then: { required: ['landlord'] },
  dependentRequired: { mobile: ['postcode'] },
  $defs: { person },
};

// No $schema: draft-07 plus $defs, dependentRequired and dependentSchemas (SPEC §3.1).
const schemaPlain: JsonSchemaObject = {
  type: 'object',
  properties: {
    company: { $ref: '#/$defs/company' },
    hasAgent: { type: 'boolean' },
    agentName: { type: 'string' },
    startDate: { type: 'string', format: 'date' },
  },
  dependentRequired: { hasAgent: ['agentName'] },
  dependentSchemas: {
    agentName: { required: ['agentPhone'], properties: { agentPhone: { type: 'string', format: 'cn-mobile' } } },
  },
  $defs: {
    company: {
      type: 'object',
      required: ['creditCode'],
      properties: { creditCode: { type: 'string', format: 'cn-uscc' } },
    },
  },
};

// A material's `when`, as the CLI passes it: precompiled beside the schema's own conditions.
const when: JsonSchemaObject = { title: '持有房产', properties: { ownsHome: { const: true } }, required: ['ownsHome'] };

const validApplicant = { name: '张三', idNumber: '11010519491231002X', birthDate: '1949-12-31' };

const samples2020: unknown[] = [
  { applicant: validApplicant, housing: 'owned' },
  {
    applicant: validApplicant,
    housing: 'rented',
    landlord: '李四',
    mobile: '13800138000',
    postcode: '410000',
    region: '430102',
  },
  { applicant: validApplicant, housing: 'rented' },
  { applicant: { ...validApplicant, idNumber: '110105194912310021' }, housing: 'owned' },
  { applicant: { name: '张', birthDate: '1949-02-30' }, housing: 'tent' },
  { applicant: validApplicant, housing: 'owned', mobile: '12800138000' },
  { applicant: validApplicant, housing: 'owned', mobile: '13800138000', postcode: '001000', region: '900000' },
  { applicant: validApplicant, housing: 'owned', employer: '91350100M000100Y43', plate: 'anything' },
  { applicant: validApplicant, housing: 'owned', employer: '91350100M000100Y44' },
  {
    applicant: validApplicant,
    housing: 'owned',
    members: [validApplicant, { name: '王五', idNumber: '11010519491231002x' }, {}, {}],
  },
  { housing: 'owned' },
  'not an object',
];

const samplesPlain: unknown[] = [
  {},
  { company: { creditCode: '91350100M000100Y43' }, startDate: '2024-02-29' },
  { company: { creditCode: '91350100M000100Y4' }, startDate: '2023-02-29' },
  { company: {} },
  { hasAgent: true },
  { hasAgent: true, agentName: '赵六' },
  { hasAgent: true, agentName: '赵六', agentPhone: '1380013800' },
  { hasAgent: true, agentName: '赵六', agentPhone: '13800138000' },
];

describe('compileMatterModule', () => {
  let dir = '';

  before(async () => {
    try {
      core = await import('@matterform/core');
      compile = await import('./compile.js');
    } catch (caught) {
      throw new Error(`@matterform/core is not built: run \`npm run build\` first (${String(caught)})`);
    }
    dir = await mkdtemp(join(tmpdir(), 'matterform-compile-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Compiles `schema` into `dir` (beside the shared module unless `selfContained`) and imports it. */
  async function load(
    schema: JsonSchemaObject,
    name: string,
    conditions: JsonSchemaObject[] = [],
    selfContained = true,
  ): Promise<{ text: string; validate: PrecompiledMatterValidator }> {
    let shared: string | undefined;
    if (!selfContained) {
      const module = await compile.sharedValidatorModule();
      await writeFile(join(dir, module.fileName), module.text);
      shared = `./${module.fileName}`;
    }
    const text = await compile.compileMatterModule(schema, {
      from: name,
      conditions,
      ...(shared === undefined ? {} : { shared }),
    });
    const file = join(dir, `${name}.mjs`);
    await writeFile(file, text);
    const module = (await import(pathToFileURL(file).href)) as Record<string, PrecompiledMatterValidator>;
    // The condition checks are reached through `validate.conditions` only.
    expect(Object.keys(module).sort()).to.deep.equal(['default', 'validate']);
    expect(module.default).to.equal(module.validate);
    return { text, validate: module.validate as PrecompiledMatterValidator };
  }

  for (const [schema, samples, name] of [
    [schema2020, samples2020, 'residence-permit@1.0.0'],
    [schemaPlain, samplesPlain, 'agent-filing@0.2.0'],
  ] as const) {
    it(`writes one self-contained module without eval for ${name}, its conditions included`, async () => {
      const { text, validate } = await load(schema, name, [when]);
      const keys = [...core.conditionSchemas(schema, [when]).keys()];
      expect(Object.keys(validate.conditions ?? {})).to.have.members(keys);
      expect(keys).to.include(core.conditionKey(when));
      for (const check of Object.values(validate.conditions ?? {})) expect(check).to.be.a('function');
      expect(text.startsWith(`// Generated by \`matterform compile\` from ${name}.`)).to.equal(true);
      expect(text).not.to.match(/\bnew Function\b|\beval\s*\(/);
      // Nothing left to load: no import statement, no dynamic import, no require call (ajv's
      // runtime helpers carry their own source as a string, which is not a call).
      expect(text).not.to.match(/^\s*import\b|\bimport\s*\(|(^|[^'"\w.$])require\s*\(/m);
      expect(text).to.match(/export\s*\{[^}]*\bvalidate\b/);
    });

    for (const selfContained of [true, false])
      it(`agrees with compileSchema on valid and invalid data for ${name}, ${selfContained ? 'self-contained' : 'importing the shared module'}`, async () => {
        const { validate } = await load(schema, `${name}-agree-${selfContained}`, [], selfContained);
        const precompiled = core.createValidatorFromPrecompiled(schema, validate);
        const runtime = core.compileSchema(schema);
        let invalid = 0;
        for (const data of samples) {
          const expected = runtime(data);
          const actual = precompiled(data);
          expect(validate(data), JSON.stringify(data)).to.equal(expected.valid);
          expect(
            actual.errors.map((e) => e.pointer),
            JSON.stringify(data),
          ).to.deep.equal(expected.errors.map((e) => e.pointer));
          expect(actual, JSON.stringify(data)).to.deep.equal(expected);
          if (!expected.valid) invalid++;
        }
        expect(invalid, 'the samples include invalid data').to.be.greaterThan(2);
        expect(invalid, 'the samples include valid data').to.be.lessThan(samples.length);
      });
  }

  it('reports the cn formats with their reasons through the compiled module', async () => {
    for (const selfContained of [true, false]) {
      const { validate } = await load(schema2020, `reasons-${selfContained}@1.0.0`, [], selfContained);
      const { errors } = core.createValidatorFromPrecompiled(schema2020, validate)(samples2020[3]);
      expect(errors.map((e) => [e.pointer, e.message['zh-CN']])).to.deep.equal([
        ['/applicant/idNumber', '“身份证号码”格式不正确：校验码不符'],
      ]);
    }
  });

  it('keeps titles and translations out of the module, and property names called "title" in', async () => {
    const titled: JsonSchemaObject = {
      type: 'object',
      title: 'A FORM TITLE',
      'x-i18n': { en: { title: 'AN ENGLISH TITLE' } },
      properties: {
        title: { type: 'string', title: 'A FIELD TITLE', enum: ['Dr', 'Ms'] },
        kind: { oneOf: [{ const: 'a', title: 'A BRANCH TITLE' }, { const: 'b' }] },
      },
      required: ['title'],
    };
    const { text, validate } = await load(titled, 'titled@1.0.0');
    expect(text).not.to.match(/A FORM TITLE|AN ENGLISH TITLE|A FIELD TITLE|A BRANCH TITLE/);
    const precompiled = core.createValidatorFromPrecompiled(titled, validate);
    const runtime = core.compileSchema(titled);
    for (const data of [{ title: 'Dr' }, { title: 'Mr' }, {}, { title: 'Ms', kind: 'c' }, { title: 'Ms', kind: 'a' }])
      expect(precompiled(data), JSON.stringify(data)).to.deep.equal(runtime(data));
  });
});

describe('compileMatters', () => {
  let dir = '';
  let matters: Matter[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'matterform-compile-folder-'));
    const { loadCatalogueFrom } = await import('@matterform/core/node');
    matters = (await loadCatalogueFrom(new URL('../../../schemas/catalogue', import.meta.url).pathname)).catalogue
      .matters;
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the shared module once, named by its content, and modules that import only it', async () => {
    const files = await compile.compileMatters(matters);
    const [shared, ...modules] = files;
    const hash = createHash('sha256')
      .update(shared?.text ?? '')
      .digest('hex');
    expect(shared?.fileName).to.equal(`matterform-validators-${hash.slice(0, 12)}.mjs`);
    expect(shared?.matter).to.equal(undefined);
    expect(files.filter((f) => f.fileName.startsWith('matterform-validators-'))).to.have.length(1);
    expect(modules.map((f) => f.matter)).to.deep.equal(matters);
    expect(modules.map((f) => f.fileName)).to.deep.equal(matters.map((m) => `${m.id}@${m.version}.mjs`));
    for (const { fileName, text } of files) {
      expect(text, fileName).not.to.match(/\bnew Function\b|\beval\s*\(|(^|[^'"\w.$])require\s*\(/m);
      const imports = [...text.matchAll(/\bimport\s*(?:[{*][^;]*?from\s*)?"([^"]*)"|\bimport\s*\(/g)].map((m) => m[1]);
      expect(imports, fileName).to.deep.equal(fileName === shared?.fileName ? [] : [`./${shared?.fileName}`]);
      await writeFile(join(dir, fileName), text);
    }
    // The folder as deployed: a module from it imports and validates in Node.
    const matter = matters.find((m) => m.id === 'residence-permit') as Matter;
    const module = (await import(pathToFileURL(join(dir, `${matter.id}@${matter.version}.mjs`)).href)) as {
      validate: PrecompiledMatterValidator;
    };
    const precompiled = core.createValidatorFromPrecompiled(matter.schema as JsonSchemaObject, module.validate);
    expect(precompiled({})).to.deep.equal(core.compileSchema(matter.schema as JsonSchemaObject)({}));
    expect(precompiled({}).valid).to.equal(false);
  });

  it('bundles through rollup from the folder as written, the shared module followed by its relative URL', async () => {
    const files = await compile.compileMatters(matters);
    const folder = join(dir, 'bundled');
    await mkdir(folder);
    for (const { fileName, text } of files) await writeFile(join(folder, fileName), text);
    const matter = matters.find((m) => m.id === 'household-migration') as Matter;
    const { rollup } = await import('rollup');
    const bundle = await rollup({ input: join(folder, `${matter.id}@${matter.version}.mjs`) });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    expect(output.map((chunk) => chunk.type === 'chunk' && chunk.imports)).to.deep.equal([[]]);
    const file = join(dir, 'bundled.mjs');
    await writeFile(file, output[0]?.type === 'chunk' ? output[0].code : '');
    const { validate } = (await import(pathToFileURL(file).href)) as { validate: PrecompiledMatterValidator };
    const schema = matter.schema as JsonSchemaObject;
    expect(core.createValidatorFromPrecompiled(schema, validate)({})).to.deep.equal(core.compileSchema(schema)({}));
  });

  it('writes smaller modules than self-contained ones, and no shared module when asked for those', async () => {
    const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
    const split = await compile.compileMatters(matters);
    const whole = await compile.compileMatters(matters, { selfContained: true });
    expect(whole.map((f) => f.fileName)).to.deep.equal(matters.map((m) => `${m.id}@${m.version}.mjs`));
    for (const [i, file] of whole.entries()) {
      expect(file.text, file.fileName).not.to.match(/\bimport\b\s*[{*("]/);
      expect(gzip(split[i + 1]?.text ?? ''), file.fileName).to.be.lessThan(gzip(file.text));
    }
  });
});
