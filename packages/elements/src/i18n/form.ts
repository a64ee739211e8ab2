/** What `<matter-form>` says about its first step: steps, notices, the summary, the buttons (the rest: form-later.ts). */
import { messages, type Message } from './say.js';

export const formMessages = messages('form', {
  stepOf: { 'zh-CN': '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  back: { 'zh-CN': '上一步', en: 'Back' },
  next: { 'zh-CN': '保存并继续', en: 'Save and continue' },
  submit: { 'zh-CN': '提交申请', en: 'Submit application' },
  submitting: { 'zh-CN': '正在提交…', en: 'Submitting…' },
  problem: { 'zh-CN': '请修改以下问题', en: 'There is a problem' },
  filling: { 'zh-CN': '正在为您自动填写…', en: 'Filling in what we already know…' },
  materials: { 'zh-CN': '申请材料', en: 'Supporting documents' },
  audience: {
    'zh-CN': '此事项面向{audience}，当前登录的申请人不能办理。',
    en: 'This application is for {audience}; the signed-in applicant cannot make it.',
  },
  person: { 'zh-CN': '个人', en: 'individuals' },
  organization: { 'zh-CN': '法人或其他组织', en: 'organisations' },
  loadFailed: { 'zh-CN': '表单加载失败：{message}', en: 'The form could not be loaded: {message}' },
  storageQuota: {
    'zh-CN': '本设备的存储空间不足，您的填写内容无法保存在本设备上；请尽快完成提交。',
    en: 'This device has no room left to keep your answers; please finish and submit soon.',
  },
  steps: { 'zh-CN': '步骤', en: 'Steps' },
  reviewStep: { 'zh-CN': '核对并提交', en: 'Check and submit' },
} satisfies Record<string, Message>);
