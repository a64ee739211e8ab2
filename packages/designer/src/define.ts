/**
 * Registers `<matter-designer>` and the panels it draws, each once (the package's only side
 * effect): a page may define some of them itself, or load two copies of the package.
 */
import { MatterDesigner } from './matter-designer.js';
import { DesignerOutlinePanel } from './panels/outline.js';
import { DesignerPalettePanel } from './panels/palette.js';

const elements: [string, CustomElementConstructor][] = [
  ['matter-designer', MatterDesigner],
  ['matter-designer-outline', DesignerOutlinePanel],
  ['matter-designer-palette', DesignerPalettePanel],
];

for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer': MatterDesigner;
    'matter-designer-outline': DesignerOutlinePanel;
    'matter-designer-palette': DesignerPalettePanel;
  }
}
