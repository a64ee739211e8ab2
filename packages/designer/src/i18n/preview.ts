import { messages } from '@matterform/elements';

export const previewMessages = messages('designer-preview', {
  heading: { 'zh-CN': '预览', en: 'Preview' },
  subject: { 'zh-CN': '合成申请人', en: 'Synthetic applicant' },
  noSubject: { 'zh-CN': '不模拟申请人（不自动填写）', en: 'No applicant (nothing filled)' },
  width: { 'zh-CN': '宽度', en: 'Width' },
  phone: { 'zh-CN': '手机（375 像素）', en: 'Phone (375 px)' },
  desktop: { 'zh-CN': '桌面', en: 'Desktop' },
  language: { 'zh-CN': '语言', en: 'Language' },
  zh: { 'zh-CN': '中文', en: 'Chinese' },
  en: { 'zh-CN': '英文', en: 'English' },
  fillAgain: { 'zh-CN': '重新填写', en: 'Fill again' },
  refilled: { 'zh-CN': '预览已为“{name}”重新打开', en: 'The preview opened again for “{name}”' },
  subjectsFailed: {
    'zh-CN': '未能从模拟网关取得合成申请人：{reason}',
    en: 'Could not get the synthetic applicants from the mock gateway: {reason}',
  },
  formLabel: { 'zh-CN': '申请人看到的表单', en: 'The form as the applicant sees it' },
  person: { 'zh-CN': '自然人', en: 'Person' },
  organization: { 'zh-CN': '法人', en: 'Organization' },
});
