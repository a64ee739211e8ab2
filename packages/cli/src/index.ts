// Programmatic use of the command's pieces; the command itself is bin/matterform.js.
export { main, type Io } from './cli.js';
export {
  compileMatter,
  compileMatterModule,
  compileMatters,
  sharedValidatorModule,
  validatorFileName,
  type CompiledFile,
  type CompileMatterOptions,
  type CompileMattersOptions,
} from './compile.js';
export {
  escapeHtml,
  escapeMarkdown,
  REPORT_FORMATS,
  renderReport,
  reportHtml,
  reportMarkdown,
  type ReportFormat,
} from './report.js';
export { matterTypes, pascalId, type TypedMatter } from './types.js';
