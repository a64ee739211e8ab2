// The translations table's messages: what each text of a matter is called, and the panel's own words.
import { messages } from '@matterform/elements';

/** What a text is, for people: "字段 姓名 · 标题". `{name}` is the field's, step's or material's title. */
export const textPartMessages = messages('designer-text-parts', {
  title: { 'zh-CN': '事项名称', en: 'Matter title' },
  authority: { 'zh-CN': '实施机关', en: 'Authority' },
  scenario: { 'zh-CN': '适用情形', en: 'Scenario' },
  contact: { 'zh-CN': '咨询方式', en: 'Contact' },
  legalBasis: { 'zh-CN': '设定依据 {n}', en: 'Legal basis {n}' },
  conditions: { 'zh-CN': '受理条件 {n}', en: 'Condition {n}' },
  apply: { 'zh-CN': '办理流程 · 申请 {n}', en: 'Process · apply {n}' },
  review: { 'zh-CN': '办理流程 · 审查 {n}', en: 'Process · review {n}' },
  deliver: { 'zh-CN': '办理流程 · 送达 {n}', en: 'Process · deliver {n}' },
  feeBasis: { 'zh-CN': '收费依据', en: 'Fee basis' },
  resultTitle: { 'zh-CN': '办理结果', en: 'Result' },
  step: { 'zh-CN': '步骤 {n} · 标题', en: 'Step {n} · title' },
  material: { 'zh-CN': '材料 {name} · 名称', en: 'Material {name} · title' },
  form: { 'zh-CN': '表单', en: 'Form' },
  field: { 'zh-CN': '字段 {name}', en: 'Field {name}' },
  definition: { 'zh-CN': '共用定义 {name}', en: 'Shared definition {name}' },
  option: { 'zh-CN': '选项 {value}', en: 'option {value}' },
  schemaPart: { 'zh-CN': '{where} · {what}', en: '{where} · {what}' },
  partTitle: { 'zh-CN': '标题', en: 'title' },
  partDescription: { 'zh-CN': '说明', en: 'description' },
  partPlaceholder: { 'zh-CN': '占位提示', en: 'placeholder' },
  partHelp: { 'zh-CN': '帮助', en: 'help' },
  partOption: { 'zh-CN': '选项 {value}', en: 'option {value}' },
});

/** Problems of an imported CSV, each naming its row (1 is the header, as a spreadsheet numbers them). */
export const csvMessages = messages('designer-translations-csv', {
  badHeader: {
    'zh-CN': '第 1 行应为表头“pointer,part,zh-CN,en”。',
    en: 'Row 1 should be the header "pointer,part,zh-CN,en".',
  },
  unbalancedQuote: {
    'zh-CN': '第 {row} 行的引号没有闭合，此后内容无法读取。',
    en: 'Row {row} opens a quote that is never closed; nothing after it can be read.',
  },
  cellCount: {
    'zh-CN': '第 {row} 行应有 4 列，实有 {n} 列。',
    en: 'Row {row} should have 4 cells; it has {n}.',
  },
  unknownPointer: {
    'zh-CN': '第 {row} 行的位置“{pointer}”不是本事项的文字。',
    en: 'Row {row}: "{pointer}" is not a text of this matter.',
  },
  duplicatePointer: {
    'zh-CN': '第 {row} 行重复了第 {first} 行的位置“{pointer}”，已忽略。',
    en: 'Row {row} repeats "{pointer}" from row {first}; it is ignored.',
  },
});

export const translationsMessages = messages('designer-translations', {
  heading: { 'zh-CN': '翻译', en: 'Translations' },
  caption: { 'zh-CN': '本事项的全部文字，中英文对照', en: 'Every text of this matter in Chinese and English' },
  where: { 'zh-CN': '位置', en: 'Where' },
  chinese: { 'zh-CN': '中文', en: 'Chinese' },
  english: { 'zh-CN': '英文', en: 'English' },
  missingChinese: { 'zh-CN': '缺少中文', en: 'Chinese missing' },
  missingEnglish: { 'zh-CN': '缺少英文', en: 'English missing' },
  onlyMissing: { 'zh-CN': '只看缺少翻译的', en: 'Only missing' },
  count: { 'zh-CN': '共 {total} 处文字，缺少 {missing} 处', en: '{missing} of {total} missing' },
  none: { 'zh-CN': '没有缺少翻译的文字。', en: 'No text is missing a translation.' },
  show: { 'zh-CN': '在设计器中显示：{label}', en: 'Show in the designer: {label}' },
  edited: { 'zh-CN': '修改{label}（{language}）', en: 'Changed {label} ({language})' },
  exportCsv: { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  exported: { 'zh-CN': '已导出 {file}', en: 'Exported {file}' },
  download: { 'zh-CN': '若未自动下载，请点此下载 {file}', en: 'If it did not download, download {file} here' },
  importCsv: { 'zh-CN': '导入 CSV', en: 'Import CSV' },
  importHint: {
    'zh-CN': '表头为 pointer,part,zh-CN,en；空单元格不会删除已有文字。',
    en: 'Header pointer,part,zh-CN,en; an empty cell never deletes a text.',
  },
  importHeading: { 'zh-CN': '导入 {file}', en: 'Import {file}' },
  importChanges: { 'zh-CN': '将修改 {n} 处文字。', en: '{n} texts will change.' },
  importNothing: { 'zh-CN': '没有要修改的文字。', en: 'No text would change.' },
  importProblems: { 'zh-CN': '{n} 个问题（这些行不导入）：', en: '{n} problems (these rows are not imported):' },
  importApply: { 'zh-CN': '应用导入', en: 'Apply the import' },
  importCancel: { 'zh-CN': '取消', en: 'Cancel' },
  imported: { 'zh-CN': '已从 CSV 导入 {n} 处文字', en: 'Imported {n} texts from CSV' },
  importCancelled: { 'zh-CN': '已取消导入', en: 'Import cancelled' },
});
