import { messages } from '@matterform/elements';

export const jsonMessages = messages('designer-json', {
  heading: { 'zh-CN': 'JSON', en: 'JSON' },
  editorLabel: { 'zh-CN': '事项文档（JSON）', en: 'The matter document (JSON)' },
  loading: { 'zh-CN': '正在加载代码编辑器……', en: 'Loading the code editor…' },
  loadFailed: {
    'zh-CN': '代码编辑器未能加载（{reason}），下面以只读方式显示文档。请检查网络后重新加载页面。',
    en: 'The code editor could not be loaded ({reason}); the document is shown read-only below. Check the connection and reload the page.',
  },
  apply: { 'zh-CN': '应用修改', en: 'Apply changes' },
  applyHint: {
    'zh-CN': '按 Ctrl+Enter 或离开编辑器时应用；Tab 键移出编辑器。',
    en: 'Ctrl+Enter or leaving the editor applies; Tab moves out of the editor.',
  },
  revert: { 'zh-CN': '放弃修改', en: 'Discard changes' },
  applied: { 'zh-CN': '已应用 JSON 修改', en: 'JSON changes applied' },
  editLabel: { 'zh-CN': '编辑 JSON', en: 'Edit JSON' },
  unchanged: { 'zh-CN': '文本与文档一致。', en: 'The text matches the document.' },
  unapplied: { 'zh-CN': '有未应用的修改。', en: 'There are unapplied changes.' },
  invalid: {
    'zh-CN': '文本不是有效的 JSON（第 {line} 行第 {column} 列）：{message}。修改未应用，文本已保留。',
    en: 'The text is not valid JSON (line {line}, column {column}): {message}. Nothing was applied; your text is kept.',
  },
  notObject: {
    'zh-CN': '事项文档必须是一个 JSON 对象。修改未应用，文本已保留。',
    en: 'A matter document must be a JSON object. Nothing was applied; your text is kept.',
  },
  problems: { 'zh-CN': '文本中有 {count} 个问题：', en: '{count} problem(s) in the text:' },
  problemAt: { 'zh-CN': '第 {line} 行：{message}', en: 'Line {line}: {message}' },
  moreProblems: { 'zh-CN': '另有 {count} 个问题', en: '{count} more' },
  changedOutside: {
    'zh-CN': '文档已在别处被修改；您的文本已保留。',
    en: 'The document changed; your text is kept.',
  },
  takeDocument: { 'zh-CN': '改为显示最新文档', en: 'Show the new document instead' },
  keepText: { 'zh-CN': '保留我的文本', en: 'Keep my text' },
});
