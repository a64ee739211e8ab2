/**
 * The region picker for `format: "cn-region"` / `x-widget: "region"` (SPEC §3.1): cascading
 * native selects — province, city, county — whose value is the deepest code chosen. Native
 * selects because they bring the platform's keyboard, screen-reader and mobile pickers with
 * them. Its code (region-work.ts) and the division table are chunks (SPEC §9), fetched when a
 * form first ranks a region field; until they arrive the field is a plain text box for the
 * six-digit code, so nothing waits on them.
 */
import { css } from 'lit';
import { typeOf } from '@matterform/core';
import { builtin, displayText } from '../basic.js';
import { make, patch } from '../../fields/plain-dom.js';
import { say } from '../../i18n/say.js';
import { regionMessages } from '../../i18n/region.js';
import type { DrawnWidget, WidgetContext } from '../widget.js';
import { chunk } from '../../chunk.js';

/** The widget's chunk (region-work.ts). */
const loadWork = chunk(() => import('./region-work.js'));

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

/** Each drawn box's latest context: what the chunk draws once it is here. */
const contexts = new WeakMap<Element, WidgetContext>();

export const regionWidget: DrawnWidget = builtin({
  name: 'region',
  group: true,
  styles: regionStyles,
  rank(ctx) {
    const type = typeOf(ctx.schema);
    // Codes are strings; a number would lose a region's meaning and fail `cn-region`.
    if (type !== undefined && type !== 'string') return 0;
    if (ctx.requested !== undefined) return ctx.requested === 'region' ? 8 : 0;
    // A field that lists its own codes is a plain choice among them, for the select widget.
    const rank = ctx.schema.format === 'cn-region' && ctx.options.length === 0 ? 8 : 0;
    // Fetched as soon as a form knows it will draw one.
    if (rank > 0) void loadWork().catch(() => undefined);
    return rank;
  },
  draw(ctx, drawn) {
    const box =
      drawn instanceof HTMLDivElement && drawn.classList.contains('region') ? drawn : make('div', { class: 'region' });
    contexts.set(box, ctx);
    const latest = () => contexts.get(box);
    const work = loadWork.loaded;
    if (work) work.drawRegion(box, ctx, latest);
    else {
      drawCodeInput(box, ctx);
      void loadWork().then(
        (loaded) => loaded.drawRegion(box, latest() ?? ctx, latest),
        // The code stays typed by hand.
        () => undefined,
      );
    }
    return box;
  },
});

/** Before the widget's chunk is here (or if it cannot be): the code typed as is, as region-work.ts draws it. */
function drawCodeInput(box: HTMLElement, ctx: WidgetContext): void {
  let control = box.querySelector('input');
  if (!control) {
    control = make('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' });
    box.replaceChildren(make('div', { class: 'region-level' }, make('label'), control));
  }
  const label = box.querySelector('label') as HTMLLabelElement;
  label.htmlFor = ctx.id;
  label.textContent = say(regionMessages.codeLabel, ctx.lang);
  control.id = ctx.id;
  if (control.value !== displayText(ctx.value)) control.value = displayText(ctx.value);
  control.readOnly = ctx.readonly;
  control.disabled = ctx.disabled;
  patch(control, {
    'aria-describedby': ctx.describedBy || null,
    'aria-invalid': ctx.invalid ? 'true' : null,
    'aria-required': ctx.required ? 'true' : null,
  });
  const input = control;
  input.oninput = () => ctx.change(input.value === '' ? undefined : input.value);
}
