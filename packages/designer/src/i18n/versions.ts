// Messages of the version diff (draft against live) and of what a major change does.
import { messages } from '@matterform/elements';

export const versionMessages = messages('designer-versions', {
  firstVersion: { 'zh-CN': '首次发布', en: 'First publication' },
  fieldAdded: { 'zh-CN': '新增字段“{field}”', en: '‘{field}’ was added' },
  requiredFieldAdded: { 'zh-CN': '新增必填字段“{field}”', en: '‘{field}’ was added as a required field' },
  fieldRemoved: { 'zh-CN': '删除了字段“{field}”', en: '‘{field}’ was removed' },
  fieldRetyped: {
    'zh-CN': '“{field}”的类型由 {from} 改为 {to}',
    en: '‘{field}’ changed type from {from} to {to}',
  },
  fieldWidened: {
    'zh-CN': '“{field}”的类型由 {from} 放宽为 {to}',
    en: '‘{field}’ now accepts {to} (was {from})',
  },
  nowRequired: { 'zh-CN': '“{field}”改为必填', en: '‘{field}’ is now required' },
  nowRequiredSometimes: {
    'zh-CN': '“{field}”改为在一定条件下必填',
    en: '‘{field}’ is now required in some cases',
  },
  nowOptional: { 'zh-CN': '“{field}”改为选填', en: '‘{field}’ is now optional' },
  narrowed: {
    'zh-CN': '“{field}”的限制收紧：{keyword} 由 {from} 改为 {to}',
    en: '‘{field}’ is stricter: {keyword} from {from} to {to}',
  },
  relaxed: {
    'zh-CN': '“{field}”的限制放宽：{keyword} 由 {from} 改为 {to}',
    en: '‘{field}’ is less strict: {keyword} from {from} to {to}',
  },
  optionsRemoved: {
    'zh-CN': '“{field}”删除了选项 {values}',
    en: '‘{field}’ lost the option(s) {values}',
  },
  optionsAdded: { 'zh-CN': '“{field}”新增选项 {values}', en: '‘{field}’ gained the option(s) {values}' },
  textChanged: { 'zh-CN': '“{field}”的文字有改动', en: 'The text of ‘{field}’ changed' },
  conditionChanged: {
    'zh-CN': '“{field}”的显示条件有改动',
    en: 'When ‘{field}’ is shown changed',
  },
  behaviourChanged: {
    'zh-CN': '“{field}”的设置有改动（{keywords}）',
    en: 'The settings of ‘{field}’ changed ({keywords})',
  },
  unwalkable: {
    'zh-CN': '表单结构无法解析：{reason}',
    en: 'The schema cannot be read as a form: {reason}',
  },
  materialAdded: { 'zh-CN': '新增材料“{material}”', en: 'Material ‘{material}’ was added' },
  materialRemoved: { 'zh-CN': '删除了材料“{material}”', en: 'Material ‘{material}’ was removed' },
  materialNowRequired: { 'zh-CN': '材料“{material}”改为必交', en: 'Material ‘{material}’ is now required' },
  materialUploadNarrowed: {
    'zh-CN': '材料“{material}”的上传限制收紧',
    en: 'The upload limits of material ‘{material}’ are stricter',
  },
  materialTextChanged: {
    'zh-CN': '材料“{material}”的文字有改动',
    en: 'The text of material ‘{material}’ changed',
  },
  materialChanged: {
    'zh-CN': '材料“{material}”的设置有改动',
    en: 'The settings of material ‘{material}’ changed',
  },
  outputAdded: { 'zh-CN': '新增向“{system}”的输出', en: 'An output for ‘{system}’ was added' },
  outputKeyAdded: {
    'zh-CN': '向“{system}”的输出新增 {key}',
    en: 'The output for ‘{system}’ gained {key}',
  },
  outputKeyRemoved: {
    'zh-CN': '向“{system}”的输出不再包含 {key}',
    en: 'The output for ‘{system}’ no longer has {key}',
  },
  outputKeyChanged: {
    'zh-CN': '向“{system}”的输出中 {key} 改为取自 {to}',
    en: 'In the output for ‘{system}’, {key} now comes from {to}',
  },
  outputRemoved: {
    'zh-CN': '删除了向“{system}”的输出',
    en: 'The output for ‘{system}’ was removed',
  },
  stepsChanged: { 'zh-CN': '分步有改动', en: 'The steps changed' },
  stepsTextChanged: { 'zh-CN': '分步标题有改动', en: 'Step titles changed' },
  audienceNarrowed: {
    'zh-CN': '服务对象不再包括 {kinds}',
    en: 'The audience no longer includes {kinds}',
  },
  attributeTextChanged: { 'zh-CN': '事项属性“{attribute}”的文字有改动', en: 'The text of ‘{attribute}’ changed' },
  attributeChanged: { 'zh-CN': '事项属性“{attribute}”有改动', en: '‘{attribute}’ changed' },

  draftsRule: {
    'zh-CN':
      '申请人设备上保存的草稿按事项保存，不分版本：再次打开表单时，草稿仍会提供给申请人继续填写；每个已填的值只在其字段仍然存在、且新版本的规则接受它时才放回原处，其余的值会列出来请申请人核对后重新填写，不会悄悄丢掉。',
    en: 'Drafts on applicants’ devices are kept per matter, whatever its version: when a person opens the form again they are still offered their draft; each value they typed goes back only where its field still is and the new version’s rules accept it, and every other value is listed for them to check and give again — nothing is dropped unseen.',
  },
  draftRemoved: {
    'zh-CN': '草稿中“{field}”的值无处可放，将列出请申请人核对',
    en: 'Values typed into ‘{field}’ have nowhere to go: they are listed for the person to check',
  },
  draftRetyped: {
    'zh-CN': '草稿中“{field}”的值只有符合新规则时才放回，否则列出请申请人重新填写',
    en: 'A value typed into ‘{field}’ goes back only if the new rules accept it; otherwise it is listed for the person to give again',
  },
  draftRequired: {
    'zh-CN': '继续草稿的申请人须补填“{field}”才能提交',
    en: 'People continuing a draft must answer ‘{field}’ before they can submit',
  },
  draftMaterialRemoved: {
    'zh-CN': '草稿中为材料“{material}”上传的文件不再附上，将列出请申请人核对',
    en: 'Files uploaded for material ‘{material}’ are no longer attached: they are listed for the person to check',
  },
  outputFieldRemoved: {
    'zh-CN': '向“{system}”输出的 {key} 取自已删除的字段“{field}”：将为 null（嵌在文字中则为空）',
    en: '{key} of the output for ‘{system}’ comes from ‘{field}’, which was removed: it will be null (empty where embedded in text)',
  },
  outputFieldRetyped: {
    'zh-CN': '向“{system}”输出的 {key} 取自改了类型的字段“{field}”：后台系统将收到 {to} 而不是 {from}',
    en: '{key} of the output for ‘{system}’ comes from ‘{field}’, whose type changed: the back office will get {to} instead of {from}',
  },
  anyType: { 'zh-CN': '任意类型', en: 'any type' },
});
