// The steps panel's messages.
import { messages } from '@matterform/elements';

export const stepsMessages = messages('designer-steps', {
  heading: { 'zh-CN': '步骤', en: 'Steps' },
  step: { 'zh-CN': '第 {n} 步：{title}', en: 'Step {n}: {title}' },
  stepTitle: { 'zh-CN': '步骤标题', en: 'Step title' },
  stepId: { 'zh-CN': '步骤标识（可选）', en: 'Step id (optional)' },
  stepIdHint: {
    'zh-CN': '小写字母开头，仅含小写字母、数字和连字符；留空则为 {fallback}。',
    en: 'A lower-case letter, then lower-case letters, digits and hyphens; empty means {fallback}.',
  },
  badStepId: {
    'zh-CN': '步骤标识须以小写字母开头，仅含小写字母、数字和连字符，且不能重复。',
    en: 'A step id starts with a lower-case letter, has only lower-case letters, digits and hyphens, and is unique.',
  },
  up: { 'zh-CN': '上移', en: 'Move up' },
  down: { 'zh-CN': '下移', en: 'Move down' },
  remove: { 'zh-CN': '删除步骤', en: 'Remove step' },
  removeHint: { 'zh-CN': '删除后其字段并入相邻步骤。', en: 'Its fields go to the step next to it.' },
  add: { 'zh-CN': '添加步骤', en: 'Add a step' },
  newStep: { 'zh-CN': '步骤 {n}', en: 'Step {n}' },
  fields: { 'zh-CN': '本步骤的字段', en: 'Fields of this step' },
  noFields: { 'zh-CN': '本步骤没有字段。', en: 'This step has no fields.' },
  moveTo: { 'zh-CN': '移到步骤', en: 'Move to step' },
  move: { 'zh-CN': '移动', en: 'Move' },
  noLayout: {
    'zh-CN': '尚未分步：所有字段在同一步中。添加步骤即可分步。',
    en: 'No steps yet: every field is in one step. Add a step to divide them.',
  },
  unplaced: {
    'zh-CN': '未列入任何步骤的字段（表单将其放在最后一步）',
    en: 'Fields in no step (the form puts them in the last step)',
  },
  editedStep: { 'zh-CN': '修改第 {n} 步', en: 'Changed step {n}' },
  addedStep: { 'zh-CN': '添加第 {n} 步', en: 'Added step {n}' },
  removedStep: { 'zh-CN': '删除第 {n} 步', en: 'Removed step {n}' },
  movedStep: { 'zh-CN': '移动第 {n} 步', en: 'Moved step {n}' },
  movedField: { 'zh-CN': '将“{field}”移到第 {n} 步', en: 'Moved “{field}” to step {n}' },
});
