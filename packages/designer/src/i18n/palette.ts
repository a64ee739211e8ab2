/** The messages of the palette: field kinds, concepts, search and who provides a concept. */
import { messages } from '@matterform/elements';

export const paletteMessages = messages('designer-palette', {
  heading: { 'zh-CN': '添加字段', en: 'Add a field' },
  search: { 'zh-CN': '搜索字段类型和数据元（中文或英文）', en: 'Search kinds and concepts (Chinese or English)' },
  bestMatch: { 'zh-CN': '按 Enter 添加：{title}', en: 'Enter adds: {title}' },
  kinds: { 'zh-CN': '字段类型', en: 'Field kinds' },
  concepts: { 'zh-CN': '数据元', en: 'Concepts' },
  addKind: { 'zh-CN': '添加{kind}字段', en: 'Add a {kind} field' },
  providedBy: { 'zh-CN': '提供方：{names}', en: 'Provided by: {names}' },
  noProvider: { 'zh-CN': '暂无提供方', en: 'No provider yet' },
  type: { 'zh-CN': '类型：{type}', en: 'Type: {type}' },
  sensitive: { 'zh-CN': '敏感', en: 'sensitive' },
  noMatch: { 'zh-CN': '没有匹配“{query}”的字段类型或数据元', en: 'No kind or concept matches “{query}”' },
  results: { 'zh-CN': '{kinds} 个字段类型，{concepts} 个数据元', en: '{kinds} kinds, {concepts} concepts' },
  addedField: { 'zh-CN': '添加字段“{title}”', en: 'Add the field “{title}”' },
  separator: { 'zh-CN': '、', en: ', ' },
});
