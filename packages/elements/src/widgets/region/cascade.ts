/**
 * The region widget once the division table is here: the cascade of native selects, or
 * read-only text boxes. A chunk of its own, fetched beside the table when a region field is
 * first drawn (SPEC §9), so a form without one never loads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { say } from '../../i18n/say.js';
import { regionMessages } from '../../i18n/region.js';
import { levelOf, type Region, type RegionIndex, type RegionLevel } from './regions.js';
import { displayText } from '../basic.js';
import type { WidgetContext } from '../widget.js';

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

export function renderLoaded(ctx: WidgetContext, index: RegionIndex): TemplateResult {
  return ctx.readonly ? renderReadonly(ctx, index) : renderSelects(ctx, index);
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
  const levels = levelsFor(index, displayText(ctx.value), ctx.id);
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
  const levels = levelsFor(index, displayText(ctx.value), ctx.id).filter(
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
