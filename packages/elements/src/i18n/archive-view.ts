/**
 * What the archive view says (drafts offered back, answers that no longer fit, remembering
 * answers and documents, keeping sensitive answers): imported by that view alone, so it stays in its lazy chunk.
 */
import { messages, type Message } from './say.js';

export const archiveViewMessages = messages('archiveView', {
  dismiss: { 'zh-CN': '知道了', en: 'Dismiss' },
  remember: {
    'zh-CN': '在本设备上记住我的回答和材料，供以后办事使用',
    en: 'Remember my answers and documents on this device for later applications',
  },
  rememberHint: {
    'zh-CN':
      '如果这是公用或他人的电脑（如网吧、政务服务大厅的自助机），请不要勾选。勾选后，您的回答和可重复使用的材料将加密保存在本浏览器中 180 天，下次办事时自动填写；不勾选，提交后就不保留您的回答和材料。',
    en: 'Leave this unticked on a shared or public computer, such as a library or a kiosk. If ticked, your answers and reusable documents are kept encrypted in this browser for 180 days to fill in your next application; if not, they are not kept once you submit.',
  },
  keepSensitive: {
    'zh-CN': '在本设备上保留我的证件号码等敏感信息，下次自动填写（选填）',
    en: 'Keep my sensitive answers, such as ID numbers, on this device to fill in next time (optional)',
  },
  draftFound: {
    'zh-CN': '您在{date}填写过此事项，内容已保存在本设备上。',
    en: 'You started this application on {date}; your answers were saved on this device.',
  },
  draftContinue: { 'zh-CN': '继续填写', en: 'Continue where I left off' },
  draftRestart: { 'zh-CN': '重新开始', en: 'Start again' },
  draftNewer: {
    'zh-CN': '您在另一个窗口或标签页中也修改了这份申请（{date}）。',
    en: 'This application was also changed in another window or tab ({date}).',
  },
  draftLoadNewer: { 'zh-CN': '载入那边的内容', en: 'Load those answers' },
  draftKeepMine: { 'zh-CN': '保留此页的内容', en: 'Keep the answers on this page' },
  misfitsTitle: {
    'zh-CN': '以下之前填写的内容不适用于当前版本的表单，请核对后重新填写：',
    en: 'These earlier answers no longer fit this version of the form; please check them and give them again:',
  },
  keepSensitiveHint: {
    'zh-CN': '其他答案会在本设备上加密保存 180 天，便于下次办理时自动填写。',
    en: 'Your other answers are kept encrypted on this device for 180 days, to fill in your next application.',
  },
} satisfies Record<string, Message>);
