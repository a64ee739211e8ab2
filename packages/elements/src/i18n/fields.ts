/** What the field engine says around the fields it draws: lists, choosers, extra keys, provenance. */
import { messages, type Message } from './say.js';

export const fieldMessages = messages('fields', {
  optional: { 'zh-CN': '（选填）', en: ' (optional)' },
  addItem: { 'zh-CN': '添加{title}', en: 'Add {title}' },
  removeItem: { 'zh-CN': '删除', en: 'Remove' },
  moveUp: { 'zh-CN': '上移', en: 'Move up' },
  moveDown: { 'zh-CN': '下移', en: 'Move down' },
  item: { 'zh-CN': '{title} 第 {n} 项', en: '{title} {n}' },
  items: { 'zh-CN': '项目', en: 'Item' },
  from: { 'zh-CN': '来自{provider} · {date}', en: 'From {provider} · {date}' },
  youChanged: { 'zh-CN': '您已修改（原值来自{provider}）', en: 'You changed this (was from {provider})' },
  locked: {
    'zh-CN': '此项由{provider}提供，不能在此修改。如有错误，请到{keeper}更正。',
    en: 'This comes from {provider} and cannot be changed here. If it is wrong, ask {keeper} to correct it.',
  },
  lockedNoKeeper: {
    'zh-CN': '此项由{provider}提供，不能在此修改。如有错误，请到数据来源单位更正。',
    en: 'This comes from {provider} and cannot be changed here. If it is wrong, ask the office that keeps it to correct it.',
  },
  conflicts: { 'zh-CN': '其他来源的值不同：', en: 'Other sources differ: ' },
  noFields: { 'zh-CN': '此步骤没有需要填写的内容。', en: 'Nothing to fill in on this step.' },
  chooseOne: { 'zh-CN': '请选择其中一种', en: 'Choose one' },
  chooseSeveral: { 'zh-CN': '请选择适用的（可多选）', en: 'Choose those that apply' },
  option: { 'zh-CN': '第 {n} 种', en: 'Option {n}' },
  entryName: { 'zh-CN': '新增项目的名称', en: 'Name of the new entry' },
  addEntry: { 'zh-CN': '添加', en: 'Add' },
  chooseName: { 'zh-CN': '请选择', en: 'Choose…' },
  entryRefused: {
    'zh-CN': '不能添加“{name}”：名称已存在，或不符合要求',
    en: 'Cannot add “{name}”: it is taken or not a name this form accepts',
  },
} satisfies Record<string, Message>);
