// The one form every library of the peers benchmark draws: a plain JSON Schema (keywords
// draft-07 and 2020-12 share, no `$schema`: each library's default dialect; no matterform
// annotations, no custom formats) of `fields` leaf fields in
// groups of ten, each group a nested object. Each group mixes the kinds a service form has:
// text (required, a length limit, a pattern), integer with bounds, date, a long select, a
// three-way radio choice, a checkbox, a long text. What each peer needs besides the schema
// — rjsf's uiSchema, JSON Forms' UI schema, SurveyJS's own survey JSON — is derived here
// from the same field list, so every library gets the same fields, labels, required set and
// checks.

export const CATEGORIES = ['居民', '职工', '学生', '退休', '个体', '农业', '军人', '其他'];
export const CHANNELS = ['邮寄', '自取', '电子'];
export const MOBILE = '^1[3-9][0-9]{9}$';

/**
 * The ten fields of group `g`: name, JSON Schema, required, and the widget a careful author
 * asks for where a library's default differs (`radio` for three choices, `textarea` for 500
 * characters: what <matter-form> draws unasked).
 */
export function groupFields(g) {
  const n = g + 1;
  return [
    { name: 'name', schema: { type: 'string', title: `联系人姓名 ${n}`, maxLength: 50 }, required: true },
    {
      name: 'mobile',
      schema: { type: 'string', title: `手机号码 ${n}`, pattern: MOBILE },
      required: true,
    },
    { name: 'count', schema: { type: 'integer', title: `同住人数 ${n}`, minimum: 0, maximum: 99 }, required: true },
    { name: 'since', schema: { type: 'string', title: `起始日期 ${n}`, format: 'date' }, required: true },
    { name: 'category', schema: { type: 'string', title: `人员类别 ${n}`, enum: CATEGORIES }, required: true },
    {
      name: 'channel',
      schema: { type: 'string', title: `领取方式 ${n}`, enum: CHANNELS },
      required: true,
      widget: 'radio',
    },
    { name: 'agree', schema: { type: 'boolean', title: `同意共享信息 ${n}` }, required: false },
    {
      name: 'address',
      schema: { type: 'string', title: `详细地址 ${n}`, description: '写到门牌号', maxLength: 100 },
      required: true,
    },
    { name: 'unit', schema: { type: 'string', title: `所在社区 ${n}`, minLength: 2, maxLength: 20 }, required: true },
    {
      name: 'note',
      schema: { type: 'string', title: `备注 ${n}`, maxLength: 500 },
      required: false,
      widget: 'textarea',
    },
  ];
}

const groups = (fields) => {
  if (fields % 10 !== 0) throw new Error('the peers benchmark draws groups of ten fields');
  return Array.from({ length: fields / 10 }, (_, g) => ({
    key: `g${g}`,
    title: `第 ${g + 1} 组`,
    fields: groupFields(g),
  }));
};

/** Labelled controls one group draws: nine fields of one control, the radio choice three. */
export const CONTROLS_PER_GROUP = 12;

/** The controls a form of `fields` fields draws: the same for every library. */
export const controlsFor = (fields) => (fields / 10) * CONTROLS_PER_GROUP;

/**
 * Controls a library draws without an accessible name, by a defect of its own (README):
 * JSON Forms' vanilla radio group gives each radio its option's value as `id`, the same in
 * every group, so only the first group's `<label for>` finds its radio.
 */
export const UNLABELLED = { jsonforms: (fields) => (fields / 10 - 1) * 3 };

/** The labelled controls `library` draws for `fields` fields. */
export const labelledFor = (library, fields) => controlsFor(fields) - (UNLABELLED[library]?.(fields) ?? 0);

/** The JSON Schema of `fields` fields. */
export function jsonSchema(fields) {
  const properties = {};
  for (const group of groups(fields)) {
    const inner = {};
    for (const field of group.fields) inner[field.name] = field.schema;
    properties[group.key] = {
      type: 'object',
      title: group.title,
      properties: inner,
      required: group.fields.filter((f) => f.required).map((f) => f.name),
    };
  }
  return {
    title: `基准表单（${fields} 个字段）`,
    type: 'object',
    properties,
    required: Object.keys(properties),
  };
}

