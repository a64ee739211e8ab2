import { messages } from '@matterform/elements';

export const problemsMessages = messages('designer-problems', {
  heading: { 'zh-CN': '问题', en: 'Problems' },
  summary: {
    'zh-CN': '{errors} 个错误，{warnings} 个警告',
    en: '{errors} error(s), {warnings} warning(s)',
  },
  none: { 'zh-CN': '没有发现问题。', en: 'No problems found.' },
  // The list below is still the last one found: the edit just made is being checked.
  checking: {
    'zh-CN': '正在检查刚才的修改……以下为修改前的结果。',
    en: 'Checking the last edit… the list below is from before it.',
  },
  error: { 'zh-CN': '错误', en: 'Error' },
  warning: { 'zh-CN': '警告', en: 'Warning' },
  goTo: { 'zh-CN': '转到：{place}', en: 'Go to: {place}' },
  field: { 'zh-CN': '字段“{name}”', en: 'field “{name}”' },
  material: { 'zh-CN': '材料“{name}”', en: 'material “{name}”' },
  output: { 'zh-CN': '输出“{name}”', en: 'output “{name}”' },
  step: { 'zh-CN': '步骤“{name}”', en: 'step “{name}”' },
  matter: { 'zh-CN': '事项属性', en: 'the matter’s attributes' },
  fixed: { 'zh-CN': '已修改：{label}', en: 'Applied: {label}' },
});
