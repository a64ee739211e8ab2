/**
 * GB/T 2260 administrative divisions — province, prefecture, county — for the region widget.
 * The table (about 20 kB gzip) is only ever reached through the dynamic `import()` below, so
 * the bundler gives it a chunk of its own that a page fetches when a region field first
 * renders (SPEC §9), never with the form.
 */

export interface Region {
  /** Six digits, e.g. `430102`. */
  readonly code: string;
  /** The Chinese name, e.g. `芙蓉区`. */
  readonly name: string;
}

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionIndex {
  /** The 34 province-level units, by code. */
  provinces(): readonly Region[];
  /** The divisions directly under `code`, by code; none for a county or an unknown code. */
  children(code: string): readonly Region[];
  nameOf(code: string): string | undefined;
  /**
   * Codes from the province down to `code` itself: `430102` → `430000, 430100, 430102`.
   * A municipality's districts hang from the province (`110101` → `110000, 110101`), as do
   * Hong Kong's and Macao's. Empty for an unknown code.
   */
  path(code: string): readonly string[];
  isKnown(code: string): boolean;
}

/** The level a code's shape names, known or not: `xx0000` province, `xxxx00` city, else county. */
export function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'city' : 'county';
}

let loaded: RegionIndex | undefined;
let loading: Promise<RegionIndex> | undefined;

/** The region index, loading its data chunk on the first call; later calls share that load. */
export function loadRegions(): Promise<RegionIndex> {
  loading ??= import('./region-data.js').then(
    ({ regionData }) => (loaded = buildIndex(regionData)),
    (error: unknown) => {
      // A failed chunk fetch (offline, a deploy that removed it) must not stay cached: the
      // next render asks again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The index if the data has arrived, so a render after that is synchronous. */
export function loadedRegions(): RegionIndex | undefined {
  return loaded;
}

/** Decodes scripts/gen-region-data.mjs's format: changed two-digit pairs of the code, then the name. */
function buildIndex(data: string): RegionIndex {
  const names = new Map<string, string>();
  const children = new Map<string, Region[]>();
  const provinces: Region[] = [];
  let code = '000000';
  for (const [, digits = '', name = ''] of data.matchAll(/(\d+)(\D+)/g)) {
    code = code.slice(0, 6 - digits.length) + digits;
    names.set(code, name);
  }
  const parentOf = (child: string): string | undefined => {
    const level = levelOf(child);
    if (level === 'province') return undefined;
    const province = `${child.slice(0, 2)}0000`;
    if (level === 'city') return province;
    const city = `${child.slice(0, 4)}00`;
    return names.has(city) ? city : province;
  };
  // Codes arrive in ascending order, so every list below is already sorted by code.
  for (const [child, name] of names) {
    const parent = parentOf(child);
    const region = { code: child, name };
    if (parent === undefined) {
      provinces.push(region);
      continue;
    }
    const siblings = children.get(parent);
    if (siblings) siblings.push(region);
    else children.set(parent, [region]);
  }
  const none: readonly Region[] = [];
  return {
    provinces: () => provinces,
    children: (parent) => children.get(parent) ?? none,
    nameOf: (target) => names.get(target),
    isKnown: (target) => names.has(target),
    path(target) {
      if (!names.has(target)) return [];
      const codes = [target];
      for (let up = parentOf(target); up !== undefined; up = parentOf(up)) codes.unshift(up);
      return codes;
    },
  };
}
