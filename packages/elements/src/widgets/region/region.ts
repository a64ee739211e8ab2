/**
 * The region picker for `format: "cn-region"` / `x-widget: "region"` (SPEC §3.1): cascading
 * native selects — province, city, county — whose value is the deepest code chosen. Native
 * selects because they bring the platform's keyboard, screen-reader and mobile pickers with
 * them. The division table loads lazily (SPEC §9); until it arrives the field is a plain
 * text box for the six-digit code, so nothing waits on it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { until } from 'lit/directives/until.js';
import { typeOf } from '@matterform/core';
import { say } from '../../i18n/say.js';
import { regionMessages } from '../../i18n/region.js';
import { levelOf, loadRegions, loadedRegions, type Region, type RegionIndex, type RegionLevel } from './regions.js';
import { rankedBySchema, type RenderedWidget, type WidgetContext } from '../widget.js';

const AUTOCOMPLETE: Record<RegionLevel, string> = {
  province: 'address-level1',
  city: 'address-level2',
  county: 'address-level3',
};

/** One select (or, read-only, one text box) of the cascade. */
interface Level {
  level: RegionLevel;
  id: string;
  /** The code whose children are the options; none for the provinces. */
  parent?: string;
  options: readonly Region[];
  /** The chosen option's code, `''` for none. */
  chosen: string;
  /** A code not in the table, shown at this level as given. */
  unknown?: string;
}

/** Layout of the cascade: the widget's `styles`, adopted by a form that draws it. */
export const regionStyles = css`
  .region {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-2) var(--_matter-space-3);
  }
  .region-level {
    display: flex;
    flex-direction: column;
    gap: var(--_matter-space-1);
    min-width: 10em;
  }
  .region-note {
    flex-basis: 100%;
    margin: 0;
    color: var(--_matter-color-warning);
  }
`;

export const regionWidget: RenderedWidget = {
  name: 'region',
  group: true,
  styles: regionStyles,
  rank(ctx) {
    const type = typeOf(ctx.schema);
    // Codes are strings; a number would lose a region's meaning and fail `cn-region`.
    if (type !== undefined && type !== 'string') return 0;
    if (ctx.requested !== undefined) return ctx.requested === 'region' ? 8 : 0;
    // A field that lists its own codes is a plain choice among them, for the select widget.
    return ctx.schema.format === 'cn-region' && ctx.options.length === 0 ? 8 : 0;
  },
  render(ctx) {
    const index = loadedRegions();
    // One outer template in every state, so the part that first held `until` later takes the
    // loaded template in place and the selects keep their DOM (and focus) across re-renders.
    const content = index
      ? renderLoaded(ctx, index)
      : until(
          loadRegions().then(
            (loaded) => renderLoaded(ctx, loaded),
            () => renderCodeInput(ctx),
          ),
          renderCodeInput(ctx),
        );
    return html`<div class="region">${content}</div>`;
  },
};
rankedBySchema.add(regionWidget);

function renderLoaded(ctx: WidgetContext, index: RegionIndex): TemplateResult {
  return ctx.readonly ? renderReadonly(ctx, index) : renderSelects(ctx, index);
}

