/**
 * `matterform report` (SPEC §8): the four-colour ratings of a catalogue as JSON (both
 * languages, for programs), Markdown (for a repository or a ticket) or one self-contained HTML
 * page (for a supervisor: no scripts, no external assets, colour never the only signal).
 * Markdown and HTML list the worst matters first; JSON keeps catalogue order. Each matter
 * carries its fill forecast (SPEC §10): in full in JSON, as the expected number of fields
 * typed in Markdown and HTML.
 *
 * Markdown and HTML also carry the lists `<matter-catalogue>` shows (SPEC §10, the seed's
 * three lists): the data list (sources by level, with coverage, connected or not, the matters
 * using each), the licence list (fresh or not, the matters using each), and for each source
 * not connected and licence type not fresh what connecting it would change, ranked in a
 * "connect next" list. The figures are core's `connectionImpacts`, so they are what the report
 * itself says once that provider is connected. JSON stays as SPEC §8 fixes it.
 */
import {
  type Catalogue,
  type ColourReport,
  type BaseLocale as Locale,
  type Forecast,
  type MatterRating,
} from '@matterform/core';
import { forecastOf } from './report-shared.js';
import { reportHtml } from './report-html.js';
import { reportMarkdown } from './report-markdown.js';

export { escapeHtml, reportHtml } from './report-html.js';
export { escapeMarkdown, reportMarkdown } from './report-markdown.js';

export type ReportFormat = 'md' | 'json' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'html'];

/** A matter's entry of the JSON report: its rating and its fill forecast. */
export type ReportEntry = MatterRating & { forecast: Forecast };

export function renderReport(report: ColourReport, catalogue: Catalogue, format: ReportFormat, lang: Locale): string {
  if (format === 'json') return JSON.stringify(withForecasts(report, catalogue), null, 2) + '\n';
  return format === 'md' ? reportMarkdown(report, catalogue, lang) : reportHtml(report, catalogue, lang);
}

/** The report with each matter's forecast after its fixes (SPEC §8, §10). */
export function withForecasts(
  report: ColourReport,
  catalogue: Catalogue,
): Omit<ColourReport, 'matters'> & { matters: ReportEntry[] } {
  return {
    ...report,
    matters: report.matters.map((rating) => ({ ...rating, forecast: forecastOf(catalogue, rating.id) })),
  };
}
