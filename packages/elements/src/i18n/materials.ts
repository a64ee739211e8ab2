/** What the materials list says: each material's status and evidence, uploads and their errors. */
import type { MaterialStatus } from '@matterform/core';
import { messages, type Message } from './say.js';

export const materialsMessages = messages('materials', {
  none: { 'zh-CN': '此事项无需提交材料。', en: 'No materials are needed.' },
  optional: { 'zh-CN': '（选填）', en: ' (optional)' },
  checking: { 'zh-CN': '正在核验…', en: 'Checking…' },
  licence: { 'zh-CN': '{title}（证号 {number}），{until}', en: '{title}, number {number}, {until}' },
  validUntil: { 'zh-CN': '有效期至{date}', en: 'valid until {date}' },
  noExpiry: { 'zh-CN': '长期有效', en: 'no expiry date' },
  data: { 'zh-CN': '已通过“{source}”核验', en: 'Confirmed with {source}' },
  sourceBy: { 'zh-CN': '{title}（{provider}）', en: '{title} ({provider})' },
  archive: {
    'zh-CN': '使用您于{uploaded}上传的材料，{until}。如需更换，可上传新文件。',
    en: 'Using the copy you uploaded on {uploaded}, {until}. Upload a new file to replace it.',
  },
  expired: {
    'zh-CN': '您的电子证照或档案中的材料已过期，请上传有效的材料。',
    en: 'Your electronic licence or archived copy has expired: upload a current one.',
  },
  failedUpload: {
    'zh-CN': '{title}无法通过电子方式核验：{providers}未响应，请上传。',
    en: '{title} could not be checked electronically: {providers} did not answer; please upload it.',
  },
  failedCounter: {
    'zh-CN': '{title}无法通过电子方式核验：{providers}未响应，请到窗口提交。',
    en: '{title} could not be checked electronically: {providers} did not answer; hand it in at the counter.',
  },
  when: { 'zh-CN': '因{conditions}，需提供此材料。', en: 'Needed because {conditions}.' },
  condition: { 'zh-CN': '“{field}”为“{value}”', en: '{field} is “{value}”' },
  yes: { 'zh-CN': '是', en: 'yes' },
  no: { 'zh-CN': '否', en: 'no' },
  onsite: {
    'zh-CN': '办理时请携带原件到窗口，由工作人员核验。',
    en: 'Bring the original to the counter: staff will check it.',
  },
  noUpload: {
    'zh-CN': '此材料无法在线提交，请到窗口提交。',
    en: 'This material cannot be sent online: hand it in at the counter.',
  },
  template: { 'zh-CN': '下载模板：{title}', en: 'Download the template for {title}' },
  upload: { 'zh-CN': '上传{title}', en: 'Upload {title}' },
  replace: { 'zh-CN': '上传新的{title}替换档案中的副本', en: 'Upload a new {title} to replace the archived copy' },
  archivedCopy: { 'zh-CN': '档案中的副本：', en: 'The copy in your archive: ' },
  openCopy: { 'zh-CN': '查看{name}', en: 'Open {name}' },
  hintTypes: { 'zh-CN': '可上传 {types} 文件', en: '{types}' },
  hintAnyType: { 'zh-CN': '可上传任意类型的文件', en: 'Any type of file' },
  hintSize: { 'zh-CN': '每个不超过 {max}', en: 'up to {max} each' },
  hintCount: { 'zh-CN': '最多 {max} 个', en: 'at most {max} {files}' },
  hintShrink: { 'zh-CN': '过大的照片会自动压缩', en: 'larger photos are made smaller for you' },
  chosen: { 'zh-CN': '已选文件：{title}', en: 'Chosen files: {title}' },
  shrunk: { 'zh-CN': '（已由 {size} 压缩）', en: ' (reduced from {size})' },
  remove: { 'zh-CN': '移除', en: 'Remove' },
  processing: { 'zh-CN': '正在检查文件…', en: 'Checking the files…' },
  requiredMissing: { 'zh-CN': '请上传{title}', en: 'Upload {title}' },
  requiredMissingCounter: { 'zh-CN': '请提供{title}', en: 'Provide {title}' },
  requiredExpired: { 'zh-CN': '{title}已过期，请上传有效的材料', en: '{title} has expired: upload a current one' },
  statusNotApplicable: { 'zh-CN': '无需提供', en: 'Not needed' },
  statusOnsite: { 'zh-CN': '需到现场出示原件', en: 'Show the original in person' },
  statusLicence: { 'zh-CN': '已由电子证照提供', en: 'Provided by your electronic licence' },
  statusData: { 'zh-CN': '已通过部门数据核验', en: 'Confirmed with government records' },
  statusUploaded: { 'zh-CN': '已上传', en: 'Uploaded' },
  statusArchive: { 'zh-CN': '已使用档案中的材料', en: 'Using the copy in your archive' },
  statusExpired: { 'zh-CN': '已过期，需重新提供', en: 'Expired: provide it again' },
  statusMissing: { 'zh-CN': '未提供', en: 'Not provided' },
  wrongType: {
    'zh-CN': '“{file}”的文件类型不符合要求：请上传 {types} 格式的文件',
    en: '“{file}” is not a type this material accepts: upload {types}',
  },
  tooMany: {
    'zh-CN': '“{file}”未添加：此项材料最多上传 {max} 个文件，请先移除不需要的文件',
    en: '“{file}” was not added: this material takes at most {max} {files}; remove one first',
  },
  tooLarge: {
    'zh-CN': '“{file}”大小为 {size}，超过了 {max} 的上限',
    en: '“{file}” is {size}; files must be at most {max}',
  },
  photoTooLarge: {
    'zh-CN': '“{file}”大小为 {size}，压缩后仍超过 {max} 的上限，请换一张照片',
    en: '“{file}” is {size} and could not be made smaller than {max}; choose another photo',
  },
  unreadable: {
    'zh-CN': '无法读取“{file}”，请重新选择',
    en: '“{file}” could not be read; choose it again',
  },
  duplicate: {
    'zh-CN': '“{file}”已经添加过了',
    en: '“{file}” is already added',
  },
  checkingAll: {
    'zh-CN': '正在核验您的电子证照和部门数据…',
    en: 'Checking your electronic licences and government records…',
  },
  unusable: {
    'zh-CN': '无法显示此事项的材料清单。',
    en: 'The materials of this matter cannot be shown.',
  },
  kindImage: { 'zh-CN': '图片', en: 'image' },
  kindVideo: { 'zh-CN': '视频', en: 'video' },
  kindAudio: { 'zh-CN': '音频', en: 'audio' },
} satisfies Record<string, Message>);

/** Each status in words; the review step says them too. */
export const statusMessages: Record<MaterialStatus, Message> = {
  'not-applicable': materialsMessages.statusNotApplicable,
  onsite: materialsMessages.statusOnsite,
  licence: materialsMessages.statusLicence,
  data: materialsMessages.statusData,
  uploaded: materialsMessages.statusUploaded,
  archive: materialsMessages.statusArchive,
  expired: materialsMessages.statusExpired,
  missing: materialsMessages.statusMissing,
};
