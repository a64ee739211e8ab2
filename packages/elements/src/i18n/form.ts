/** What `<matter-form>` says about its first step: steps, notices, the summary, the buttons (the rest: form-later.ts). */
import { chineseFirst } from './say.js';

export const formMessages = chineseFirst('form', {
  stepOf: '第 {n} 步，共 {total} 步',
  back: '上一步',
  next: '保存并继续',
  submit: '提交申请',
  submitting: '正在提交…',
  problem: '请修改以下问题',
  filling: '正在为您自动填写…',
  materials: '申请材料',
  audience: '此事项面向{audience}，当前登录的申请人不能办理。',
  person: '个人',
  organization: '法人或其他组织',
  loadFailed: '表单加载失败：{message}',
  storageQuota: '本设备的存储空间不足，您的填写内容无法保存在本设备上；请尽快完成提交。',
  steps: '步骤',
  reviewStep: '核对并提交',
});
