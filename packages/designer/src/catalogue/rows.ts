/**
 * The catalogue's lists as rows, and how they filter and sort. Pure: the element keeps the
 * state and draws; everything here is decided from core's figures (`rateCatalogue`,
 * `forecastMatter`, `connectionImpact`), never from colours worked out again.
 */
import {
  COLOURS,
  forecastMatter,
  localize,
  type Catalogue,
  type Colour,
  type ColourReport,
  type ConnectionImpact,
  type Locale,
  type MatterRating,
  type ProviderRef,
  type Text,
} from '@matterform/core';

export interface MatterRow {
  id: string;
  title: Text;
  department: string;
  rating: MatterRating;
  typed: number;
  unknown: number;
  /** Catalogue order, the tie-break of every sort. */
  order: number;
}

export type MatterSortKey = 'title' | 'department' | 'colour' | 'typed';
export type SortDirection = 'ascending' | 'descending';

export interface MatterSort {
  key: MatterSortKey;
  direction: SortDirection;
}

export interface MatterFilter {
  colours: ReadonlySet<Colour>;
  /** '' for every department. */
  department: string;
  query: string;
}

/** One row per matter: core's rating and forecast, in catalogue order. */
export function matterRows(catalogue: Catalogue, report: ColourReport): MatterRow[] {
  return catalogue.matters.map((matter, order) => {
    const rating = report.matters[order] as MatterRating;
    const forecast = forecastMatter(matter, catalogue);
    return {
      id: matter.id,
      title: matter.title,
      department: rating.department,
      rating,
      typed: forecast.typed,
      unknown: forecast.unknown,
      order,
    };
  });
}

/** A title in both languages and the id, folded for search. */
function searchText(row: MatterRow): string {
  const title = row.title;
  const titles = typeof title === 'string' ? [title] : Object.values(title);
  return [row.id, ...titles].join('\n').toLocaleLowerCase();
}

export function filterMatters(rows: readonly MatterRow[], filter: MatterFilter): MatterRow[] {
  const query = filter.query.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      filter.colours.has(row.rating.colour) &&
      (filter.department === '' || row.department === filter.department) &&
      (query === '' || searchText(row).includes(query)),
  );
}

/**
 * Sorted by `sort`, ties in catalogue order. Colour ascends from the worst (red, as core's
 * COLOURS and the seed's supervision list read) to green; typed ascends from the fewest.
 */
export function sortMatters(rows: readonly MatterRow[], sort: MatterSort | undefined, lang: Locale): MatterRow[] {
  if (!sort) return [...rows];
  const collator = new Intl.Collator(lang);
  const compare: Record<MatterSortKey, (a: MatterRow, b: MatterRow) => number> = {
    title: (a, b) => collator.compare(localize(a.title, lang), localize(b.title, lang)),
    department: (a, b) => collator.compare(a.department, b.department),
    colour: (a, b) => COLOURS.indexOf(a.rating.colour) - COLOURS.indexOf(b.rating.colour),
    typed: (a, b) => a.typed + a.unknown - (b.typed + b.unknown) || a.typed - b.typed,
  };
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare[sort.key](a, b) || a.order - b.order);
}

/**
 * Most useful first, as core's `connectionImpacts` orders them: most matters changing colour,
 * then most typed fields removed, then the expected number typed; `order` breaks ties.
 */
export function byUsefulness(a: ConnectionImpact, b: ConnectionImpact): number {
  return (
    b.changes.length - a.changes.length ||
    b.manualFieldsRemoved - a.manualFieldsRemoved ||
    b.typedRemoved - a.typedRemoved
  );
}

/** Whether connecting the provider changes any figure at all. */
export function changesAnything(impact: ConnectionImpact): boolean {
  return impact.changes.length > 0 || impact.manualFieldsRemoved !== 0 || impact.typedRemoved !== 0;
}

export const LEVELS = ['ministry', 'province', 'city'] as const;

/** Providers by impact (most useful first), those not yet known last; ties in `order`. */
export function sortByImpact<T extends { ref: ProviderRef; order: number }>(
  items: readonly T[],
  impacts: ReadonlyMap<ProviderRef, ConnectionImpact>,
): T[] {
  return [...items].sort((a, b) => {
    const x = impacts.get(a.ref);
    const y = impacts.get(b.ref);
    if (x && y) return byUsefulness(x, y) || a.order - b.order;
    if (x || y) return x ? -1 : 1;
    return a.order - b.order;
  });
}
