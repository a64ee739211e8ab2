/** The messages of the publish form's account of what changed since the live version. */
import { messages } from '@matterform/elements';

export const changesMessages = messages('designer-changes', {
  heading: { 'zh-CN': '与现行版本相比', en: 'Compared with the live version' },
  first: { 'zh-CN': '首次发布：将成为 {version}。', en: 'First publication: it becomes {version}.' },
  proposed: {
    'zh-CN': '现行 {live} → 建议 {next}（{bump}）',
    en: 'Live {live} → proposed {next} ({bump})',
  },
  none: { 'zh-CN': '与现行版本没有差别。', en: 'Nothing differs from the live version.' },
  major: { 'zh-CN': '主版本：不兼容的修改', en: 'major: incompatible changes' },
  minor: { 'zh-CN': '次版本：新增内容', en: 'minor: additions' },
  patch: { 'zh-CN': '修订版本：仅文字', en: 'patch: text only' },
  consequences: { 'zh-CN': '主版本修改的影响', en: 'What a major change does' },
  drafts: { 'zh-CN': '申请人设备上保存的草稿', en: 'Drafts kept on applicants’ devices' },
  outputs: { 'zh-CN': '推送给业务系统的数据', en: 'Data sent to back-office systems' },
  noOutputs: { 'zh-CN': '输出不受影响。', en: 'The outputs are not affected.' },
});
