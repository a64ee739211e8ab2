/**
 * What `<matter-status>` says: imported only by its chunk (status/status-work.ts), so it
 * travels with it and a page without case tracking never loads it.
 */
import { messages, type Message } from './say.js';

export const statusMessages = messages('status', {
  heading: { 'zh-CN': '我的办件', en: 'My applications' },
  loading: { 'zh-CN': '正在读取办件…', en: 'Loading your applications…' },
  none: {
    'zh-CN': '本设备上没有您提交过的办件。',
    en: 'There are no applications of yours on this device.',
  },
  noSubject: { 'zh-CN': '请先登录，以查看您的办件。', en: 'Sign in to see your applications.' },
  refresh: { 'zh-CN': '刷新办理状态', en: 'Refresh the statuses' },
  refreshing: { 'zh-CN': '正在刷新…', en: 'Refreshing…' },
  refreshed: { 'zh-CN': '办理状态已更新（{time}）。', en: 'Statuses updated ({time}).' },
  refreshedOne: { 'zh-CN': '办件 {reference}：{status}。', en: 'Application {reference}: {status}.' },
  reference: { 'zh-CN': '受理编号', en: 'Reference' },
  noReference: { 'zh-CN': '尚未取得', en: 'not yet given' },
  submittedAt: { 'zh-CN': '提交时间', en: 'Submitted' },
  updatedAt: { 'zh-CN': '状态更新', en: 'Status updated' },
  status: { 'zh-CN': '办理状态', en: 'Status' },
  timeline: { 'zh-CN': '办理进度', en: 'Progress' },
  pending: { 'zh-CN': '未开始', en: 'not yet' },
  current: { 'zh-CN': '（当前）', en: ' (current)' },
  unknownMatter: { 'zh-CN': '办件', en: 'Application' },
  // The outbox: on this device, not yet acknowledged by the gateway.
  queued: { 'zh-CN': '待发送（保存在本设备上）', en: 'Waiting to be sent (saved on this device)' },
  queuedDetail: {
    'zh-CN': '已尝试发送 {attempts} 次，恢复连接后将自动发送。',
    en: 'Tried {attempts} times; it will be sent by itself when the connection is back.',
  },
  sendNow: { 'zh-CN': '立即发送', en: 'Send now' },
  sendNowFor: { 'zh-CN': '立即发送：{title}', en: 'Send now: {title}' },
  sending: { 'zh-CN': '正在发送…', en: 'Sending…' },
  sent: { 'zh-CN': '已发送，受理编号 {reference}。', en: 'Sent; its reference is {reference}.' },
  stillWaiting: {
    'zh-CN': '仍无法连接，申请继续保存在本设备上。',
    en: 'Still no connection; the application stays saved on this device.',
  },
  rejected: { 'zh-CN': '未被受理：{message}', en: 'Not accepted: {message}' },
  // The gateway's statuses (the mock's timeline; another gateway's status is shown as given).
  received: { 'zh-CN': '已接收', en: 'Received' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  'in-review': { 'zh-CN': '审查中', en: 'In review' },
  decided: { 'zh-CN': '已办结', en: 'Decided' },
  approved: { 'zh-CN': '准予许可', en: 'Approved' },
  resultTitle: { 'zh-CN': '办理结果：{title}', en: 'Result: {title}' },
  licenceNumber: { 'zh-CN': '电子证照编号 {number}', en: 'E-licence number {number}' },
  delivery: { 'zh-CN': '领取方式：{ways}', en: 'How you get it: {ways}' },
  'delivery-e-licence': { 'zh-CN': '电子证照', en: 'e-licence' },
  'delivery-download': { 'zh-CN': '在线下载', en: 'download' },
  'delivery-mail': { 'zh-CN': '邮寄', en: 'by post' },
  'delivery-pickup': { 'zh-CN': '窗口领取', en: 'pick up at the counter' },
  'delivery-sms': { 'zh-CN': '短信通知', en: 'text message' },
  // Per case, when its status could not be read: the list stays.
  errorNetwork: {
    'zh-CN': '暂时无法查询办理状态（网络无法连接），请稍后刷新。',
    en: 'The status could not be checked (no connection); refresh later.',
  },
  errorNotFound: {
    'zh-CN': '政务服务网关查不到此办件。',
    en: 'The service gateway has no application with this reference.',
  },
  errorUnauthorized: {
    'zh-CN': '登录已失效，请重新登录后刷新。',
    en: 'Your sign-in has expired; sign in again and refresh.',
  },
  errorHttp: { 'zh-CN': '查询办理状态失败（HTTP {status}）。', en: 'The status could not be checked (HTTP {status}).' },
  lastKnown: { 'zh-CN': '（上次查询结果）', en: ' (last known)' },
} satisfies Record<string, Message>);
