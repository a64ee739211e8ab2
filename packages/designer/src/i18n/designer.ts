/** The messages of `<matter-designer>`'s own frame: header, columns, tabs, states, announcements. */
import { messages } from '@matterform/elements';
import { KIND_TITLES } from '../edits/kinds.js';

export const designerMessages = messages('designer', {
  designer: { 'zh-CN': '事项设计器', en: 'Matter designer' },
  untitled: { 'zh-CN': '未命名事项', en: 'Untitled matter' },
  noMatter: { 'zh-CN': '还没有打开事项。', en: 'No matter is open.' },
  undo: { 'zh-CN': '撤销', en: 'Undo' },
  undoWhat: { 'zh-CN': '撤销：{what}', en: 'Undo: {what}' },
  redo: { 'zh-CN': '重做', en: 'Redo' },
  redoWhat: { 'zh-CN': '重做：{what}', en: 'Redo: {what}' },
  nothingToUndo: { 'zh-CN': '没有可撤销的操作', en: 'Nothing to undo' },
  nothingToRedo: { 'zh-CN': '没有可重做的操作', en: 'Nothing to redo' },
  undone: { 'zh-CN': '已撤销：{what}', en: 'Undone: {what}' },
  redone: { 'zh-CN': '已重做：{what}', en: 'Redone: {what}' },
  anEdit: { 'zh-CN': '修改', en: 'an edit' },
  save: { 'zh-CN': '保存草稿', en: 'Save draft' },
  saving: { 'zh-CN': '正在保存…', en: 'Saving…' },
  saved: { 'zh-CN': '草稿已保存', en: 'Draft saved' },
  saveFailed: { 'zh-CN': '保存失败：{reason}', en: 'Could not save: {reason}' },
  publish: { 'zh-CN': '发布…', en: 'Publish…' },
  publishHeading: { 'zh-CN': '发布新版本', en: 'Publish a new version' },
  version: { 'zh-CN': '版本号（留空按修改内容建议）', en: 'Version (empty: proposed from the changes)' },
  changelog: { 'zh-CN': '变更说明', en: 'What changed' },
  publishNow: { 'zh-CN': '发布', en: 'Publish' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  published: { 'zh-CN': '已发布 {version}', en: 'Published {version}' },
  publishFailed: { 'zh-CN': '发布失败：{reason}', en: 'Could not publish: {reason}' },
  language: { 'zh-CN': '设计器语言', en: 'Designer language' },
  state: { 'zh-CN': '状态', en: 'State' },
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  live: { 'zh-CN': '已发布', en: 'Live' },
  liveWithDraft: { 'zh-CN': '已发布，另有草稿', en: 'Live, with a draft' },
  dirty: { 'zh-CN': '有未保存的修改', en: 'Unsaved changes' },
  clean: { 'zh-CN': '无未保存的修改', en: 'No unsaved changes' },
  readonly: { 'zh-CN': '只读', en: 'Read-only' },
  build: { 'zh-CN': '字段', en: 'Fields' },
  edit: { 'zh-CN': '编辑', en: 'Edit' },
  views: { 'zh-CN': '查看', en: 'Views' },
  properties: { 'zh-CN': '字段属性', en: 'Field properties' },
  steps: { 'zh-CN': '步骤', en: 'Steps' },
  materials: { 'zh-CN': '材料', en: 'Materials' },
  outputs: { 'zh-CN': '输出', en: 'Outputs' },
  attributes: { 'zh-CN': '事项属性', en: 'Attributes' },
  preview: { 'zh-CN': '预览', en: 'Preview' },
  rating: { 'zh-CN': '评级', en: 'Rating' },
  problems: { 'zh-CN': '问题', en: 'Problems' },
  problemCount: { 'zh-CN': '问题（{n}）', en: 'Problems ({n})' },
  checksFailed: {
    'zh-CN': '检查程序未能加载，暂时无法列出问题；请检查网络后重新打开本页',
    en: 'The checks could not be loaded, so no problems can be listed; check the connection and reopen this page',
  },
  json: { 'zh-CN': 'JSON', en: 'JSON' },
  colour: { 'zh-CN': '评级：{colour}', en: 'Rating: {colour}' },
  red: { 'zh-CN': '红', en: 'red' },
  orange: { 'zh-CN': '橙', en: 'orange' },
  yellow: { 'zh-CN': '黄', en: 'yellow' },
  green: { 'zh-CN': '绿', en: 'green' },
  editFailed: { 'zh-CN': '无法完成“{what}”：{reason}', en: 'Could not do “{what}”: {reason}' },
});

/**
 * The names of the field kinds (SPEC §10's palette), shared by the outline and the palette: the
 * table the edits name new fields with, so a host's message pack renames both.
 */
export const kindMessages = messages('designer-kinds', { ...KIND_TITLES });
