/** How the rating panel and the catalogue show a colour: its name in text beside a swatch, never colour alone. */
import { css } from 'lit';

/** `<span class="colour"><span class="swatch red"></span>红</span>` */
export const colourStyles = css`
  .colour {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    white-space: nowrap;
  }
  .swatch {
    display: inline-block;
    flex: none;
    inline-size: 0.9em;
    block-size: 0.9em;
    border-radius: 50%;
    border: 1px solid #0b0c0c;
  }
  .red {
    background: #d4351c;
  }
  .orange {
    background: #f47738;
  }
  .yellow {
    background: #ffdd00;
  }
  .green {
    background: #00703c;
  }
`;
