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
  catalogueFigures,
  COLOURS,
  connectionImpacts,
  forecastMatter,
  localize,
  type Catalogue,
  type Colour,
  type ColourCounts,
  type ColourReason,
  type ColourReport,
  type ColourStage,
  type BaseLocale as Locale,
  type CatalogueFigures,
  type ConnectionImpact,
  type Forecast,
  type LicenceType,
  type MatterRating,
  type ProviderRef,
  type Source,
} from '@matterform/core';

export type ReportFormat = 'md' | 'json' | 'html';

export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'html'];

/** A matter's entry of the JSON report: its rating and its fill forecast. */
export type ReportEntry = MatterRating & { forecast: Forecast };

export function renderReport(report: ColourReport, catalogue: Catalogue, format: ReportFormat, lang: Locale): string {
  if (format === 'json') return JSON.stringify(withForecasts(report, catalogue), null, 2) + '\n';
  return format === 'md' ? reportMarkdown(report, catalogue, lang) : reportHtml(report, catalogue, lang);
}

/** What the data and licence lists show: who uses each provider, and what connecting each pending one changes. */
interface Lists {
  figures: CatalogueFigures;
  /** Pending providers, most useful to connect first. */
  impacts: ConnectionImpact[];
  impactOf: Map<ProviderRef, ConnectionImpact>;
}

function listsOf(catalogue: Catalogue): Lists {
  const figures = catalogueFigures(catalogue);
  const impacts = connectionImpacts(catalogue, figures);
  return { figures, impacts, impactOf: new Map(impacts.map((i) => [i.provider, i])) };
}

const LEVELS: readonly Source['level'][] = ['ministry', 'province', 'city'];

