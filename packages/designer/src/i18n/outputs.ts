// The outputs panel's messages.
import { messages } from '@matterform/elements';

export const outputsMessages = messages('designer-outputs', {
  heading: { 'zh-CN': '推送', en: 'Outputs' },
  intro: {
    'zh-CN': '提交的数据按字段推送给后台系统，免去二次录入。',
    en: 'The submitted data, sent field by field to back-office systems so nobody types it again.',
  },
  none: { 'zh-CN': '尚无推送。', en: 'No outputs yet.' },
  output: { 'zh-CN': '系统：{system}', en: 'System: {system}' },
  system: { 'zh-CN': '系统标识', en: 'System id' },
  removeSystem: { 'zh-CN': '删除此推送', en: 'Remove this output' },
  keys: { 'zh-CN': '字段对应', en: 'Keys' },
  key: { 'zh-CN': '键', en: 'Key' },
  field: { 'zh-CN': '字段', en: 'Field' },
  custom: { 'zh-CN': '自定义模板（保留）：{template}', en: 'Custom template (kept): {template}' },
  removeKey: { 'zh-CN': '删除', en: 'Remove' },
  noKeys: { 'zh-CN': '尚无键。', en: 'No keys yet.' },
  newKey: { 'zh-CN': '新键', en: 'New key' },
  newField: { 'zh-CN': '对应字段', en: 'Its field' },
  addKey: { 'zh-CN': '添加键', en: 'Add the key' },
  addSystem: { 'zh-CN': '添加推送', en: 'Add an output' },
  newSystem: { 'zh-CN': '新系统标识', en: 'New system id' },
  add: { 'zh-CN': '添加', en: 'Add' },
  needName: { 'zh-CN': '请填写名称。', en: 'Enter a name.' },
  taken: { 'zh-CN': '已存在同名的键。', en: 'There is already a key of that name.' },
  changed: { 'zh-CN': '修改推送“{system}”', en: 'Changed output “{system}”' },
  added: { 'zh-CN': '添加推送“{system}”', en: 'Added output “{system}”' },
  removed: { 'zh-CN': '删除推送“{system}”', en: 'Removed output “{system}”' },
});
