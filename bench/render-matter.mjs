// The synthetic matters of the render benchmark: `fields` leaf fields in groups of ten
// (each group a nested object, so a fieldset; every fourth group nests half its fields one
// level deeper), a realistic mix of widgets, all on one layout step so the first render draws
// every field. No materials and no sources: the figures are the form's own, without prefill.
import { loadCatalogue } from '@matterform/core';

/** Concepts the `x-concept` fields hold, one field per group, cycling. */
const CONCEPTS = [
  { id: 'bench.name', title: '姓名', schema: { type: 'string', minLength: 1, maxLength: 50 }, autocomplete: 'name' },
  { id: 'bench.mobile', title: '手机号码', schema: { type: 'string', format: 'cn-mobile' }, autocomplete: 'tel' },
  { id: 'bench.email', title: '电子邮箱', schema: { type: 'string', format: 'email' }, autocomplete: 'email' },
  { id: 'bench.postcode', title: '邮政编码', schema: { type: 'string', format: 'cn-postcode' } },
  { id: 'bench.employer', title: '工作单位', schema: { type: 'string', maxLength: 100 } },
  { id: 'bench.income', title: '月收入（元）', schema: { type: 'number', minimum: 0 } },
];

const CATEGORIES = ['01', '02', '03', '04', '05', '06', '07', '08'];
const CATEGORY_TITLES = ['居民', '职工', '学生', '退休', '个体', '农业', '军人', '其他'];

/** The ten fields of one group: [name, schema, required]. */
function groupFields(g) {
  const concept = CONCEPTS[g % CONCEPTS.length];
  return [
    ['name', { type: 'string', title: `联系人姓名 ${g + 1}`, maxLength: 50 }, true],
    ['held', { ...concept.schema, title: `${concept.title} ${g + 1}`, 'x-concept': concept.id }, true],
    ['count', { type: 'integer', title: `同住人数 ${g + 1}`, minimum: 0, maximum: 99 }, true],
    ['since', { type: 'string', format: 'date', title: `起始日期 ${g + 1}` }, true],
    [
      'category',
      { type: 'string', title: `人员类别 ${g + 1}`, enum: CATEGORIES, 'x-enumTitles': CATEGORY_TITLES },
      true,
    ],
    [
      'channel',
      {
        type: 'string',
        title: `领取方式 ${g + 1}`,
        enum: ['mail', 'pickup', 'e'],
        'x-enumTitles': ['邮寄', '自取', '电子'],
      },
      true,
    ],
    ['agree', { type: 'boolean', title: `同意共享信息 ${g + 1}` }, false],
    [
      'address',
      {
        type: 'string',
        title: `详细地址 ${g + 1}`,
        description: '写到门牌号，例如：芙蓉区五一大道 1 号 2 栋 301 室',
        'x-placeholder': '街道、小区、门牌号',
        maxLength: 100,
      },
      true,
    ],
    ['unit', { type: 'string', title: `所在社区 ${g + 1}`, minLength: 2, maxLength: 20 }, true],
    ['note', { type: 'string', title: `备注 ${g + 1}`, maxLength: 500 }, false],
  ];
}

function objectOf(fields) {
  const properties = {};
  const required = [];
  for (const [name, schema, isRequired] of fields) {
    properties[name] = schema;
    if (isRequired) required.push(name);
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/**
 * A catalogue holding one matter of `fields` leaf fields (a multiple of ten), and what its
 * first render must draw: `inputs` (input, select and textarea elements: a radio group is
 * three), `typed` (the pointers of text-like inputs, where keystrokes go) and `last` (the
 * pointer of the step's last field: the first render is done once it is drawn).
 */
export function renderMatter(fields) {
  if (fields % 10 !== 0) throw new Error('the render benchmark draws groups of ten fields');
  const properties = {};
  const typed = [];
  let inputs = 0;
  let last;
  for (let g = 0; g < fields / 10; g++) {
    const all = groupFields(g);
    // Every fourth group keeps its second half in a nested object: a fieldset in a fieldset.
    const nested = g % 4 === 3;
    const own = nested ? all.slice(0, 5) : all;
    const group = objectOf(own);
    group.title = `第 ${g + 1} 组`;
    if (nested) {
      group.properties.detail = { ...objectOf(all.slice(5)), title: `第 ${g + 1} 组补充信息` };
      group.required = [...(group.required ?? []), 'detail'];
    }
    properties[`g${g}`] = group;
    for (const [index, [name, schema]] of all.entries()) {
      const pointer = nested && index >= 5 ? `/g${g}/detail/${name}` : `/g${g}/${name}`;
      inputs += name === 'channel' ? 3 : 1;
      last = pointer;
      const text = schema.type === 'string' && !schema.enum && schema.format !== 'date' && name !== 'note';
      if (text || schema.type === 'integer' || schema.type === 'number') typed.push(pointer);
    }
  }
  const matter = {
    id: `bench-render-${fields}`,
    version: '1.0.0',
    title: `基准事项（${fields} 个字段）`,
    authority: '基准',
    audience: ['person'],
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties,
      required: Object.keys(properties),
    },
    layout: { steps: [{ title: '填写信息', fields: Object.keys(properties).map((key) => `/${key}`) }] },
  };
  const load = loadCatalogue({ concepts: CONCEPTS, sources: [], licences: [], matters: [matter] });
  if (!load.ok) throw new Error(load.errors.map((p) => p.message.en).join('\n'));
  return { catalogue: load.catalogue, inputs, typed, last };
}
