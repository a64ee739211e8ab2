/**
 * The region widget's work (region.ts is its part in the form's entry), a chunk of its own:
 * the code box while the division table loads, then the cascade of selects (cascade.ts),
 * drawn with lit into the box region.ts gives it, and the cascade's layout.
 */
import { css, html, render, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { say } from '../../i18n/say.js';
import { regionMessages } from '../../i18n/region.js';
import { loadRegions, loadedRegions } from './regions.js';
import { renderLoaded } from './cascade.js';
import { displayText } from '../basic.js';
import type { WidgetContext } from '../widget.js';

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

/** Boxes lit has drawn into: region.ts's stand-in text box goes before lit's first render. */
const drawnByLit = new WeakSet<Element>();

function draw(box: HTMLElement, template: TemplateResult): void {
  if (!drawnByLit.has(box)) {
    box.replaceChildren();
    drawnByLit.add(box);
  }
  render(template, box);
}

/**
 * Draws the field into `box`: the cascade once the table is here, else the code box, and the
 * cascade (for the context `latest` gives then) when the table arrives.
 */
export function drawRegion(box: HTMLElement, ctx: WidgetContext, latest: () => WidgetContext | undefined): void {
  const index = loadedRegions();
  if (index) {
    draw(box, renderLoaded(ctx, index));
    return;
  }
  draw(box, renderCodeInput(ctx));
  loadRegions().then(
    (loaded) => draw(box, renderLoaded(latest() ?? ctx, loaded)),
    // The code stays typed by hand.
    () => undefined,
  );
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
