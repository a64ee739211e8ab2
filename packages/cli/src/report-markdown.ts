/** `matterform report --format md`: the ratings, the department totals and the lists as Markdown tables. */
import {
  COLOURS,
  localize,
  type Catalogue,
  type ColourReason,
  type ColourReport,
  type BaseLocale as Locale,
  type ProviderRef,
} from '@matterform/core';
import {
  type Lists,
  listsOf,
  LEVELS,
  changeCounts,
  holderText,
  coverageText,
  providerTitle,
  forecastOf,
  STAGES,
  WORDS,
  worstFirst,
  sum,
  titleOf,
} from './report-shared.js';

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