/** rjsf's uiSchema: the two widgets asked for, nothing else. */
export function rjsfUiSchema(fields) {
  const ui = {};
  for (const group of groups(fields)) {
    ui[group.key] = {};
    for (const field of group.fields) if (field.widget) ui[group.key][field.name] = { 'ui:widget': field.widget };
  }
  return ui;
}

/**
 * JSON Forms' UI schema: a group per object and a control per field, as its default
 * generator would give but with the radio and multi-line options its renderers read.
 */
export function jsonFormsUiSchema(fields) {
  return {
    type: 'VerticalLayout',
    elements: groups(fields).map((group) => ({
      type: 'Group',
      label: group.title,
      elements: group.fields.map((field) => ({
        type: 'Control',
        scope: `#/properties/${group.key}/properties/${field.name}`,
        ...(field.widget === 'radio' ? { options: { format: 'radio' } } : {}),
        ...(field.widget === 'textarea' ? { options: { multi: true } } : {}),
      })),
    })),
  };
}

/**
 * The same form as a SurveyJS survey: a panel per group, a question per field, named
 * `g0.name`-style paths flattened to `g0_name` (SurveyJS keeps answers flat). Each JSON
 * Schema check becomes SurveyJS's own: `isRequired`, `maxLength`, a `text` validator for
 * minLength, a `regex` validator for the pattern, `min`/`max` with a `numeric` validator
 * for the bounds, `inputType: 'date'` for the date.
 */
export function surveyJson(fields) {
  const question = (group, field) => {
    const { schema } = field;
    const base = { name: `${group.key}_${field.name}`, title: schema.title, isRequired: field.required };
    if (schema.description) base.description = schema.description;
    if (schema.enum && field.widget === 'radio') return { ...base, type: 'radiogroup', choices: schema.enum };
    if (schema.enum) return { ...base, type: 'dropdown', choices: schema.enum };
    if (schema.type === 'boolean') return { ...base, type: 'boolean', renderAs: 'checkbox' };
    if (field.widget === 'textarea') return { ...base, type: 'comment', maxLength: schema.maxLength };
    if (schema.type === 'integer')
      return {
        ...base,
        type: 'text',
        inputType: 'number',
        min: schema.minimum,
        max: schema.maximum,
        step: 1,
        validators: [{ type: 'numeric', minValue: schema.minimum, maxValue: schema.maximum }],
      };
    if (schema.format === 'date') return { ...base, type: 'text', inputType: 'date' };
    const validators = [];
    if (schema.minLength) validators.push({ type: 'text', minLength: schema.minLength });
    if (schema.pattern) validators.push({ type: 'regex', regex: schema.pattern });
    return {
      ...base,
      type: 'text',
      ...(schema.maxLength ? { maxLength: schema.maxLength } : {}),
      ...(validators.length > 0 ? { validators } : {}),
    };
  };
  return {
    title: `基准表单（${fields} 个字段）`,
    locale: 'zh-cn',
    showQuestionNumbers: 'off',
    // Each keystroke updates the answer, as the JSON Schema libraries' controlled inputs do.
    textUpdateMode: 'onTyping',
    elements: groups(fields).map((group) => ({
      type: 'panel',
      name: group.key,
      title: group.title,
      elements: group.fields.map((field) => question(group, field)),
    })),
  };
}

/** What each page of the benchmark is given for a form of `fields` fields. */
export function formFor(library, fields) {
  switch (library) {
    case 'rjsf':
      return { schema: jsonSchema(fields), uiSchema: rjsfUiSchema(fields) };
    case 'jsonforms':
      return { schema: jsonSchema(fields), uischema: jsonFormsUiSchema(fields) };
    case 'surveyjs':
      return { survey: surveyJson(fields) };
    case 'matterform':
    case 'baseline':
      return { schema: jsonSchema(fields) };
    default:
      throw new Error(`no library ${library}`);
  }
}
