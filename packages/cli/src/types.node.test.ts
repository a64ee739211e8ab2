import { expect } from 'chai';
import ts from 'typescript';
import { matterTypes, pascalId, type TypedMatter } from './types.js';

const residence: TypedMatter = {
  id: 'residence-permit',
  version: '1.2.0',
  title: { 'zh-CN': '居住证申领', en: 'Residence permit application' },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: '居住证申领表',
    $defs: {
      address: {
        type: 'object',
        title: '地址',
        properties: {
          region: { type: 'string', format: 'cn-region', title: '行政区划', 'x-widget': 'region' },
          street: { type: 'string', title: '街道' },
        },
        required: ['region'],
      },
      housingKind: { type: 'string', enum: ['owned', 'rented', 'other'] },
    },
    properties: {
      applicant: {
        type: 'object',
        title: '申请人',
        'x-i18n': { en: { title: 'Applicant' } },
        properties: {
          name: {
            type: 'string',
            title: '姓名',
            description: '与居民身份证一致',
            'x-concept': 'person.name',
            'x-i18n': { en: { title: 'Name' } },
          },
          idNumber: { type: 'string', format: 'cn-id-number', 'x-concept': 'person.idNumber' },
          gender: {
            type: 'string',
            title: '性别',
            oneOf: [
              { const: '1', title: '男' },
              { const: '2', title: '女' },
            ],
          },
          home: { $ref: '#/$defs/address', title: '居住地址' },
          agent: { type: 'string' },
        },
        required: ['name', 'idNumber'],
        dependentSchemas: {
          agent: { properties: { agentPhone: { type: 'string', format: 'cn-mobile' } }, required: ['agentPhone'] },
        },
      },
      housing: { $ref: '#/$defs/housingKind' },
      members: {
        type: 'array',
        title: '同住人',
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
          required: ['name'],
        },
      },
      previous: { type: 'array', items: { $ref: '#/$defs/address' } },
      period: {
        type: 'array',
        prefixItems: [
          { type: 'string', format: 'date' },
          { type: 'string', format: 'date' },
        ],
        items: false,
      },
      proofKind: { type: 'string', enum: ['contract', 'certificate'] },
    },
    required: ['applicant', 'housing'],
    allOf: [
      {
        if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
        then: {
          properties: {
            rentContract: {
              type: 'object',
              title: '租赁合同',
              properties: { number: { type: 'string' }, landlord: { type: 'string' } },
              required: ['number'],
            },
          },
          required: ['rentContract'],
        },
        else: { properties: { ownerNote: { type: 'string' } } },
      },
    ],
    oneOf: [
      { properties: { proofKind: { const: 'contract' }, contractNo: { type: 'string' } } },
      { properties: { proofKind: { const: 'certificate' }, certificateNo: { type: 'string' } } },
    ],
  },
};

interface Finding {
  line: number;
  message: string;
}

