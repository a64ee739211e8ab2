/** The form's own styles; every colour and space is a `--matter-*` token (styles.ts). */
import { css } from 'lit';

export const formStyles = css`
  /* Columns of one track each: flex, which lays out faster than grid and looks the same. */
  .form {
    display: flex;
    flex-direction: column;
    gap: var(--_matter-space-3);
    max-width: var(--matter-form-max-width, 46rem);
  }
  h2,
  h3,
  legend {
    font-weight: 700;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.5rem;
    margin: 0;
  }
  h3 {
    font-size: 1.2rem;
    margin: var(--_matter-space-3) 0 var(--_matter-space-2);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-1) var(--_matter-space-3);
    list-style: none;
    margin: 0;
    padding: 0;
    color: var(--_matter-color-muted);
    font-size: 0.9rem;
  }
  .progress [aria-current='step'] {
    color: var(--_matter-color-text);
    font-weight: 700;
    border-bottom: 3px solid var(--_matter-color-accent);
  }
  .progress .done::before {
    content: '✓ ';
  }
  .step-caption {
    color: var(--_matter-color-muted);
    margin: 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_matter-space-1);
    margin: 0 0 var(--_matter-space-3);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .field[data-invalid] {
    border-left: 5px solid var(--_matter-color-error);
    padding-left: var(--_matter-space-3);
  }
  label,
  .label,
  legend {
    font-weight: 700;
    color: var(--matter-field-label-color, var(--_matter-color-text));
  }
  legend {
    padding: 0;
    margin-bottom: var(--_matter-space-1);
  }
  .optional {
    font-weight: 400;
    color: var(--_matter-color-muted);
  }
  .hint {
    color: var(--_matter-color-muted);
    margin: 0;
  }
  .error-message {
    color: var(--_matter-color-error);
    font-weight: 700;
    margin: 0;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    font: inherit;
    width: 100%;
    max-width: var(--matter-input-max-width, 30rem);
    min-height: var(--_matter-control-height);
    padding: var(--_matter-space-1) var(--_matter-space-2);
    border: 2px solid var(--_matter-color-border);
    border-radius: var(--_matter-radius);
    background: var(--_matter-color-surface);
    color: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_matter-color-error) !important;
  }
  input[readonly]:not([type='checkbox']):not([type='radio']):not([type='file']),
  textarea[readonly] {
    background: var(--_matter-color-subtle);
    border-style: dashed;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--_matter-space-2);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_matter-space-2);
  }
  .choice input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_matter-color-accent);
  }
  .choice label {
    font-weight: 400;
  }
  .badge {
    align-self: flex-start;
    font-size: 0.85rem;
    color: var(--matter-badge-color, var(--_matter-color-success));
    background: var(--matter-badge-background, #e6f2ec);
    border-radius: var(--_matter-radius);
    padding: 0 var(--_matter-space-2);
    margin: 0;
  }
  .lock-note,
  .conflicts {
    font-size: 0.9rem;
    color: var(--_matter-color-muted);
    margin: 0;
  }
  .conflicts {
    color: var(--_matter-color-warning);
  }
  fieldset.group {
    border: 1px solid var(--_matter-color-border);
    border-radius: var(--_matter-radius);
    padding: var(--_matter-space-3);
    margin: 0 0 var(--_matter-space-3);
    min-width: 0;
  }
  fieldset.group > legend {
    padding: 0 var(--_matter-space-1);
  }
  .item-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-2);
  }
  .actions {
    margin-top: var(--_matter-space-3);
  }
  .notice {
    border-left: 5px solid var(--_matter-color-accent);
    background: var(--_matter-color-subtle);
    padding: var(--_matter-space-2) var(--_matter-space-3);
    margin: 0;
  }
  .notice.warning {
    border-color: var(--_matter-color-warning);
  }
  .consent {
    border: 2px solid var(--_matter-color-accent);
    padding: var(--_matter-space-3);
  }
  .consent ul {
    padding-left: var(--_matter-space-4);
  }
  .busy {
    color: var(--_matter-color-muted);
  }
  @media (max-width: 40rem) {
    .actions button {
      flex: 1 1 100%;
    }
  }
`;
