/** What the field engine says around the fields it draws: lists, choosers, extra keys, provenance. */
import { chineseFirst } from './say.js';

export const fieldMessages = chineseFirst('fields', {
  optional: '（选填）',
  addItem: '添加{title}',
  removeItem: '删除',
  moveUp: '上移',
  moveDown: '下移',
  item: '{title} 第 {n} 项',
  items: '项目',
  from: '来自{provider} · {date}',
  youChanged: '您已修改（原值来自{provider}）',
  locked: '此项由{provider}提供，不能在此修改。如有错误，请到{keeper}更正。',
  lockedNoKeeper: '此项由{provider}提供，不能在此修改。如有错误，请到数据来源单位更正。',
  conflicts: '其他来源的值不同：',
  noFields: '此步骤没有需要填写的内容。',
  chooseOne: '请选择其中一种',
  chooseSeveral: '请选择适用的（可多选）',
  option: '第 {n} 种',
  entryName: '新增项目的名称',
  addEntry: '添加',
  chooseName: '请选择',
  entryRefused: '不能添加“{name}”：名称已存在，或不符合要求',
});
