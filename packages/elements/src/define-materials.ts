// Registers <matter-materials>: the one module with that side effect (STYLE.md), so importing
// the class never defines anything and a page that defined the tag first keeps its own.
import { MatterMaterials } from './materials/matter-materials.js';

if (!customElements.get('matter-materials')) customElements.define('matter-materials', MatterMaterials);

declare global {
  interface HTMLElementTagNameMap {
    'matter-materials': MatterMaterials;
  }
}

export { MatterMaterials };
