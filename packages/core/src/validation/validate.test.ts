import { expect } from 'chai';
import type { JsonSchemaObject } from '../schema/json-schema.js';
import { createValidatorFromPrecompiled, type FieldError, type PrecompiledValidateFunction } from './field-errors.js';
import { compileSchema, dialectOf, schemaProblems, unknownFormats } from './validate.js';

const person: JsonSchemaObject = {
  type: 'object',
  required: ['name', 'idNumber'],
  properties: {
    name: {
      type: 'string',
      title: '姓名',
      minLength: 2,
      'x-concept': 'person.name',
      'x-i18n': { en: { title: 'Name' } },
    },
    idNumber: {
      type: 'string',
      title: '身份证号码',
      format: 'cn-id-number',
      'x-concept': 'person.idNumber',
      'x-i18n': { en: { title: 'Citizen ID number' } },
    },
  },
};

const matter: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['applicant', 'phone'],
  properties: {
    applicant: { $ref: '#/$defs/person' },
    phone: { type: 'string', title: '联系电话', pattern: '^1\\d{10}$', 'x-i18n': { en: { title: 'Phone' } } },
    housing: {
      type: 'string',
      title: '住房类型',
      enum: ['owned', 'rented'],
      'x-enumTitles': ['自有', '租住'],
      'x-i18n': { en: { title: 'Housing', enumTitles: ['Owned', 'Rented'] } },
    },
    years: { type: 'integer', title: '居住年限', minimum: 1, 'x-i18n': { en: { title: 'Years of residence' } } },
    members: {
      type: 'array',
      title: '家庭成员',
      maxItems: 3,
      items: { $ref: '#/$defs/person' },
      'x-i18n': { en: { title: 'Family members' } },
    },
    pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
  },
  $defs: { person },
};

const valid = {
  applicant: { name: '张三', idNumber: '11010519491231002X' },
  phone: '13800138000',
  housing: 'rented',
  years: 2,
  members: [{ name: '李四', idNumber: '430102199003071234' }],
};

function only(errors: FieldError[], pointer: string): FieldError {
  const found = errors.filter((e) => e.pointer === pointer);
  expect(found, `errors at ${pointer}: ${JSON.stringify(errors)}`).to.have.length(1);
  return found[0] as FieldError;
}

