/**
 * The styles every designer panel shares: the `--matter-*` tokens of the elements (so a site
 * themes the designer as it themes the form), buttons and controls at least 24 px (WCAG 2.2
 * target size), a focus ring visible on any background, and the visually hidden class.
 * A panel adopts `designerStyles` first and adds its own after it.
 */
import { css, type CSSResultGroup } from 'lit';
import { tokens } from '@matterform/elements';

/** The elements' tokens (one set of `--matter-*` defaults for the form and the designer), then the designer's own. */
export const designerStyles: CSSResultGroup = [
  tokens,
  css`
    :host {
      --_matter-color-selected: var(--matter-color-selected, #e8f1f8);
      min-width: 0;
      font-size: var(--matter-designer-font-size, 15px);
      line-height: 1.45;
    }
    :focus-visible {
      outline: 3px solid var(--_matter-color-focus);
      outline-offset: 0;
      box-shadow: 0 0 0 5px var(--_matter-color-text);
    }
    h2,
    h3 {
      margin: 0 0 var(--_matter-space-2);
      font-size: 1.05em;
      line-height: 1.3;
    }
    h2 {
      font-size: 1.1em;
    }
    button {
      font: inherit;
      min-height: 28px;
      min-width: 28px;
      padding: 2px var(--_matter-space-2);
      border-radius: var(--_matter-radius);
      border: 1px solid var(--_matter-color-accent);
      background: var(--_matter-color-surface);
      color: var(--_matter-color-accent);
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    button.primary {
      background: var(--_matter-color-accent);
      color: #fff;
    }
    button.danger {
      border-color: var(--_matter-color-error);
      color: var(--_matter-color-error);
    }
    button:disabled,
    button[aria-disabled='true'] {
      border-color: var(--_matter-color-border);
      color: var(--_matter-color-muted);
      cursor: not-allowed;
    }
    input,
    select,
    textarea {
      font: inherit;
      min-height: 28px;
      max-width: 100%;
      padding: 2px var(--_matter-space-1);
      border: 1px solid var(--_matter-color-border);
      border-radius: var(--_matter-radius);
      background: var(--_matter-color-surface);
      color: inherit;
    }
    input[type='checkbox'],
    input[type='radio'] {
      min-height: 0;
      width: 24px;
      height: 24px;
      margin: 0;
    }
    label {
      overflow-wrap: anywhere;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_matter-space-1);
      align-items: center;
    }
    .muted {
      color: var(--_matter-color-muted);
    }
    .badge {
      display: inline-block;
      padding: 0 var(--_matter-space-1);
      border: 1px solid var(--_matter-color-border);
      border-radius: var(--_matter-radius);
      font-size: 0.85em;
      color: var(--_matter-color-muted);
      white-space: nowrap;
    }
  `,
];