/** The value as text, exactly as the person or provider gave it: never trimmed, never dropped. */
function codeOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The known province and city an unrecognised code points at by its digits. */
function knownAncestors(index: RegionIndex, code: string): readonly string[] {
  if (!/^\d{6}$/.test(code)) return [];
  for (const ancestor of [`${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
    if (ancestor !== code && index.isKnown(ancestor)) return index.path(ancestor);
  }
  return [];
}

function levelsFor(index: RegionIndex, code: string, id: string): Level[] {
  const unknown = code !== '' && !index.isKnown(code) ? code : undefined;
  const chain = unknown === undefined ? index.path(code) : knownAncestors(index, code);
  const levels: Level[] = [];
  // One level per chosen code, plus the next one down while there is one to choose from.
  for (let depth = 0; depth <= chain.length; depth++) {
    const parent = depth === 0 ? undefined : chain[depth - 1];
    const options = parent === undefined ? index.provinces() : index.children(parent);
    const unknownHere = unknown !== undefined && depth === chain.length;
    if (options.length === 0 && !unknownHere) break;
    // A municipality's next level is its districts: the label follows the options' level.
    const level = depth === 0 ? 'province' : levelOf(options[0]?.code ?? code);
    levels.push({
      level,
      id: depth === 0 ? id : `${id}-${level}`,
      parent,
      options,
      chosen: chain[depth] ?? (unknownHere ? unknown : ''),
      unknown: unknownHere ? unknown : undefined,
    });
  }
  return levels;
}

function unknownNote(ctx: WidgetContext, code: string | undefined): TemplateResult | typeof nothing {
  if (code === undefined) return nothing;
  return html`<p id="${ctx.id}-note" class="region-note">${say(regionMessages.unknownNote, ctx.lang, { code })}</p>`;
}

/** The ids that describe the control at `depth`: the field's own on the first, the note beside an unknown code. */
function describedBy(ctx: WidgetContext, depth: number, unknown: string | undefined): string | undefined {
  const ids = [depth === 0 ? ctx.describedBy : '', unknown === undefined ? '' : `${ctx.id}-note`];
  return ids.filter((part) => part !== '').join(' ') || undefined;
}

function renderSelects(ctx: WidgetContext, index: RegionIndex): TemplateResult {
  const levels = levelsFor(index, codeOf(ctx.value), ctx.id);
  const unknown = levels.find((level) => level.unknown !== undefined)?.unknown;
  return html`${levels.map((level, depth) => renderSelect(ctx, level, depth))}${unknownNote(ctx, unknown)}`;
}

function renderSelect(ctx: WidgetContext, level: Level, depth: number): TemplateResult {
  // Names stay Chinese in an English form; marking them lets a screen reader pronounce them.
  const nameLang = ctx.lang === 'en' ? 'zh-CN' : undefined;
  const handleChange = (event: Event): void => {
    const picked = (event.target as HTMLSelectElement).value;
    // "Choose" keeps what is chosen above this level; a new choice drops the levels below.
    ctx.change(picked === '' ? level.parent : picked);
  };
  return html`<div class="region-level">
    <label for=${level.id}>${say(regionMessages[level.level], ctx.lang)}</label>
    <select
      id=${level.id}
      autocomplete=${ctx.autocomplete === 'off' ? 'off' : AUTOCOMPLETE[level.level]}
      aria-describedby=${ifDefined(describedBy(ctx, depth, level.unknown))}
      aria-invalid=${ifDefined(ctx.invalid ? 'true' : undefined)}
      aria-required=${ifDefined(depth === 0 && ctx.required ? 'true' : undefined)}
      ?disabled=${ctx.disabled}
      @change=${handleChange}
    >
      ${option('', say(regionMessages.choose, ctx.lang), level.chosen === '')}
      ${
        level.unknown === undefined
          ? nothing
          : option(level.unknown, say(regionMessages.unknownOption, ctx.lang, { code: level.unknown }), true)
      }
      ${level.options.map((region) => option(region.code, region.name, region.code === level.chosen, nameLang))}
    </select>
  </div>`;
}

// Selection goes through each option's `selected` property, checked against the live DOM:
// a `value` on the select would be set before a new level's options exist, and a person's
// pick the form then refuses must still be put back.
function option(value: string, label: string, selected: boolean, lang?: string): TemplateResult {
  return html`<option value=${value} lang=${ifDefined(lang)} .selected=${live(selected)}>${label}</option>`;
}

/**
 * Read-only: a native select cannot be read-only, and `aria-readonly` on one still lets the
 * keyboard and the mobile picker change it. Read-only text boxes, one per level, stay
 * focusable, are announced as read-only by every screen reader, and show the whole path.
 */
function renderReadonly(ctx: WidgetContext, index: RegionIndex): TemplateResult {
  const levels = levelsFor(index, codeOf(ctx.value), ctx.id).filter(
    (level, depth) => depth === 0 || level.chosen !== '',
  );
  const unknown = levels.find((level) => level.unknown !== undefined)?.unknown;
  const nameLang = ctx.lang === 'en' ? 'zh-CN' : undefined;
  return html`${levels.map((level, depth) => {
    const name = level.unknown === undefined ? (index.nameOf(level.chosen) ?? '') : level.unknown;
    return html`<div class="region-level">
      <label for=${level.id}>${say(regionMessages[level.level], ctx.lang)}</label>
      <input
        id=${level.id}
        type="text"
        readonly
        .value=${live(name)}
        lang=${ifDefined(level.unknown === undefined ? nameLang : undefined)}
        aria-describedby=${ifDefined(describedBy(ctx, depth, level.unknown))}
        aria-invalid=${ifDefined(ctx.invalid ? 'true' : undefined)}
        ?disabled=${ctx.disabled}
      />
    </div>`;
  })}${unknownNote(ctx, unknown)}`;
}

/** While the table loads, or if it cannot: the code typed as is; the form normalises and checks it. */
function renderCodeInput(ctx: WidgetContext): TemplateResult {
  return html`<div class="region-level">
    <label for=${ctx.id}>${say(regionMessages.codeLabel, ctx.lang)}</label>
    <input
      id=${ctx.id}
      type="text"
      inputmode="numeric"
      autocomplete="off"
      spellcheck="false"
      .value=${live(codeOf(ctx.value))}
      ?readonly=${ctx.readonly}
      ?disabled=${ctx.disabled}
      aria-describedby=${ifDefined(ctx.describedBy || undefined)}
      aria-invalid=${ifDefined(ctx.invalid ? 'true' : undefined)}
      aria-required=${ifDefined(ctx.required ? 'true' : undefined)}
      @input=${(event: Event) => {
        const typed = (event.target as HTMLInputElement).value;
        ctx.change(typed === '' ? undefined : typed);
      }}
    />
  </div>`;
}
