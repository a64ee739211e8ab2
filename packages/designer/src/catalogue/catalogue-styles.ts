/**
 * The catalogue's own look, after the designer's shared styles: tables that wrap and never
 * scroll sideways (a scrolling box would need a tab stop of its own), and that become one card
 * per row where the element is narrow, each cell labelled by its column.
 */
import { css } from 'lit';

export const catalogueStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    background: var(--_matter-color-surface);
    color: var(--_matter-color-text);
    font-family: var(--_matter-font, inherit);
  }
  /* One column that never grows past the element: a grid item's auto minimum would let a long
     word or a wide table push it past the screen's edge. */
  .wrap,
  [role='tabpanel'] {
    grid-template-columns: minmax(0, 1fr);
  }
  .wrap {
    display: grid;
    gap: var(--_matter-space-3);
    padding: var(--_matter-space-3);
  }
  header {
    display: grid;
    gap: var(--_matter-space-2);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  h3 {
    margin: 0 0 var(--_matter-space-2);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.35em 0.5em;
    border-block-end: 1px solid var(--_matter-color-border);
    overflow-wrap: anywhere;
  }
  thead th {
    border-block-end-width: 2px;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-block-end: 0;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .totals li {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: var(--_matter-space-1) var(--_matter-space-2);
    border: 1px solid var(--_matter-color-border);
    border-radius: var(--_matter-radius);
  }
  .totals strong {
    font-size: 1.3em;
    font-variant-numeric: tabular-nums;
  }
  .departments {
    max-inline-size: 48em;
  }
  /* A department slug breaks at its hyphens and a count not at all ("educati/on", "1/3") on a phone. */
  .departments th,
  .departments td {
    overflow-wrap: break-word;
  }
  [role='tab'] {
    min-block-size: 2.25em;
  }
  [role='tabpanel'] {
    display: grid;
    gap: var(--_matter-space-2);
    min-inline-size: 0;
  }
  [role='tabpanel'][hidden] {
    display: none;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_matter-space-2) var(--_matter-space-3);
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-1) var(--_matter-space-3);
    margin: 0;
    padding: var(--_matter-space-1) var(--_matter-space-2) var(--_matter-space-2);
    border: 1px solid var(--_matter-color-border);
    border-radius: var(--_matter-radius);
  }
  legend {
    padding: 0 var(--_matter-space-1);
  }
  label.check {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  label.field {
    display: grid;
    gap: var(--_matter-space-1);
  }
  .count,
  .progress {
    margin: 0;
  }
  .calculating {
    color: var(--_matter-color-muted);
    font-style: italic;
  }
  th.sortable button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    border: 0;
    padding: 0;
    background: none;
    color: var(--_matter-color-accent);
    font-weight: 600;
    text-align: start;
  }
  .arrow {
    font-size: 0.75em;
  }
  button.link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_matter-color-accent);
    text-decoration: underline;
    text-align: start;
    min-block-size: 24px;
  }
  code {
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
  .status.pending {
    color: var(--_matter-color-error);
    font-weight: 600;
  }
  .impact ul.changes {
    margin: 0.25em 0;
    padding-inline-start: 1.1em;
  }
  /* No bullets: a wrapped button's text would not line up with its bullet. */
  .used-by ul {
    display: grid;
    gap: 2px;
    margin: 0.25em 0;
    padding-inline-start: 0.75em;
    list-style: none;
  }
  .used-by summary {
    cursor: pointer;
    color: var(--_matter-color-accent);
    min-block-size: 24px;
  }
  .connect-next {
    padding: var(--_matter-space-2) var(--_matter-space-3);
    border-inline-start: 4px solid var(--_matter-color-accent);
    background: var(--_matter-color-selected, #e8f1f8);
  }
  .connect-next ol {
    margin: 0;
    padding-inline-start: 1.4em;
    display: grid;
    gap: var(--_matter-space-2);
  }
  .connect-next p {
    margin: 0;
  }
  table.providers .impact-column {
    inline-size: 28%;
  }
  /* Short words that wrapping would break into a character a line. */
  td.short,
  th.short {
    white-space: nowrap;
  }
  /* One card per row where a table's columns would squeeze the text to a word a line. */
  @container (max-width: 760px) {
    table.list,
    table.list tbody,
    table.list tr,
    table.list td,
    table.list tbody th {
      display: block;
    }
    table.list thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_matter-space-1) var(--_matter-space-3);
    }
    /* Only the sortable headers stay: each card labels its own cells. */
    table.list thead th:not(.sortable) {
      display: none;
    }
    table.list thead th {
      border: 0;
      padding: 0;
    }
    table.list thead {
      display: block;
      margin-block-end: var(--_matter-space-2);
    }
    table.list tbody tr {
      border: 1px solid var(--_matter-color-border);
      border-radius: var(--_matter-radius);
      padding: var(--_matter-space-2);
      margin-block-end: var(--_matter-space-2);
    }
    table.list td,
    table.list tbody th {
      border: 0;
      padding: 0.15em 0;
    }
    table.list td::before {
      content: attr(data-label) '：';
      color: var(--_matter-color-muted);
    }
    /* English puts a colon and a space; Chinese the full-width colon alone. */
    .en table.list td::before {
      content: attr(data-label) ':';
      /* A space inside the generated text collapses against the cell's own text: a margin cannot. */
      margin-inline-end: 0.3em;
    }
    table.providers .impact-column {
      inline-size: auto;
    }
  }
`;
