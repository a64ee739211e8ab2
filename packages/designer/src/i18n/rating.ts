import { messages } from '@matterform/elements';

export const ratingMessages = messages('designer-rating', {
  heading: { 'zh-CN': '四色评级', en: 'Four-colour rating' },
  overall: { 'zh-CN': '总体：{colour}', en: 'Overall: {colour}' },
  none: { 'zh-CN': '还没有评级。', en: 'No rating yet.' },
  stage: { 'zh-CN': '环节', en: 'Stage' },
  colour: { 'zh-CN': '颜色', en: 'Colour' },
  reasons: { 'zh-CN': '原因', en: 'Reasons' },
  apply: { 'zh-CN': '申请', en: 'Apply' },
  review: { 'zh-CN': '审核', en: 'Review' },
  deliver: { 'zh-CN': '送达', en: 'Deliver' },
  red: { 'zh-CN': '红', en: 'red' },
  orange: { 'zh-CN': '橙', en: 'orange' },
  yellow: { 'zh-CN': '黄', en: 'yellow' },
  green: { 'zh-CN': '绿', en: 'green' },
  conditional: { 'zh-CN': '（仅部分申请人）', en: '(some applicants only)' },
  improve: { 'zh-CN': '如何改进', en: 'How to improve' },
  fixes: { 'zh-CN': '一键修改', en: 'One-action fixes' },
  fixed: { 'zh-CN': '已修改：{label}', en: 'Applied: {label}' },
  forecast: { 'zh-CN': '自动填写预测', en: 'Prefill forecast' },
  typed: {
    'zh-CN': '首次申请的人预计需要手动填写约 {typed} 个必填项。',
    en: 'A first-time applicant is expected to type about {typed} required field(s).',
  },
  unknown: {
    'zh-CN': '其中 {count} 个必填项的来源覆盖率未知。',
    en: '{count} required field(s) have providers of unknown coverage.',
  },
  field: { 'zh-CN': '字段', en: 'Field' },
  share: { 'zh-CN': '预计已填写的比例', en: 'Expected filled' },
  providers: { 'zh-CN': '提供方', en: 'Providers' },
  shareUnknown: { 'zh-CN': '未知', en: 'unknown' },
});
