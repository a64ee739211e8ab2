// Registers <matter-status>: the one module with that side effect (STYLE.md), so importing the
// class never defines anything and a page that defined the tag first keeps its own.
import { MatterStatus } from './status/matter-status.js';

if (!customElements.get('matter-status')) customElements.define('matter-status', MatterStatus);

declare global {
  interface HTMLElementTagNameMap {
    'matter-status': MatterStatus;
  }
}

export { MatterStatus };
