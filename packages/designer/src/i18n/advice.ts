// What the designer's advice (SPEC §10 "Advice") and the rating's one-action fixes say.
import { messages } from '@matterform/elements';

export const adviceMessages = messages('designer-advice', {
  conceptFound: {
    'zh-CN': '{field}没有绑定数据元，而{concept}已由{provider}掌握：绑定后可预填',
    en: '{field} has no concept, but the state already holds {concept} through {provider}: bind it and the field fills itself',
  },
  countedAndFound: {
    'zh-CN': '{found}（评级：{reason}）',
    en: '{found} (rating: {reason})',
  },
  typedField: {
    'zh-CN': '{field}由每位申请人手工填写，评级因此扣分（{reason}）：目录中没有与之相符的数据元，需先编目并对接提供方',
    en: '{field} is typed by every applicant and the rating counts it against the matter ({reason}): no concept in the catalogue matches it; catalogue one and connect a provider',
  },
  bindConcept: { 'zh-CN': '绑定数据元 {id}', en: 'Bind concept {id}' },
  bindFieldTo: { 'zh-CN': '将{field}绑定到 {id}', en: 'Bind {field} to {id}' },
  licenceFound: {
    'zh-CN': '{material}与电子证照“{title}”同名，但没有列出它：列出后持证人无需上传',
    en: '{material} is named like the licence type "{title}" but does not list it: list it and holders need not upload',
  },
  sourceFound: {
    'zh-CN': '{material}与数据源“{title}”同名，但没有列出它：列出后可在线核验',
    en: '{material} is named like the source "{title}" but does not list it: list it and it is checked online',
  },
  listLicence: { 'zh-CN': '列出电子证照“{title}”', en: 'List the licence type "{title}"' },
  listSource: { 'zh-CN': '列出数据源“{title}”', en: 'List the source "{title}"' },
  textMissing: {
    'zh-CN': '{what}有{has}文本，缺少{missing}文本',
    en: '{what} has {has} text but no {missing} text',
  },
  textAbsent: { 'zh-CN': '{what}没有文本', en: '{what} has no text' },
  addOutput: { 'zh-CN': '为业务系统 {system} 增加输出', en: 'Add an output for system {system}' },
  field: { 'zh-CN': '字段“{title}”', en: 'field "{title}"' },
  fieldAt: { 'zh-CN': '字段 {pointer}', en: 'field {pointer}' },
  material: { 'zh-CN': '材料“{title}”', en: 'material "{title}"' },
  concept: { 'zh-CN': '数据元 {id}（{title}）', en: 'concept {id} ({title})' },
  'lang-zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  'lang-en': { 'zh-CN': '英文', en: 'English' },
});
