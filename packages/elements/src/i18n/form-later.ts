/**
 * What the form says after its first step — consent, review, confirmation, sending — in the
 * same area as form.ts's table ("form"), so a message pack names them alike; kept apart so
 * the chunks that say them carry them (SPEC §9's budget).
 */
import { messages, type Message } from './say.js';

export const laterFormMessages = messages('form', {
  consentTitle: { 'zh-CN': '授权获取您的信息', en: 'May we fetch your information?' },
  consentIntro: {
    'zh-CN': '为减少填写，我们可以在您同意后从以下单位获取信息：',
    en: 'To save you typing, with your agreement we can fetch these from the following offices:',
  },
  consentAgree: { 'zh-CN': '同意并自动填写', en: 'Agree and fill in' },
  consentRefuse: { 'zh-CN': '不同意，我自己填写', en: 'No, I will type it myself' },
  consentChoose: { 'zh-CN': '允许获取', en: 'Allow' },
  consentNone: { 'zh-CN': '（仅用于核验材料）', en: '(only to check a document)' },
  change: { 'zh-CN': '修改', en: 'Change' },
  stillSending: { 'zh-CN': '正在提交您的申请，请稍候。', en: 'Your application is being sent; please wait.' },
  stillFilling: {
    'zh-CN': '正在为您自动填写，完成后即可提交。',
    en: 'We are still filling in what we know; you can submit once it is done.',
  },
  failed: {
    'zh-CN': '以下来源暂时无法获取信息，相关内容请您手动填写：',
    en: 'We could not get information from these sources; please fill in what they would have given:',
  },
  filled: { 'zh-CN': '已为您自动填写 {n} 项，请核对。', en: '{n} answers were filled in for you. Please check them.' },
  reasonTimeout: { 'zh-CN': '超时', en: 'timed out' },
  reasonNetwork: { 'zh-CN': '网络不通', en: 'network error' },
  reasonMalformed: { 'zh-CN': '返回数据有误', en: 'answered wrongly' },
  reasonConsentRefused: { 'zh-CN': '您未授权', en: 'you did not agree' },
  reasonHttp: { 'zh-CN': '错误 {status}', en: 'error {status}' },
  materialsMissing: { 'zh-CN': '请提供“{title}”', en: 'Provide “{title}”' },
  youTyped: { 'zh-CN': '您填写', en: 'You gave this' },
  submitted: { 'zh-CN': '申请已提交', en: 'Application submitted' },
  referenceIs: { 'zh-CN': '您的受理编号', en: 'Your reference number' },
  keepReference: {
    'zh-CN': '请记下受理编号，用于查询办理进度。',
    en: 'Keep this reference to follow your application.',
  },
  receivedAt: { 'zh-CN': '提交时间：{time}', en: 'Received: {time}' },
  print: { 'zh-CN': '打印申请记录', en: 'Print a record of your application' },
  record: { 'zh-CN': '申请记录', en: 'Record of your application' },
  submitFailed: {
    'zh-CN': '提交没有成功：{message}。您填写的内容都还在，请稍后再试。',
    en: 'Your application was not sent: {message}. Nothing you entered is lost; please try again.',
  },
  unauthorized: {
    'zh-CN': '登录已失效，请重新登录后再提交。您填写的内容都还在。',
    en: 'You are signed out. Sign in again, then submit; nothing you entered is lost.',
  },
  consentNeeded: {
    'zh-CN': '请先选择是否同意获取您的信息，然后继续。',
    en: 'Say whether we may fetch your information before you continue.',
  },
} satisfies Record<string, Message>);
