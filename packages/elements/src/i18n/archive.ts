/**
 * What the form says about drafts and the outbox as it happens: imported only by the device's
 * lazy chunks (form/device-work.ts, form/outbox.ts), so it travels with them.
 */
import { messages, type Message } from './say.js';

export const archiveMessages = messages('archive', {
  misfitFile: { 'zh-CN': '已上传的文件“{name}”', en: 'The uploaded file “{name}”' },
  queued: {
    'zh-CN': '网络暂时无法连接。您的申请已保存在本设备上，恢复连接后将自动提交，无需重新填写。',
    en: 'We could not reach the server. Your application is saved on this device and will be sent as soon as the connection is back; you do not need to fill it in again.',
  },
  queuedUnauthorized: {
    'zh-CN': '您的登录已失效。申请已保存在本设备上，请重新登录后自动提交。',
    en: 'Your sign-in has expired. Your application is saved on this device and will be sent when you sign in again.',
  },
  earlierDelivered: {
    'zh-CN': '您之前保存在本设备上的申请已提交，受理编号 {reference}。',
    en: 'Your application saved on this device earlier has been sent; its reference is {reference}.',
  },
  earlierRejected: {
    'zh-CN': '您之前保存在本设备上的申请未被受理：{message}',
    en: 'Your application saved on this device earlier was not accepted: {message}',
  },
} satisfies Record<string, Message>);