/** TypeScript's diagnostics for a program of in-memory files beside the lib: line (0-based) and message. */
function diagnostics(files: Record<string, string>): Finding[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = files[fileName];
    return text === undefined
      ? getSourceFile.call(host, fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => fileName in files || fileExists.call(host, fileName);
  host.directoryExists = (name) => name === '/virtual' || ts.sys.directoryExists(name);
  host.readFile = (fileName) => files[fileName] ?? readFile.call(host, fileName);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

/** Diagnostics of `use` (line numbers within it) type-checked against the generated types. */
function check(types: string, use: string): Finding[] {
  const findings = diagnostics({
    '/virtual/residence-permit.d.ts': types,
    '/virtual/use.ts': `import type { ResidencePermitData } from './residence-permit.js';\n${use}\n`,
  });
  return findings.map((f) => ({ ...f, line: f.line - 1 }));
}

describe('matterTypes', () => {
  let output = '';
  before(async () => {
    output = await matterTypes(residence);
  });

  it('names the interface after the matter and says where it comes from', () => {
    expect(output).to.match(/^\/\* eslint-disable \*\/\n\/\*\*\n \* residence-permit@1\.2\.0: /);
    expect(output).to.contain('Generated by `matterform types`');
    expect(output).to.contain('export interface ResidencePermitData {');
    expect(output).to.contain('居住证申领 (Residence permit application)');
  });

  it('merges branch fields as optional properties', () => {
    for (const name of ['rentContract', 'ownerNote', 'contractNo', 'certificateNo', 'agentPhone']) {
      expect(output, name).to.match(new RegExp(`\\b${name}\\?: `));
    }
  });

  it('turns $defs into named types, titles into JSDoc, and drops formats and x-*', () => {
    expect(output).to.contain('export interface Address {');
    expect(output).to.contain("export type HousingKind = 'owned' | 'rented' | 'other';");
    // A $ref with a sibling title stays one type.
    expect(output).not.to.contain('Address1');
    expect(output).to.contain('姓名 (Name)');
    expect(output).to.contain('与居民身份证一致');
    expect(output).to.contain("gender?: '1' | '2';");
    expect(output).not.to.match(/cn-id-number|x-concept|NoName|\[k: string\]/);
  });

  it('is deterministic and leaves the matter alone', async () => {
    const copy = structuredClone(residence);
    expect(await matterTypes(copy)).to.equal(output);
    expect(copy).to.deep.equal(residence);
  });

  it('type-checks data that fits the schema', () => {
    const use = `
      export const owner: ResidencePermitData = {
        applicant: { name: '张三', idNumber: '11010519491231002X', gender: '1', home: { region: '430102', street: '五一大道 1 号' } },
        housing: 'owned',
        members: [{ name: '李四', age: 7 }, { name: '王五' }],
        previous: [{ region: '110105' }],
        period: ['2024-01-01', '2025-01-01'],
        ownerNote: '自有住房',
      };
      export const renter: ResidencePermitData = {
        applicant: { name: '赵六', idNumber: '430102199003070016', agent: '钱七', agentPhone: '13800000000' },
        housing: 'rented',
        rentContract: { number: 'R-2024-01', landlord: '孙八' },
        proofKind: 'contract',
        contractNo: 'C-1',
      };
      export const street: string | undefined = owner.applicant.home?.street;
    `;
    expect(check(output, use)).to.deep.equal([]);
  });

  it('rejects data that does not', () => {
    const wrong = [
      `{ applicant: { name: '张三', idNumber: 'x' }, housing: 'castle' }`,
      `{ applicant: { idNumber: 'x' }, housing: 'owned' }`,
      `{ applicant: { name: '张三', idNumber: 'x', nickname: '小张' }, housing: 'owned' }`,
      `{ applicant: { name: '张三', idNumber: 'x' }, housing: 'rented', rentContract: { number: 7 } }`,
      `{ applicant: { name: '张三', idNumber: 'x' }, housing: 'owned', members: [{ age: 3 }] }`,
      `{ applicant: { name: '张三', idNumber: 'x' }, housing: 'owned', period: ['2024-01-01', '2025-01-01', '2026-01-01'] }`,
    ];
    const findings = check(
      output,
      wrong.map((data, i) => `export const wrong${i}: ResidencePermitData = ${data};`).join('\n'),
    );
    // Each sample fails on its own line, and only for its mistake.
    expect(findings.filter((f) => f.line < 0 || f.line >= wrong.length)).to.deep.equal([]);
    wrong.forEach((data, i) =>
      expect(
        findings.some((f) => f.line === i),
        data,
      ).to.equal(true),
    );
    expect(findings.find((f) => f.line === 0)?.message).to.contain('"castle"');
    expect(findings.find((f) => f.line === 2)?.message).to.contain('nickname');
  });

  it('reads draft-07 definitions beside $defs', async () => {
    const text = await matterTypes({
      id: 'old-style',
      version: '0.1.0',
      title: 'old',
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        definitions: { phone: { type: 'object', properties: { number: { type: 'string' } } } },
        $defs: { phone: { type: 'string' } },
        properties: { office: { $ref: '#/definitions/phone' }, mobile: { $ref: '#/$defs/phone' } },
      },
    });
    expect(text).to.contain('export interface OldStyleData');
    expect(text).to.match(/office\?: Phone2;/);
    expect(text).to.match(/mobile\?: Phone;/);
  });
});

describe('pascalId', () => {
  it('turns matter ids into identifiers', () => {
    expect(pascalId('residence-permit')).to.equal('ResidencePermit');
    expect(pascalId('a')).to.equal('A');
    expect(pascalId('form-2b-x')).to.equal('Form2BX');
    expect(pascalId('12345-tax')).to.equal('_12345Tax');
  });

  it('names a matter whose id starts with a digit', async () => {
    const text = await matterTypes({
      id: '12345-tax',
      version: '1.0.0',
      title: '税',
      schema: { type: 'object', properties: { a: { type: 'string' } } },
    });
    expect(text).to.contain('export interface _12345TaxData {');
  });
});
