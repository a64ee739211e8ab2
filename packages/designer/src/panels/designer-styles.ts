/**
 * The styles every designer panel shares: the `--matter-*` tokens of the elements (so a site
 * themes the designer as it themes the form), buttons and controls at least 24 px (WCAG 2.2
 * target size), a focus ring visible on any background, and the visually hidden class.
 * A panel adopts `designerStyles` first and adds its own after it.
 */
import { css } from 'lit';

export const designerStyles = css`
  :host {
    --_matter-color-text: var(--matter-color-text, #0b0c0c);
    --_matter-color-muted: var(--matter-color-muted, #505a5f);
    --_matter-color-border: var(--matter-color-border, #6f777b);
    --_matter-color-surface: var(--matter-color-surface, #ffffff);
    --_matter-color-subtle: var(--matter-color-subtle, #f3f2f1);
    --_matter-color-accent: var(--matter-color-accent, #1d70b8);
    --_matter-color-selected: var(--matter-color-selected, #e8f1f8);
    --_matter-color-focus: var(--matter-color-focus, #ffdd00);
    --_matter-color-error: var(--matter-color-error, #d4351c);
    --_matter-color-success: var(--matter-color-success, #00703c);
    --_matter-color-warning: var(--matter-color-warning, #8a4b00);
    --_matter-space-1: var(--matter-space-1, 4px);
    --_matter-space-2: var(--matter-space-2, 8px);
    --_matter-space-3: var(--matter-space-3, 16px);
    --_matter-space-4: var(--matter-space-4, 24px);
    --_matter-radius: var(--matter-radius, 4px);
    --_matter-font: var(
      --matter-font,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    display: block;
    min-width: 0;
    color: var(--_matter-color-text);
    font-family: var(--_matter-font);
    font-size: var(--matter-designer-font-size, 15px);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
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
`;
