/**
 * Shared styles. Every colour, space and radius comes from a `--matter-*` custom property
 * with a default here, so a department site themes the form from outside (documented in
 * the package README); `--_matter-*` are private.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_matter-color-text: var(--matter-color-text, #0b0c0c);
    --_matter-color-muted: var(--matter-color-muted, #505a5f);
    --_matter-color-border: var(--matter-color-border, #6f777b);
    --_matter-color-surface: var(--matter-color-surface, #ffffff);
    --_matter-color-subtle: var(--matter-color-subtle, #f3f2f1);
    --_matter-color-accent: var(--matter-color-accent, #1d70b8);
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
    --_matter-control-height: var(--matter-control-height, 40px);
    display: block;
    color: var(--_matter-color-text);
    font-family: var(--_matter-font);
    font-size: var(--matter-font-size, 16px);
    line-height: 1.5;
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
  button {
    font: inherit;
    min-height: 40px;
    min-width: 44px;
    padding: var(--_matter-space-1) var(--_matter-space-3);
    border-radius: var(--_matter-radius);
    border: 2px solid var(--_matter-color-accent);
    background: var(--_matter-color-surface);
    color: var(--_matter-color-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_matter-color-accent);
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;
