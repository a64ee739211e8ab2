/** `<matter-status>`'s own rules, adopted with its chunk (status-work.ts) beside the shared tokens. */
import { css } from 'lit';

export const statusStyles = css`
  :host {
    --_status-done: var(--matter-status-done-color, var(--_matter-color-success));
    --_status-pending: var(--matter-status-pending-color, var(--_matter-color-border));
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-2);
    align-items: center;
    margin-bottom: var(--_matter-space-3);
  }
  button {
    min-height: var(--_matter-control-height);
    padding: 0 var(--_matter-space-3);
    border: 2px solid var(--_matter-color-accent);
    border-radius: var(--_matter-radius);
    background: var(--_matter-color-surface);
    color: var(--_matter-color-accent);
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_matter-color-focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--_matter-color-text);
  }
  .announcement {
    margin: 0;
    color: var(--_matter-color-muted);
  }
  .cases {
    display: grid;
    gap: var(--matter-status-gap, var(--_matter-space-3));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .case {
    padding: var(--_matter-space-3);
    border: 1px solid var(--matter-status-case-border-color, var(--_matter-color-border));
    border-left: 6px solid var(--_matter-color-accent);
    border-radius: var(--_matter-radius);
    background: var(--matter-status-case-background, var(--_matter-color-surface));
  }
  .case.queued {
    border-left-color: var(--matter-status-queued-color, var(--_matter-color-warning));
  }
  .case.decided {
    border-left-color: var(--_status-done);
  }
  .title {
    margin: 0 0 var(--_matter-space-2);
    font-size: 1.125em;
    font-weight: 700;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_matter-space-1) var(--_matter-space-3);
    margin: 0 0 var(--_matter-space-2);
  }
  dt {
    color: var(--_matter-color-muted);
  }
  dd {
    margin: 0;
  }
  .reference {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    letter-spacing: 0.05em;
  }
  .timeline {
    margin: var(--_matter-space-2) 0 0;
    padding: 0;
    list-style: none;
  }
  .timeline li {
    position: relative;
    padding: 0 0 var(--_matter-space-2) var(--_matter-space-4);
  }
  .timeline li::before {
    content: '';
    position: absolute;
    top: 0.35em;
    left: 2px;
    width: 12px;
    height: 12px;
    border: 2px solid var(--_status-pending);
    border-radius: 50%;
    background: var(--_matter-color-surface);
  }
  .timeline li.done::before {
    border-color: var(--_status-done);
    background: var(--_status-done);
  }
  .timeline li.current {
    font-weight: 700;
  }
  .timeline li.pending {
    color: var(--_matter-color-muted);
  }
  .result {
    margin: var(--_matter-space-2) 0;
    padding: var(--_matter-space-2);
    background: var(--_matter-color-subtle);
  }
  .result p {
    margin: 0;
  }
  .error {
    margin: var(--_matter-space-2) 0 0;
    color: var(--_matter-color-error);
    font-weight: 700;
  }
  .queued-detail {
    margin: 0 0 var(--_matter-space-2);
  }
`;
