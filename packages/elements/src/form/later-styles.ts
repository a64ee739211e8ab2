/**
 * The rules of the error summary, the review step, the confirmation and the printed record:
 * adopted with the form's later chunk (form/later.ts), which draws them.
 */
import { css } from 'lit';

export const laterStyles = css`
  .error-summary {
    border: 5px solid var(--_matter-color-error);
    padding: var(--_matter-space-3);
  }
  .error-summary h2 {
    font-size: 1.2rem;
  }
  .error-summary ul {
    margin: var(--_matter-space-2) 0 0;
    padding-left: var(--_matter-space-4);
  }
  .error-summary a {
    display: inline-block;
    min-height: 24px;
    color: var(--_matter-color-error);
    font-weight: 700;
  }
  dl.review {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    gap: var(--_matter-space-2) var(--_matter-space-3);
    margin: 0;
  }
  dl.review dt {
    font-weight: 700;
  }
  dl.review dd {
    margin: 0;
  }
  .source {
    display: block;
    font-size: 0.85rem;
    color: var(--_matter-color-muted);
  }
  .link {
    border: 0;
    background: none;
    color: var(--_matter-color-accent);
    text-decoration: underline;
    padding: 0;
    min-height: 24px;
    min-width: 24px;
  }
  /* What may be kept on this device, under the review: the box beside the first line of a
     long label, the hint and the sensitive opt-in set in under the label's text. */
  .keep-answers,
  .keep-sensitive {
    margin-top: var(--_matter-space-4);
  }
  .keep-answers {
    border-top: 1px solid var(--_matter-color-border);
    padding-top: var(--_matter-space-3);
  }
  .keep-answers .choice,
  .keep-sensitive .choice {
    align-items: flex-start;
  }
  .keep-answers .choice input,
  .keep-sensitive .choice input {
    flex: none;
  }
  .keep-answers > .hint,
  .keep-answers .keep-sensitive {
    margin: var(--_matter-space-2) 0 0 calc(24px + var(--_matter-space-2));
  }
  .confirmation-panel {
    background: var(--_matter-color-success);
    color: #fff;
    padding: var(--_matter-space-4);
    text-align: center;
  }
  .reference {
    font-size: 2rem;
    font-weight: 700;
    letter-spacing: 0.1em;
    font-variant-numeric: tabular-nums;
  }
  @media (max-width: 40rem) {
    dl.review {
      grid-template-columns: 1fr;
    }
    dl.review dd {
      margin-bottom: var(--_matter-space-2);
    }
  }
  @media print {
    .actions,
    .progress,
    .no-print,
    .link {
      display: none !important;
    }
    .confirmation-panel {
      color: #000;
      background: none;
      border: 2px solid #000;
    }
    dl.review {
      grid-template-columns: 1fr 2fr;
    }
  }
`;