describe('compileSchema', () => {
  it('reads a 2020-12 schema as 2020-12 and accepts valid data', () => {
    expect(dialectOf(matter)).to.equal('2020-12');
    const result = compileSchema(matter)(valid);
    expect(result).to.deep.equal({ valid: true, errors: [] });
    // prefixItems is a 2020-12 keyword: it is enforced.
    expect(compileSchema(matter)({ ...valid, pair: ['a', 'b'] }).valid).to.equal(false);
  });

  it('caches one validator per schema object', () => {
    expect(compileSchema(matter)).to.equal(compileSchema(matter));
  });

  it('compiles a reloaded schema with the same $id, and recursive references', () => {
    const tree = (): JsonSchemaObject => ({
      $id: 'https://example.gov.cn/matters/tree.json',
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#' } } },
    });
    const first = compileSchema(tree());
    const second = compileSchema(tree());
    expect(first).not.to.equal(second);
    const data = { name: 'a', children: [{ name: 'b', children: [{}] }] };
    for (const validate of [first, second]) {
      expect(validate(data).errors.map((e) => e.pointer)).to.deep.equal(['/children/0/children/0/name']);
    }
  });

  it('points at a missing nested required field and names it in both locales', () => {
    const { valid: ok, errors } = compileSchema(matter)({ ...valid, applicant: { idNumber: '11010519491231002X' } });
    expect(ok).to.equal(false);
    const error = only(errors, '/applicant/name');
    expect(error.keyword).to.equal('required');
    expect(error.field).to.deep.equal({ 'zh-CN': '姓名', en: 'Name' });
    expect(error.message).to.deep.equal({ 'zh-CN': '请填写“姓名”', en: 'Enter Name' });
  });

  it('points into array items', () => {
    const members = [valid.members[0], { name: '王五', idNumber: '430102199003071235' }];
    const { errors } = compileSchema(matter)({ ...valid, members });
    const error = only(errors, '/members/1/idNumber');
    expect(error.keyword).to.equal('format');
    expect(error.message['zh-CN']).to.equal('“身份证号码”格式不正确：校验码不符');
    expect(error.message.en).to.match(/^Citizen ID number is not a valid Chinese ID number/);
  });

  it('writes a message per keyword that names the field by its title', () => {
    const data = {
      applicant: { name: '张', idNumber: '11010519491231002X' },
      phone: '23800138000',
      housing: 'tent',
      years: 0,
      members: [1, 2, 3, 4].map(() => ({ name: '李四', idNumber: '430102199003071234' })),
    };
    const { errors } = compileSchema(matter)(data);
    const minLength = only(errors, '/applicant/name');
    expect(minLength.keyword).to.equal('minLength');
    expect(minLength.message).to.deep.equal({
      'zh-CN': '“姓名”至少需要 2 个字',
      en: 'Name must be at least 2 characters long',
    });
    const pattern = only(errors, '/phone');
    expect(pattern.keyword).to.equal('pattern');
    expect(pattern.message).to.deep.equal({
      'zh-CN': '“联系电话”格式不正确',
      en: 'Phone is not in the expected format',
    });
    const enumError = only(errors, '/housing');
    expect(enumError.keyword).to.equal('enum');
    expect(enumError.message['zh-CN']).to.include('“住房类型”');
    expect(enumError.message.en).to.include('Housing');
    const minimum = only(errors, '/years');
    expect(minimum.keyword).to.equal('minimum');
    expect(minimum.message).to.deep.equal({
      'zh-CN': '“居住年限”不能小于 1',
      en: 'Years of residence must be at least 1',
    });
    const maxItems = only(errors, '/members');
    expect(maxItems.keyword).to.equal('maxItems');
    expect(maxItems.message).to.deep.equal({
      'zh-CN': '“家庭成员”最多 3 项',
      en: 'Family members can have at most 3 entries',
    });
  });

  it('says which type a field needs', () => {
    const { errors } = compileSchema(matter)({ ...valid, years: 'two' });
    const error = only(errors, '/years');
    expect(error.keyword).to.equal('type');
    expect(error.message).to.deep.equal({
      'zh-CN': '“居住年限”应为整数',
      en: 'Years of residence must be a whole number',
    });
  });

  it('falls back to title and then the property name when no en title is given', () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      required: ['plain', 'titled'],
      properties: { titled: { type: 'string', title: '备注' }, plain: { type: 'string' } },
    };
    const { errors } = compileSchema(schema)({});
    expect(only(errors, '/titled').field).to.deep.equal({ 'zh-CN': '备注', en: '备注' });
    expect(only(errors, '/plain').message).to.deep.equal({ 'zh-CN': '请填写“plain”', en: 'Enter plain' });
  });

  it('reads a draft-07 schema: definitions, tuple items, dependencies', () => {
    const schema: JsonSchemaObject = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        contact: { $ref: '#/definitions/mobile' },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
        email: { type: 'string', format: 'email', title: '电子邮箱', 'x-i18n': { en: { title: 'Email' } } },
        emailConfirmed: { type: 'boolean' },
      },
      dependencies: { emailConfirmed: ['email'] },
      definitions: {
        mobile: { type: 'string', title: '手机号码', format: 'cn-mobile', 'x-i18n': { en: { title: 'Mobile' } } },
      },
    };
    expect(dialectOf(schema)).to.equal('draft-07');
    const validate = compileSchema(schema);
    expect(
      validate({ contact: '13800138000', pair: ['a', 1], email: 'a@example.cn', emailConfirmed: true }).valid,
    ).to.equal(true);
    const { errors } = validate({ contact: '12345', pair: ['a', 'b', 'c'], emailConfirmed: true });
    expect(only(errors, '/contact').message).to.deep.equal({
      'zh-CN': '“手机号码”不是有效的手机号码（11 位，以 1 开头）',
      en: 'Mobile is not a valid mobile number (11 digits starting with 1)',
    });
    expect(errors.map((e) => e.pointer)).to.include.members(['/pair/1', '/pair', '/email']);
    const dependency = only(errors, '/email');
    expect(dependency.keyword).to.equal('dependencies');
    expect(dependency.message.en).to.equal('Enter Email (needed when emailConfirmed is given)');
  });

  it('reads a schema without $schema as draft-07 plus $defs, dependentRequired, dependentSchemas', () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        company: { $ref: '#/$defs/company' },
        hasAgent: { type: 'boolean', title: '委托代理人' },
        agentName: { type: 'string', title: '代理人姓名', 'x-i18n': { en: { title: 'Agent name' } } },
      },
      dependentRequired: { hasAgent: ['agentName'] },
      dependentSchemas: {
        agentName: {
          properties: { agentPhone: { type: 'string', title: '代理人电话', format: 'cn-mobile' } },
          required: ['agentPhone'],
        },
      },
      $defs: {
        company: {
          type: 'object',
          properties: {
            creditCode: { type: 'string', title: '统一社会信用代码', format: 'cn-uscc', 'x-concept': 'org.creditCode' },
          },
        },
      },
    };
    expect(dialectOf(schema)).to.equal('draft-07');
    const validate = compileSchema(schema);
    expect(validate({ company: { creditCode: '91350100M000100Y43' } }).valid).to.equal(true);
    expect(validate({ hasAgent: true, agentName: '赵六', agentPhone: '13800138000' }).valid).to.equal(true);

    const needsName = validate({ hasAgent: true });
    const missing = only(needsName.errors, '/agentName');
    expect(missing.keyword).to.equal('dependentRequired');
    expect(missing.message['zh-CN']).to.equal('填写了“委托代理人”时，还需填写“代理人姓名”');

    const needsPhone = validate({ hasAgent: true, agentName: '赵六' });
    expect(only(needsPhone.errors, '/agentPhone').message['zh-CN']).to.equal('请填写“代理人电话”');

    const badCode = validate({ company: { creditCode: '91350100M000100Y44' } });
    expect(only(badCode.errors, '/company/creditCode').message['zh-CN']).to.equal(
      '“统一社会信用代码”格式不正确：校验码不符',
    );
  });

  it('accepts the x-* annotations and an unknown format, and lists the unknown format', () => {
    const schema: JsonSchemaObject = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        plate: { type: 'string', format: 'cn-licence-plate', 'x-widget': 'text', 'x-help': '如 湘A12345' },
        when: { type: 'string', format: 'date', 'x-fill': false, 'x-lock': false },
        tags: { type: 'array', items: { type: 'string', format: 'hashtag' } },
      },
      $defs: { other: { format: 'cn-region' } },
      'x-custom': { anything: true },
    };
    expect(compileSchema(schema)({ plate: 'anything at all', when: '2024-02-29', tags: ['#x'] }).valid).to.equal(true);
    expect(unknownFormats(schema)).to.deep.equal([
      { pointer: '/properties/plate', format: 'cn-licence-plate' },
      { pointer: '/properties/tags/items', format: 'hashtag' },
    ]);
    const { errors } = compileSchema(schema)({ when: '2023-02-29' });
    expect(only(errors, '/when').message.en).to.equal('when must be a valid date, such as 2024-01-31');
  });

  it('shows the then/else error, not the if', () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { housing: { enum: ['owned', 'rented'] }, landlord: { type: 'string', title: '房东姓名' } },
      if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
      then: { required: ['landlord'] },
    };
    const { errors } = compileSchema(schema)({ housing: 'rented' });
    expect(errors.map((e) => [e.pointer, e.keyword])).to.deep.equal([['/landlord', 'required']]);
  });

  it('gives one message for a oneOf of labelled options', () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        gender: {
          title: '性别',
          oneOf: [
            { const: '1', title: '男' },
            { const: '2', title: '女' },
          ],
          'x-i18n': { en: { title: 'Gender' } },
        },
      },
    };
    const { errors } = compileSchema(schema)({ gender: '3' });
    expect(errors).to.have.length(1);
    expect(errors[0]?.message).to.deep.equal({
      'zh-CN': '请为“性别”选择一个有效的选项',
      en: 'Choose one of the options for Gender',
    });
  });

  it('keeps the errors of the alternative that came closest, without the summary', () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      required: ['kind'],
      properties: { kind: { enum: ['person', 'org'] } },
      oneOf: [
        {
          properties: { kind: { const: 'person' }, idNumber: { title: '身份证号码', format: 'cn-id-number' } },
          required: ['idNumber'],
        },
        {
          properties: { kind: { const: 'org' }, creditCode: { title: '统一社会信用代码', format: 'cn-uscc' } },
          required: ['creditCode'],
        },
      ],
    };
    const { errors } = compileSchema(schema)({ kind: 'org' });
    expect(errors.map((e) => [e.pointer, e.keyword])).to.deep.equal([['/creditCode', 'required']]);
    expect(errors[0]?.message['zh-CN']).to.equal('请填写“统一社会信用代码”');
  });

  it('reports schemas that cannot be compiled', () => {
    expect(schemaProblems(matter)).to.deep.equal([]);
    const bad = schemaProblems({
      type: 'object',
      properties: { a: { minLength: 'two' } },
    } as unknown as JsonSchemaObject);
    expect(bad.map((p) => p.pointer)).to.deep.equal(['/properties/a/minLength']);
    expect(schemaProblems({ $ref: '#/$defs/missing' })).to.have.length(1);
  });
});

describe('createValidatorFromPrecompiled', () => {
  it('gives the same field errors as compileSchema for the same raw errors', () => {
    const data = { ...valid, applicant: { name: '张三' }, years: 0 };
    const precompiled: PrecompiledValidateFunction = Object.assign(() => false, {
      errors: [
        {
          keyword: 'required',
          instancePath: '/applicant',
          schemaPath: '#/$defs/person/required',
          params: { missingProperty: 'idNumber' },
        },
        {
          keyword: 'minimum',
          instancePath: '/years',
          schemaPath: '#/properties/years/minimum',
          params: { comparison: '>=', limit: 1 },
        },
      ],
    });
    const fromPrecompiled = createValidatorFromPrecompiled(matter, precompiled)(data);
    expect(fromPrecompiled).to.deep.equal(compileSchema(matter)(data));
    expect(fromPrecompiled.errors.map((e) => e.pointer)).to.deep.equal(['/applicant/idNumber', '/years']);
  });

  it('reports valid data as valid', () => {
    const precompiled: PrecompiledValidateFunction = Object.assign(() => true, { errors: null });
    expect(createValidatorFromPrecompiled(matter, precompiled)(valid)).to.deep.equal({ valid: true, errors: [] });
  });
});
