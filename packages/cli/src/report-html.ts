/** `matterform report --format html`: one self-contained page — no scripts, no external assets, colour never the only signal. */
import {
  COLOURS,
  localize,
  type Catalogue,
  type Colour,
  type ColourCounts,
  type ColourReport,
  type BaseLocale as Locale,
  type MatterRating,
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
  type Words,
  WORDS,
  worstFirst,
  sum,
  titleOf,
} from './report-shared.js';

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
