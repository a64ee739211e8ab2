/**
 * The look of the form-like panels until the shell's shared designer styles take over:
 * readable labels, controls at least 24 px, the zh-CN and en inputs side by side on a wide
 * screen and stacked on a phone.
 */
import { css } from 'lit';

export const editingPanelStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--matter-color-text, #1f2328);
  }
  h2,
  h3,
  h4 {
    margin: 0.75rem 0 0.5rem;
    font-size: 1rem;
  }
  h2 {
    font-size: 1.125rem;
  }
  fieldset {
    border: 1px solid var(--matter-color-border, #8c959f);
    border-radius: 4px;
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem 0.75rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .bilingual {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5rem 1rem;
  }
  .bilingual > legend {
    grid-column: 1 / -1;
  }
  .control {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
    min-width: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0 1rem;
  }
  label {
    font-weight: 500;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 24px;
    font-weight: normal;
    margin-right: 1rem;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    min-height: 28px;
    box-sizing: border-box;
    max-width: 100%;
    padding: 0.125rem 0.375rem;
    border: 1px solid var(--matter-color-border, #6e7781);
    border-radius: 3px;
    background: var(--matter-color-surface, #fff);
    color: inherit;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 20px;
    height: 20px;
    margin: 2px;
  }
  button {
    font: inherit;
    min-height: 28px;
    min-width: 28px;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--matter-color-border, #6e7781);
    border-radius: 3px;
    background: var(--matter-color-button, #f6f8fa);
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    color: #57606a;
  }
  :focus-visible {
    outline: 2px solid var(--matter-color-focus, #0969da);
    outline-offset: 1px;
  }
  ul.plain,
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain > li,
  ol.plain > li {
    margin: 0 0 0.5rem;
  }
  .hint {
    color: var(--matter-color-muted, #57606a);
    font-size: 0.875rem;
    margin: 0.25rem 0;
  }
  .selected {
    border-color: var(--matter-color-focus, #0969da);
    border-width: 2px;
  }
  pre.json {
    background: var(--matter-color-code, #f6f8fa);
    border: 1px solid var(--matter-color-border, #d0d7de);
    padding: 0.5rem;
    overflow: auto;
    font-size: 0.8125rem;
    white-space: pre-wrap;
    word-break: break-word;
  }
  code {
    word-break: break-all;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.25rem;
    vertical-align: top;
  }
  .wide {
    width: 100%;
  }
`;
