/**
 * The region picker for `format: "cn-region"` / `x-widget: "region"` (SPEC §3.1): cascading
 * native selects — province, city, county — whose value is the deepest code chosen. Native
 * selects because they bring the platform's keyboard, screen-reader and mobile pickers with
 * them. Only the widget's name and rank are in the form's entry: its drawing and styles
 * (region-work.ts) are a chunk a form fetches before drawing a schema that has a region field
 * (`needsRegion`), and the division table one more, fetched when the field is first drawn.
 */
import { typeOf } from '@matterform/core';
import { builtin, textWidget } from '../basic.js';
import { make } from '../../fields/plain-dom.js';
import type { DrawnWidget, WidgetContext } from '../widget.js';
import { chunk } from '../../chunk.js';

/** The widget's chunk (region-work.ts). */
export const loadRegionWork = chunk(() => import('./region-work.js'));

/** Whether a schema (its JSON text) may have a field the region widget draws. */
export function needsRegion(schemaJson: string): boolean {
  return /"format":"cn-region"|"x-widget":"region"/.test(schemaJson);
}

/** Each drawn box's latest context: what the chunk draws once it is here. */
const contexts = new WeakMap<Element, WidgetContext>();

const widget: DrawnWidget = builtin({
  name: 'region',
  group: true,
  rank(ctx) {
    const type = typeOf(ctx.schema);
    // Codes are strings; a number would lose a region's meaning and fail `cn-region`.
    if (type !== undefined && type !== 'string') return 0;
    if (ctx.requested !== undefined) return ctx.requested === 'region' ? 8 : 0;
    // A field that lists its own codes is a plain choice among them, for the select widget.
    return ctx.schema.format === 'cn-region' && ctx.options.length === 0 ? 8 : 0;
  },
  draw(ctx, drawn) {
    const box =
      drawn instanceof HTMLDivElement && drawn.classList.contains('region') ? drawn : make('div', { class: 'region' });
    contexts.set(box, ctx);
    const latest = () => contexts.get(box);
    const work = loadRegionWork.loaded;
    if (work) work.drawRegion(box, ctx, latest);
    else {
      // Drawn before its chunk is here (a host drawing the widget itself) or without it: the
      // code typed in a text box named by the field's label, until the cascade comes.
      const input = textWidget.draw(ctx, box.firstChild ?? undefined) as HTMLInputElement;
      input.setAttribute('aria-label', ctx.label);
      if (box.firstChild !== input) box.replaceChildren(input);
      void loadRegionWork().then(
        (loaded) => loaded.drawRegion(box, latest() ?? ctx, latest),
        // The code stays typed by hand.
        () => undefined,
      );
    }
    return box;
  },
});

/** Its styles come with its chunk, which a form has before it draws the widget. */
export const regionWidget: DrawnWidget = Object.defineProperty(widget, 'styles', {
  get: () => loadRegionWork.loaded?.regionStyles,
});
