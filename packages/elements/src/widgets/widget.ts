/**
 * The widget registry (STYLE.md: ranked testers, not a `switch`). Each field is drawn by the
 * highest-ranked widget whose `rank` is above zero for it; a host registers its own widget
 * with a higher rank to replace a built-in one. Each form has a registry (`form.widgets`),
 * the shared one of built-ins unless given another. Widgets draw inside the form's one
 * shadow root, so `<label for>`, `aria-describedby` and the error summary's links reach
 * their inputs.
 */
import type { CSSResultGroup, TemplateResult } from 'lit';
import type { FieldInfo, JsonSchemaObject, Locale } from '@matterform/core';

/** A labelled choice: from `enum` + `x-enumTitles`/`x-i18n.enumTitles`, or `oneOf`/`anyOf` of `const` + `title`. */
export interface WidgetOption {
  value: unknown;
  label: string;
}

/** Everything a widget needs to draw one field; the form builds it. */
export interface WidgetContext {
  /** The id of the control that `<label for>` and the error summary point at. Unique in the shadow root. */
  id: string;
  /** Data pointer of this field, array indices concrete: `/members/0/name`. */
  pointer: string;
  field: FieldInfo;
  /** The field's schema, `$ref`/`allOf` merged. */
  schema: JsonSchemaObject;
  /** The current value, `undefined` when unset. */
  value: unknown;
  /** The `x-widget` the schema asks for, if any. */
  requested?: string;
  lang: Locale;
  /** The localised title (without "(选填)"); the form draws the label, except for `group` widgets. */
  label: string;
  required: boolean;
  /** Locked by its provider, `readOnly` in the schema, or the whole form read-only: focusable, not editable. */
  readonly: boolean;
  disabled: boolean;
  /** An error is shown for this field now. */
  invalid: boolean;
  /** Space-separated ids of the hint, help, provenance badge and error message. */
  describedBy: string;
  placeholder?: string;
  /** The HTML autocomplete token from the field's concept. */
  autocomplete?: string;
  options: readonly WidgetOption[];
  /** The person's edit. The form normalises identifiers and records provenance. */
  change(value: unknown): void;
}

interface WidgetBase {
  name: string;
  /** 0 or less: cannot draw this field. Built-ins rank 1–10; a host's widget wins with more. */
  rank(context: WidgetContext): number;
  /** Draws several controls: the form wraps it in `<fieldset><legend>` instead of `<label for>`. */
  group?: boolean;
  /** Styles of what it draws: a form adopts them once it draws a field with this widget. */
  styles?: CSSResultGroup;
}

/**
 * Draws the control as plain DOM, as the built-ins a long form has hundreds of do: `drawn`
 * is what it returned last time for this field, to patch in place (keeping focus and what
 * the person typed) or replace. A built-in also has `render`, for a host's widget wrapping it.
 */
export interface DrawnWidget extends WidgetBase {
  draw(context: WidgetContext, drawn?: Node): Node;
  render?(context: WidgetContext): TemplateResult;
}

/** Draws the control as a lit template, which the form renders inside the field's wrapper. */
export interface RenderedWidget extends WidgetBase {
  render(context: WidgetContext): TemplateResult;
  draw?: undefined;
}

/** A widget draws plain DOM or renders a template: a property of the widget, never of where it sits. */
export type Widget = DrawnWidget | RenderedWidget;

/** Widgets whose rank reads only the schema, what it asks for and its options: the built-ins. */
export const rankedBySchema = new WeakSet<Widget>();

export class WidgetRegistry {
  readonly #widgets: Widget[] = [];
  /** The pick per schema while every widget ranks by the schema alone: a long form asks per field per draw. */
  #picked = new WeakMap<JsonSchemaObject, { options: readonly WidgetOption[]; widget: Widget | undefined }>();

  /** Adds a widget; a later one with the same rank wins, so a host can override a built-in. */
  register(widget: Widget): void {
    this.#widgets.unshift(widget);
    this.#picked = new WeakMap();
  }

  unregister(name: string): void {
    const index = this.#widgets.findIndex((w) => w.name === name);
    if (index >= 0) this.#widgets.splice(index, 1);
    this.#picked = new WeakMap();
  }

  get names(): string[] {
    return this.#widgets.map((w) => w.name);
  }

  /** The best widget for the field, or undefined when none ranks above zero. */
  pick(context: WidgetContext): Widget | undefined {
    const known = this.#picked.get(context.schema);
    if (known?.options === context.options) return known.widget;
    const widget = this.#rank(context);
    if (this.#widgets.every((w) => rankedBySchema.has(w)))
      this.#picked.set(context.schema, { options: context.options, widget });
    return widget;
  }

  #rank(context: WidgetContext): Widget | undefined {
    let best: Widget | undefined;
    let bestRank = 0;
    for (const widget of this.#widgets) {
      const rank = widget.rank(context);
      if (rank > bestRank) [best, bestRank] = [widget, rank];
    }
    return best;
  }
}