/** `from → to` counts of an impact's colour changes, worst `from` first, e.g. "yellow → green 3". */
function changeCounts(impact: ConnectionImpact): { from: Colour; to: Colour; count: number }[] {
  const counts = new Map<string, { from: Colour; to: Colour; count: number }>();
  for (const { from, to } of impact.changes) {
    const key = `${from}>${to}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { from, to, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) => COLOURS.indexOf(a.from) - COLOURS.indexOf(b.from) || COLOURS.indexOf(a.to) - COLOURS.indexOf(b.to),
  );
}

function holderText(licence: LicenceType, w: Words): string {
  return [licence.holder]
    .flat()
    .map((h) => w.holder[h])
    .join(w.and);
}

function coverageText(coverage: number | undefined, w: Words): string {
  return coverage === undefined ? w.unknown : `${Math.round(coverage * 100)}%`;
}

function providerTitle(catalogue: Catalogue, provider: ProviderRef, lang: Locale): string {
  const at = provider.indexOf(':');
  const id = provider.slice(at + 1);
  const entry: Source | LicenceType | undefined = provider.startsWith('source:')
    ? catalogue.sources.find((s) => s.id === id)
    : catalogue.licences.find((l) => l.id === id);
  return localize(entry?.title, lang) || id;
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

/** Each matter's forecast, worked out once per catalogue: Markdown and HTML show it twice per matter. */
const FORECASTS = new WeakMap<Catalogue, Map<string, Forecast>>();

function forecastOf(catalogue: Catalogue, id: string): Forecast {
  let forecasts = FORECASTS.get(catalogue);
  if (!forecasts) {
    forecasts = new Map(catalogue.matters.map((m) => [m.id, forecastMatter(m, catalogue)]));
    FORECASTS.set(catalogue, forecasts);
  }
  return forecasts.get(id) ?? { fields: {}, typed: 0, unknown: 0 };
}

const STAGES: readonly ColourStage[] = ['apply', 'review', 'deliver'];

interface Words {
  title: string;
  summary: (matters: number, departments: number) => string;
  totals: string;
  departments: string;
  overview: string;
  details: string;
  department: string;
  matter: string;
  overall: string;
  total: string;
  fixes: string;
  noFixes: string;
  noMatters: string;
  conditional: string;
  typed: (forecast: Forecast) => string;
  colour: Record<Colour, string>;
  stage: Record<ColourStage, string>;
  share: (counts: ColourCounts) => string;
  typedColumn: string;
  data: string;
  dataIntro: string;
  level: Record<Source['level'], string>;
  source: string;
  provider: string;
  coverage: string;
  connected: string;
  yes: string;
  no: string;
  unknown: string;
  usedBy: string;
  ifConnected: string;
  colourChanges: (n: number) => string;
  manualRemoved: (n: number) => string;
  typedRemoved: (n: number) => string;
  licences: string;
  licencesIntro: string;
  licence: string;
  issuer: string;
  holderColumn: string;
  holder: Record<'person' | 'organization', string>;
  and: string;
  fresh: string;
  ifFresh: string;
  connectNext: string;
  connectNextIntro: string;
  nothingPending: string;
  rank: string;
  tableOf: (heading: string) => string;
  pending: string;
  kind: string;
  kindSource: string;
  kindLicence: string;
  changesColumn: string;
  manualColumn: string;
  typedRemovedColumn: string;
  totalsAfter: string;
  noSources: string;
  noLicences: string;
}

const WORDS: Record<Locale, Words> = {
  'zh-CN': {
    title: '事项四色评级报告',
    summary: (m, d) => `共 ${m} 个事项，${d} 个部门。红色离全程网办最远，绿色已全程网办。`,
    totals: '总计',
    departments: '各部门',
    overview: '事项一览',
    details: '事项详情',
    department: '部门',
    matter: '事项',
    overall: '总评',
    total: '合计',
    fixes: '改进建议',
    noFixes: '无须改进。',
    noMatters: '目录中没有事项。',
    conditional: '（仅部分申请人）',
    typed: (f) =>
      `预计首次申请人手工填写约 ${f.typed} 个必填字段${f.unknown > 0 ? `，另有 ${f.unknown} 个字段的数据覆盖率未知` : ''}`,
    colour: { red: '红', orange: '橙', yellow: '黄', green: '绿' },
    stage: { apply: '申请', review: '审核', deliver: '交付' },
    share: (c) => `红 ${c.red}，橙 ${c.orange}，黄 ${c.yellow}，绿 ${c.green}`,
    typedColumn: '预计手工填写',
    data: '数据清单',
    dataIntro: '各级数据接口：覆盖率、是否已对接、使用它的事项；未对接的接口列出对接后的变化。',
    level: { ministry: '部级', province: '省级', city: '市级' },
    source: '数据接口',
    provider: '提供方',
    coverage: '覆盖率',
    connected: '已对接',
    yes: '是',
    no: '否',
    unknown: '未知',
    usedBy: '使用事项',
    ifConnected: '对接后',
    colourChanges: (n) => `${n} 个事项变色`,
    manualRemoved: (n) => `少填 ${n} 个必填字段`,
    typedRemoved: (n) => `预计手工填写减少 ${n} 个`,
    licences: '证照清单',
    licencesIntro: '电子证照类型：是否保鲜、使用它的事项；未保鲜的证照列出保鲜后的变化。',
    licence: '证照类型',
    issuer: '签发机关',
    holderColumn: '持证主体',
    holder: { person: '自然人', organization: '法人' },
    and: '、',
    fresh: '已保鲜',
    ifFresh: '保鲜后',
    connectNext: '优先对接',
    connectNextIntro: '未对接的数据接口和未保鲜的证照，按对接后变色的事项数、少填的字段数排序。',
    nothingPending: '所有数据接口均已对接，所有证照均已保鲜。',
    rank: '序号',
    tableOf: (h) => `${h}（表格）`,
    pending: '数据接口或证照',
    kind: '类别',
    kindSource: '数据接口',
    kindLicence: '证照',
    changesColumn: '变色事项',
    manualColumn: '少填必填字段',
    typedRemovedColumn: '预计少填',
    totalsAfter: '对接后四色',
    noSources: '目录中没有此级数据接口。',
    noLicences: '目录中没有证照类型。',
  },
  en: {
    title: 'Four-colour report of matters',
    summary: (m, d) =>
      `${m} matters in ${d} departments. Red is furthest from being handled online end to end; green is there.`,
    totals: 'Totals',
    departments: 'By department',
    overview: 'All matters',
    details: 'Matters in detail',
    department: 'Department',
    matter: 'Matter',
    overall: 'Overall',
    total: 'Total',
    fixes: 'Fixes',
    noFixes: 'Nothing to fix.',
    noMatters: 'The catalogue has no matters.',
    conditional: ' (some applicants only)',
    typed: (f) =>
      `A first-time applicant is expected to type about ${f.typed} required field(s)${f.unknown > 0 ? `, and up to ${f.unknown} more whose data coverage is unknown` : ''}`,
    colour: { red: 'Red', orange: 'Orange', yellow: 'Yellow', green: 'Green' },
    stage: { apply: 'Apply', review: 'Review', deliver: 'Deliver' },
    share: (c) => `red ${c.red}, orange ${c.orange}, yellow ${c.yellow}, green ${c.green}`,
    typedColumn: 'Typed (expected)',
    data: 'Data list',
    dataIntro:
      'Open-data interfaces by level: coverage, connected or not, the matters using each; for those not connected, what connecting would change.',
    level: { ministry: 'Ministry level', province: 'Province level', city: 'City level' },
    source: 'Source',
    provider: 'Provider',
    coverage: 'Coverage',
    connected: 'Connected',
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    usedBy: 'Matters using it',
    ifConnected: 'If connected',
    colourChanges: (n) => `${n} matter(s) change colour`,
    manualRemoved: (n) => `${n} required field(s) no longer typed`,
    typedRemoved: (n) => `expected typed falls by ${n}`,
    licences: 'Licence list',
    licencesIntro:
      'Electronic licence types: kept current (fresh) or not, the matters using each; for those not fresh, what keeping them current would change.',
    licence: 'Licence type',
    issuer: 'Issuer',
    holderColumn: 'Holder',
    holder: { person: 'person', organization: 'organisation' },
    and: ', ',
    fresh: 'Fresh',
    ifFresh: 'If kept current',
    connectNext: 'Connect next',
    connectNextIntro:
      'Sources not connected and licence types not kept current, by how many matters would change colour, then how many required fields applicants would no longer type.',
    nothingPending: 'Every source is connected and every licence type kept current.',
    rank: 'Rank',
    tableOf: (h) => `${h}: table`,
    pending: 'Source or licence type',
    kind: 'Kind',
    kindSource: 'source',
    kindLicence: 'licence type',
    changesColumn: 'Matters changing colour',
    manualColumn: 'Required fields no longer typed',
    typedRemovedColumn: 'Expected typed falls by',
    totalsAfter: 'Colours after',
    noSources: 'No source at this level.',
    noLicences: 'The catalogue has no licence types.',
  },
};

/** Worst first; catalogue order among equals. */
function worstFirst(matters: MatterRating[]): MatterRating[] {
  return matters
    .map((rating, index) => ({ rating, index }))
    .sort((a, b) => COLOURS.indexOf(a.rating.colour) - COLOURS.indexOf(b.rating.colour) || a.index - b.index)
    .map((entry) => entry.rating);
}

function sum(counts: ColourCounts): number {
  return COLOURS.reduce((total, colour) => total + counts[colour], 0);
}

function titleOf(catalogue: Catalogue, id: string, lang: Locale): string {
  const matter = catalogue.matters.find((m) => m.id === id);
  return localize(matter?.title, lang) || id;
}

// ---------------------------------------------------------------------------------------
// Markdown

/** Text that reads as itself in Markdown: no table breaks, emphasis, links or raw HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#&!~]/g, (c) => `\\${c}`);
}

export function reportMarkdown(report: ColourReport, catalogue: Catalogue, lang: Locale): string {
  const w = WORDS[lang];
  const colourHeads = COLOURS.map((c) => w.colour[c]);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rule = (left: number, right: number) =>
    row([...Array<string>(left).fill('---'), ...Array<string>(right).fill('---:')]);
  const departments = Object.entries(report.departments);
  const lines: string[] = [`# ${w.title}`, '', w.summary(report.matters.length, departments.length), ''];

  lines.push(`## ${w.totals}`, '', row([...colourHeads, w.total]), rule(0, 5));
  lines.push(row([...COLOURS.map((c) => String(report.totals[c])), String(sum(report.totals))]), '');

  lines.push(`## ${w.departments}`, '', row([w.department, ...colourHeads, w.total]), rule(1, 5));
  for (const [department, counts] of departments) {
    lines.push(row([escapeMarkdown(department), ...COLOURS.map((c) => String(counts[c])), String(sum(counts))]));
  }
  lines.push('');

  const ordered = worstFirst(report.matters);
  lines.push(`## ${w.overview}`, '');
  if (ordered.length === 0) lines.push(w.noMatters, '');
  else {
    lines.push(row([w.matter, w.department, ...STAGES.map((s) => w.stage[s]), w.overall, w.typedColumn]), rule(6, 1));
    for (const rating of ordered) {
      lines.push(
        row([
          `${escapeMarkdown(titleOf(catalogue, rating.id, lang))} (${escapeMarkdown(rating.id)})`,
          escapeMarkdown(rating.department),
          ...STAGES.map((s) => w.colour[rating.stages[s].colour]),
          `**${w.colour[rating.colour]}**`,
          String(forecastOf(catalogue, rating.id).typed),
        ]),
      );
    }
    lines.push('');
  }

  lines.push(...markdownLists(catalogue, listsOf(catalogue), lang));

  if (ordered.length > 0) lines.push(`## ${w.details}`, '');
  for (const rating of ordered) {
    lines.push(
      `### ${w.colour[rating.colour]} · ${escapeMarkdown(titleOf(catalogue, rating.id, lang))} (${escapeMarkdown(rating.id)})`,
      '',
      `${w.department}: ${escapeMarkdown(rating.department)}`,
      '',
      escapeMarkdown(w.typed(forecastOf(catalogue, rating.id))),
      '',
    );
    for (const stage of STAGES) {
      lines.push(`**${w.stage[stage]}: ${w.colour[rating.stages[stage].colour]}**`, '');
      for (const reason of rating.stages[stage].reasons) lines.push(`- ${markdownReason(reason, lang)}`);
      lines.push('');
    }
    lines.push(`**${w.fixes}**`, '');
    if (rating.fixes.length === 0) lines.push(w.noFixes);
    rating.fixes.forEach((fix, i) => lines.push(`${i + 1}. ${escapeMarkdown(fix.message[lang])}`));
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** The data list, the licence list and the "connect next" ranking, as Markdown sections. */
function markdownLists(catalogue: Catalogue, lists: Lists, lang: Locale): string[] {
  const w = WORDS[lang];
  const m = escapeMarkdown;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const users = (ref: ProviderRef) => String(lists.figures.usedBy.get(ref)?.length ?? 0);
  const impactCells = (ref: ProviderRef): string[] => {
    const impact = lists.impactOf.get(ref);
    if (!impact) return ['—', '—', '—'];
    const changes = changeCounts(impact)
      .map(({ from, to }) => {
        const ids = impact.changes.filter((c) => c.from === from && c.to === to).map((c) => m(c.id));
        return `${w.colour[from]} → ${w.colour[to]}: ${ids.join(', ')}`;
      })
      .join('; ');
    return [
      `${impact.changes.length}${changes ? ` (${changes})` : ''}`,
      String(impact.manualFieldsRemoved),
      String(impact.typedRemoved),
    ];
  };
  const lines: string[] = [`## ${w.data}`, '', m(w.dataIntro), ''];
  for (const level of LEVELS) {
    lines.push(`### ${w.level[level]}`, '');
    const sources = catalogue.sources.filter((s) => s.level === level);
    if (sources.length === 0) {
      lines.push(w.noSources, '');
      continue;
    }
    lines.push(
      row([
        w.source,
        w.provider,
        w.coverage,
        w.connected,
        w.usedBy,
        w.changesColumn,
        w.manualColumn,
        w.typedRemovedColumn,
      ]),
      row(['---', '---', '---:', '---', '---:', '---', '---:', '---:']),
    );
    for (const source of sources) {
      const ref: ProviderRef = `source:${source.id}`;
      lines.push(
        row([
          `${m(localize(source.title, lang) || source.id)} (${m(source.id)})`,
          m(localize(source.provider, lang)),
          coverageText(source.coverage, w),
          source.connected === false ? w.no : w.yes,
          users(ref),
          ...impactCells(ref),
        ]),
      );
    }
    lines.push('');
  }

  lines.push(`## ${w.licences}`, '', m(w.licencesIntro), '');
  if (catalogue.licences.length === 0) lines.push(w.noLicences, '');
  else {
    lines.push(
      row([
        w.licence,
        w.issuer,
        w.holderColumn,
        w.coverage,
        w.fresh,
        w.usedBy,
        w.changesColumn,
        w.manualColumn,
        w.typedRemovedColumn,
      ]),
      row(['---', '---', '---', '---:', '---', '---:', '---', '---:', '---:']),
    );
    for (const licence of catalogue.licences) {
      const ref: ProviderRef = `licence:${licence.id}`;
      lines.push(
        row([
          `${m(localize(licence.title, lang) || licence.id)} (${m(licence.id)})`,
          m(localize(licence.issuer, lang)),
          holderText(licence, w),
          coverageText(licence.coverage, w),
          licence.fresh === false ? w.no : w.yes,
          users(ref),
          ...impactCells(ref),
        ]),
      );
    }
    lines.push('');
  }

  lines.push(`## ${w.connectNext}`, '', m(w.connectNextIntro), '');
  if (lists.impacts.length === 0) lines.push(w.nothingPending, '');
  else {
    lines.push(
      row([w.rank, w.pending, w.kind, w.changesColumn, w.manualColumn, w.typedRemovedColumn, w.totalsAfter]),
      row(['---:', '---', '---', '---', '---:', '---:', '---']),
    );
    lists.impacts.forEach((impact, i) => {
      lines.push(
        row([
          String(i + 1),
          `${m(providerTitle(catalogue, impact.provider, lang))} (${m(impact.provider)})`,
          impact.provider.startsWith('source:') ? w.kindSource : w.kindLicence,
          ...impactCells(impact.provider),
          w.share(impact.totals),
        ]),
      );
    });
    lines.push('');
  }
  return lines;
}

function markdownReason(reason: ColourReason, lang: Locale): string {
  const w = WORDS[lang];
  return `${w.colour[reason.colour]} · ${escapeMarkdown(reason.message[lang])}${reason.conditional ? w.conditional : ''}`;
}

// ---------------------------------------------------------------------------------------
// HTML

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Fragment ids from matter ids, which are slugs; anything else is dropped rather than escaped. */
function anchor(id: string): string {
  return `matter-${id.replace(/[^a-z0-9-]/gi, '')}`;
}

// Colours chosen for contrast: each label's text is at least 4.5:1 against its background.
const STYLE = `
:root { color-scheme: light; font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
body { margin: 0; background: #fff; color: #1f1f1f; line-height: 1.5; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #c4c4c4; padding-bottom: .25rem; }
h3 { font-size: 1.15rem; margin: 0 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #c4c4c4; padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f4f4f4; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
.label { display: inline-block; min-width: 3.5em; padding: 0 .4em; border-radius: .25rem; border: 1px solid #1f1f1f; font-weight: 600; text-align: center; white-space: nowrap; }
.red { background: #b3261e; color: #fff; }
.orange { background: #e8710a; color: #1f1f1f; }
.yellow { background: #f6c915; color: #1f1f1f; }
.green { background: #1e7b34; color: #fff; }
.totals { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.totals li { border: 1px solid #c4c4c4; border-radius: .4rem; padding: .5rem .75rem; min-width: 7rem; }
.totals strong { display: block; font-size: 1.75rem; }
.bar { display: flex; height: 1.75rem; border: 1px solid #1f1f1f; border-radius: .25rem; overflow: hidden; min-width: 10rem; }
.bar span { display: flex; align-items: center; justify-content: center; font-weight: 600; font-size: .85rem; overflow: hidden; }
.bar span + span { border-left: 2px solid #fff; }
.matter { border: 1px solid #c4c4c4; border-radius: .4rem; padding: 1rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
.matter p { margin: 0 0 .5rem; color: #444; }
.reasons { margin: 0; padding-left: 1.2rem; }
.reasons li { margin: .15rem 0; }
.conditional { color: #444; font-style: italic; }
a { color: #0b57d0; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.scroll > table { margin: 0; }
.scroll { margin: .5rem 0 1rem; }
section[aria-labelledby="data"] .scroll > table, section[aria-labelledby="licences"] .scroll > table, section[aria-labelledby="connect-next"] .scroll > table { min-width: 40rem; }
.plain { list-style: none; margin: 0; padding: 0; }
.plain li { margin: .15rem 0; }
td p { margin: 0 0 .25rem; }
code { font-size: .85em; color: #444; overflow-wrap: anywhere; }
summary { cursor: pointer; }
@media (max-width: 40rem) { main { padding: .75rem; } h1 { font-size: 1.4rem; } }
@media print { .label, .bar span { print-color-adjust: exact; -webkit-print-color-adjust: exact; } .matter { break-inside: avoid; } }
`;

export function reportHtml(report: ColourReport, catalogue: Catalogue, lang: Locale): string {
  const w = WORDS[lang];
  const e = escapeHtml;
  const label = (colour: Colour) => `<span class="label ${colour}">${e(w.colour[colour])}</span>`;
  const departments = Object.entries(report.departments);
  const ordered = worstFirst(report.matters);
  const out: string[] = [];

  out.push(
    '<!doctype html>',
    `<html lang="${e(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(w.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(w.title)}</h1>`,
    `<p>${e(w.summary(report.matters.length, departments.length))}</p>`,
  );

  out.push(`<section aria-labelledby="totals"><h2 id="totals">${e(w.totals)}</h2>`, '<ul class="totals">');
  for (const colour of COLOURS) out.push(`<li>${label(colour)}<strong>${report.totals[colour]}</strong></li>`);
  out.push(`<li>${e(w.total)}<strong>${sum(report.totals)}</strong></li>`, '</ul>');
  out.push(bar(report.totals, w, true), '</section>');

  out.push(
    `<section aria-labelledby="departments"><h2 id="departments">${e(w.departments)}</h2>`,
    scrollNamed(w.tableOf(w.departments)),
    '<table>',
    '<thead><tr>',
    `<th scope="col">${e(w.department)}</th>`,
    ...COLOURS.map((c) => `<th scope="col">${label(c)}</th>`),
    `<th scope="col">${e(w.total)}</th>`,
    `<th scope="col">${e(lang === 'en' ? 'Share' : '分布')}</th>`,
    '</tr></thead>',
    '<tbody>',
  );
  for (const [department, counts] of departments) {
    out.push(
      `<tr><th scope="row">${e(department)}</th>`,
      ...COLOURS.map((c) => `<td class="count">${counts[c]}</td>`),
      `<td class="count">${sum(counts)}</td>`,
      `<td>${bar(counts, w, false)}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</div>', '</section>');

  out.push(`<section aria-labelledby="overview"><h2 id="overview">${e(w.overview)}</h2>`);
  if (ordered.length === 0) out.push(`<p>${e(w.noMatters)}</p>`);
  else {
    out.push(
      scrollNamed(w.tableOf(w.overview)),
      '<table>',
      '<thead><tr>',
      `<th scope="col">${e(w.matter)}</th>`,
      `<th scope="col">${e(w.department)}</th>`,
      ...STAGES.map((s) => `<th scope="col">${e(w.stage[s])}</th>`),
      `<th scope="col">${e(w.overall)}</th>`,
      `<th scope="col">${e(w.typedColumn)}</th>`,
      '</tr></thead>',
      '<tbody>',
    );
    for (const rating of ordered) {
      out.push(
        `<tr><th scope="row"><a href="#${anchor(rating.id)}">${e(titleOf(catalogue, rating.id, lang))}</a></th>`,
        `<td>${e(rating.department)}</td>`,
        ...STAGES.map((s) => `<td>${label(rating.stages[s].colour)}</td>`),
        `<td>${label(rating.colour)}</td>`,
        `<td class="count">${forecastOf(catalogue, rating.id).typed}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>', '</div>');
  }
  out.push('</section>');

  out.push(...htmlLists(catalogue, listsOf(catalogue), lang));

  if (ordered.length > 0) {
    out.push(`<section aria-labelledby="details"><h2 id="details">${e(w.details)}</h2>`);
    for (const rating of ordered) out.push(matterHtml(rating, catalogue, lang));
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}

/**
 * A table's box that scrolls sideways on a narrow screen (375 px) rather than widening the
 * page; a region named by its heading, and focusable so it can be scrolled by keyboard.
 */
function scrollOpen(labelledBy: string): string {
  return `<div class="scroll" role="region" tabindex="0" aria-labelledby="${labelledBy}">`;
}

/**
 * The same for a table that is all of a section named by the same heading: named after it
 * with a word more, as two landmarks of one name are two places a screen reader cannot tell apart.
 */
function scrollNamed(label: string): string {
  return `<div class="scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">`;
}

function scrolling(labelledBy: string, table: string[]): string[] {
  return [scrollOpen(labelledBy), ...table, '</div>'];
}

/** The data list, the licence list and the "connect next" ranking, as HTML sections. */
function htmlLists(catalogue: Catalogue, lists: Lists, lang: Locale): string[] {
  const w = WORDS[lang];
  const e = escapeHtml;
  const label = (colour: Colour) => `<span class="label ${colour}">${e(w.colour[colour])}</span>`;
  const matterLink = (id: string) => `<a href="#${anchor(id)}">${e(titleOf(catalogue, id, lang))}</a>`;
  const users = (ref: ProviderRef): string => {
    const ids = lists.figures.usedBy.get(ref) ?? [];
    if (ids.length === 0) return '<td class="count">0</td>';
    return `<td><details><summary>${ids.length}</summary><ul class="plain">${ids.map((id) => `<li>${matterLink(id)}</li>`).join('')}</ul></details></td>`;
  };
  const impactCells = (ref: ProviderRef): string => {
    const impact = lists.impactOf.get(ref);
    if (!impact) return '<td>—</td><td class="count">—</td><td class="count">—</td>';
    const changes =
      impact.changes.length === 0
        ? '<td class="count">0</td>'
        : `<td><p>${e(w.colourChanges(impact.changes.length))}</p><ul class="plain">${impact.changes
            .map((c) => `<li>${matterLink(c.id)}: ${label(c.from)} → ${label(c.to)}</li>`)
            .join('')}</ul></td>`;
    return `${changes}<td class="count">${impact.manualFieldsRemoved}</td><td class="count">${impact.typedRemoved}</td>`;
  };
  const impactHeads = [
    `<th scope="col">${e(w.changesColumn)}</th>`,
    `<th scope="col">${e(w.manualColumn)}</th>`,
    `<th scope="col">${e(w.typedRemovedColumn)}</th>`,
  ];
  const out: string[] = [`<section aria-labelledby="data"><h2 id="data">${e(w.data)}</h2>`, `<p>${e(w.dataIntro)}</p>`];
  for (const level of LEVELS) {
    out.push(`<h3 id="data-${level}">${e(w.level[level])}</h3>`);
    const sources = catalogue.sources.filter((s) => s.level === level);
    if (sources.length === 0) {
      out.push(`<p>${e(w.noSources)}</p>`);
      continue;
    }
    const table = [
      '<table>',
      '<thead><tr>',
      `<th scope="col">${e(w.source)}</th>`,
      `<th scope="col">${e(w.provider)}</th>`,
      `<th scope="col">${e(w.coverage)}</th>`,
      `<th scope="col">${e(w.connected)}</th>`,
      `<th scope="col">${e(w.usedBy)}</th>`,
      ...impactHeads,
      '</tr></thead>',
      '<tbody>',
    ];
    for (const source of sources) {
      const ref: ProviderRef = `source:${source.id}`;
      table.push(
        `<tr id="source-${anchorId(source.id)}"><th scope="row">${e(localize(source.title, lang) || source.id)}<br><code>${e(source.id)}</code></th>`,
        `<td>${e(localize(source.provider, lang))}</td>`,
        `<td class="count">${e(coverageText(source.coverage, w))}</td>`,
        `<td>${e(source.connected === false ? w.no : w.yes)}</td>`,
        users(ref),
        impactCells(ref),
        '</tr>',
      );
    }
    table.push('</tbody>', '</table>');
    out.push(...scrolling(`data-${level}`, table));
  }
  out.push('</section>');

  out.push(
    `<section aria-labelledby="licences"><h2 id="licences">${e(w.licences)}</h2>`,
    `<p>${e(w.licencesIntro)}</p>`,
  );
  if (catalogue.licences.length === 0) out.push(`<p>${e(w.noLicences)}</p>`);
  else {
    const table = [
      '<table>',
      '<thead><tr>',
      `<th scope="col">${e(w.licence)}</th>`,
      `<th scope="col">${e(w.issuer)}</th>`,
      `<th scope="col">${e(w.holderColumn)}</th>`,
      `<th scope="col">${e(w.coverage)}</th>`,
      `<th scope="col">${e(w.fresh)}</th>`,
      `<th scope="col">${e(w.usedBy)}</th>`,
      ...impactHeads,
      '</tr></thead>',
      '<tbody>',
    ];
    for (const licence of catalogue.licences) {
      const ref: ProviderRef = `licence:${licence.id}`;
      table.push(
        `<tr id="licence-${anchorId(licence.id)}"><th scope="row">${e(localize(licence.title, lang) || licence.id)}<br><code>${e(licence.id)}</code></th>`,
        `<td>${e(localize(licence.issuer, lang))}</td>`,
        `<td>${e(holderText(licence, w))}</td>`,
        `<td class="count">${e(coverageText(licence.coverage, w))}</td>`,
        `<td>${e(licence.fresh === false ? w.no : w.yes)}</td>`,
        users(ref),
        impactCells(ref),
        '</tr>',
      );
    }
    table.push('</tbody>', '</table>');
    out.push(scrollNamed(w.tableOf(w.licences)), ...table, '</div>');
  }
  out.push('</section>');

  out.push(
    `<section aria-labelledby="connect-next"><h2 id="connect-next">${e(w.connectNext)}</h2>`,
    `<p>${e(w.connectNextIntro)}</p>`,
  );
  if (lists.impacts.length === 0) out.push(`<p>${e(w.nothingPending)}</p>`);
  else {
    const table = [
      '<table>',
      '<thead><tr>',
      `<th scope="col">${e(w.rank)}</th>`,
      `<th scope="col">${e(w.pending)}</th>`,
      `<th scope="col">${e(w.kind)}</th>`,
      `<th scope="col">${e(w.changesColumn)}</th>`,
      `<th scope="col">${e(w.manualColumn)}</th>`,
      `<th scope="col">${e(w.typedRemovedColumn)}</th>`,
      `<th scope="col">${e(w.totalsAfter)}</th>`,
      '</tr></thead>',
      '<tbody>',
    ];
    lists.impacts.forEach((impact, i) => {
      const [kind, id] = [
        impact.provider.startsWith('source:') ? 'source' : 'licence',
        impact.provider.slice(impact.provider.indexOf(':') + 1),
      ];
      const counts = changeCounts(impact)
        .map((c) => `<li>${label(c.from)} → ${label(c.to)} ${c.count}</li>`)
        .join('');
      table.push(
        `<tr><td class="count">${i + 1}</td>`,
        `<th scope="row"><a href="#${kind}-${anchorId(id)}">${e(providerTitle(catalogue, impact.provider, lang))}</a></th>`,
        `<td>${e(kind === 'source' ? w.kindSource : w.kindLicence)}</td>`,
        `<td><p>${e(w.colourChanges(impact.changes.length))}</p>${counts ? `<ul class="plain">${counts}</ul>` : ''}</td>`,
        `<td class="count">${impact.manualFieldsRemoved}</td>`,
        `<td class="count">${impact.typedRemoved}</td>`,
        `<td>${bar(impact.totals, w, true)}</td></tr>`,
      );
    });
    table.push('</tbody>', '</table>');
    out.push(scrollNamed(w.tableOf(w.connectNext)), ...table, '</div>');
  }
  out.push('</section>');
  return out;
}

/** Fragment ids from source and licence ids, which are slugs. */
function anchorId(id: string): string {
  return id.replace(/[^a-z0-9-]/gi, '');
}

/**
 * A stacked bar of the counts: widths for the eye, the count inside each segment, so neither
 * colour nor width carries meaning alone. `named`: the bar stands alone and tells screen
 * readers the share; otherwise the counts are in the same table row and the bar is hidden.
 */
function bar(counts: ColourCounts, w: Words, named: boolean): string {
  const total = sum(counts);
  const segments = COLOURS.filter((c) => counts[c] > 0).map((colour) => {
    const width = ((counts[colour] / total) * 100).toFixed(2);
    return `<span class="${colour}" style="width: ${width}%" title="${escapeHtml(`${w.colour[colour]} ${counts[colour]}`)}">${counts[colour]}</span>`;
  });
  const a11y = named ? `role="img" aria-label="${escapeHtml(w.share(counts))}"` : 'aria-hidden="true"';
  return `<div class="bar" ${a11y}>${segments.join('')}</div>`;
}

function matterHtml(rating: MatterRating, catalogue: Catalogue, lang: Locale): string {
  const w = WORDS[lang];
  const e = escapeHtml;
  const label = (colour: Colour) => `<span class="label ${colour}">${e(w.colour[colour])}</span>`;
  const out: string[] = [
    `<article class="matter" id="${anchor(rating.id)}" aria-labelledby="${anchor(rating.id)}-title">`,
    `<h3 id="${anchor(rating.id)}-title">${label(rating.colour)} ${e(titleOf(catalogue, rating.id, lang))}</h3>`,
    `<p>${e(rating.id)} · ${e(w.department)}: ${e(rating.department)}</p>`,
    `<p>${e(w.typed(forecastOf(catalogue, rating.id)))}</p>`,
    scrollOpen(`${anchor(rating.id)}-title`),
    '<table>',
    '<thead><tr>',
    `<th scope="col">${e(lang === 'en' ? 'Stage' : '环节')}</th>`,
    `<th scope="col">${e(lang === 'en' ? 'Colour' : '颜色')}</th>`,
    `<th scope="col">${e(lang === 'en' ? 'Why' : '原因')}</th>`,
    '</tr></thead>',
    '<tbody>',
  ];
  for (const stage of STAGES) {
    const { colour, reasons } = rating.stages[stage];
    out.push(
      `<tr><th scope="row">${e(w.stage[stage])}</th><td>${label(colour)}</td><td><ul class="reasons">`,
      ...reasons.map(
        (r) =>
          `<li>${label(r.colour)} ${e(r.message[lang])}${r.conditional ? `<span class="conditional">${e(w.conditional)}</span>` : ''}</li>`,
      ),
      '</ul></td></tr>',
    );
  }
  out.push('</tbody>', '</table>', '</div>', `<h4>${e(w.fixes)}</h4>`);
  if (rating.fixes.length === 0) out.push(`<p>${e(w.noFixes)}</p>`);
  else out.push('<ol>', ...rating.fixes.map((f) => `<li>${e(f.message[lang])}</li>`), '</ol>');
  out.push('</article>');
  return out.join('\n');
}
