/**
 * What the Markdown and HTML reports share: their words in each language, the order of matters,
 * each matter's forecast worked out once, and the data and licence lists (core's figures).
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

/** What the data and licence lists show: who uses each provider, and what connecting each pending one changes. */
export interface Lists {
  figures: CatalogueFigures;
  /** Pending providers, most useful to connect first. */
  impacts: ConnectionImpact[];
  impactOf: Map<ProviderRef, ConnectionImpact>;
}

export function listsOf(catalogue: Catalogue): Lists {
  const figures = catalogueFigures(catalogue);
  const impacts = connectionImpacts(catalogue, figures);
  return { figures, impacts, impactOf: new Map(impacts.map((i) => [i.provider, i])) };
}

export const LEVELS: readonly Source['level'][] = ['ministry', 'province', 'city'];

/** `from → to` counts of an impact's colour changes, worst `from` first, e.g. "yellow → green 3". */
export function changeCounts(impact: ConnectionImpact): { from: Colour; to: Colour; count: number }[] {
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

export function holderText(licence: LicenceType, w: Words): string {
  return [licence.holder]
    .flat()
    .map((h) => w.holder[h])
    .join(w.and);
}

export function coverageText(coverage: number | undefined, w: Words): string {
  return coverage === undefined ? w.unknown : `${Math.round(coverage * 100)}%`;
}

export function providerTitle(catalogue: Catalogue, provider: ProviderRef, lang: Locale): string {
  const at = provider.indexOf(':');
  const id = provider.slice(at + 1);
  const entry: Source | LicenceType | undefined = provider.startsWith('source:')
    ? catalogue.sources.find((s) => s.id === id)
    : catalogue.licences.find((l) => l.id === id);
  return localize(entry?.title, lang) || id;
}

/** Each matter's forecast, worked out once per catalogue: Markdown and HTML show it twice per matter. */
export const FORECASTS = new WeakMap<Catalogue, Map<string, Forecast>>();

export function forecastOf(catalogue: Catalogue, id: string): Forecast {
  let forecasts = FORECASTS.get(catalogue);
  if (!forecasts) {
    forecasts = new Map(catalogue.matters.map((m) => [m.id, forecastMatter(m, catalogue)]));
    FORECASTS.set(catalogue, forecasts);
  }
  return forecasts.get(id) ?? { fields: {}, typed: 0, unknown: 0 };
}

export const STAGES: readonly ColourStage[] = ['apply', 'review', 'deliver'];

export interface Words {
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

export const WORDS: Record<Locale, Words> = {
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
export function worstFirst(matters: MatterRating[]): MatterRating[] {
  return matters
    .map((rating, index) => ({ rating, index }))
    .sort((a, b) => COLOURS.indexOf(a.rating.colour) - COLOURS.indexOf(b.rating.colour) || a.index - b.index)
    .map((entry) => entry.rating);
}

export function sum(counts: ColourCounts): number {
  return COLOURS.reduce((total, colour) => total + counts[colour], 0);
}

export function titleOf(catalogue: Catalogue, id: string, lang: Locale): string {
  const matter = catalogue.matters.find((m) => m.id === id);
  return localize(matter?.title, lang) || id;
}
