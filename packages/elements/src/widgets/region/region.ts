/**
 * The region picker for `format: "cn-region"` / `x-widget: "region"` (SPEC §3.1): cascading
 * native selects — province, city, county — whose value is the deepest code chosen. Native
 * selects because they bring the platform's keyboard, screen-reader and mobile pickers with
 * them. The division table loads lazily (SPEC §9); until it arrives the field is a plain
 * text box for the six-digit code, so nothing waits on it.
 */
import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { until } from 'lit/directives/until.js';
import { typeOf } from '@matterform/core';
import { say } from '../../i18n/say.js';
import { regionMessages } from '../../i18n/region.js';
import { loadRegions, loadedRegions } from './regions.js';
import { displayText } from '../basic.js';
import { rankedBySchema, type RenderedWidget, type WidgetContext } from '../widget.js';

type Cascade = typeof import('./cascade.js');
let cascade: Cascade | undefined;
let loadingCascade: Promise<Cascade> | undefined;

/** The cascade's chunk, fetched once; a failed fetch is not kept, so the next render asks again. */
function loadCascade(): Promise<Cascade> {
  loadingCascade ??= import('./cascade.js').then(
    (module) => (cascade = module),
    (error: unknown) => {
      loadingCascade = undefined;
      throw error;
    },
  );
  return loadingCascade;
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
    const content =
      index && cascade
        ? cascade.renderLoaded(ctx, index)
        : until(
            Promise.all([loadRegions(), loadCascade()]).then(
              ([loaded, drawn]) => drawn.renderLoaded(ctx, loaded),
              () => renderCodeInput(ctx),
            ),
            renderCodeInput(ctx),
          );
    return html`<div class="region">${content}</div>`;
  },
};
rankedBySchema.add(regionWidget);

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
      .value=${live(displayText(ctx.value))}
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
