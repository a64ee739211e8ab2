/**
 * Registers `<matter-designer>`, the panels it draws and `<matter-catalogue>`, each once (the package's only side
 * effect): a page may define some of them itself, or load two copies of the package.
 */
import { MatterForm } from '@matterform/elements';
import { MatterCatalogue } from './catalogue/matter-catalogue.js';
import { MatterDesigner } from './matter-designer.js';
import { DesignerAttributesPanel } from './panels/attributes.js';
import { DesignerChangesPanel } from './panels/changes.js';
import { DesignerConditionsEditor } from './panels/conditions-editor.js';
import { DesignerJsonPanel } from './panels/json.js';
import { DesignerMaterialsPanel } from './panels/materials.js';
import { DesignerOutlinePanel } from './panels/outline.js';
import { DesignerOutputsPanel } from './panels/outputs.js';
import { DesignerPalettePanel } from './panels/palette.js';
import { DesignerPreviewPanel } from './panels/preview.js';
import { DesignerProblemsPanel } from './panels/problems.js';
import { DesignerPropertiesPanel } from './panels/properties.js';
import { DesignerRatingPanel } from './panels/rating.js';
import { DesignerStepsPanel } from './panels/steps.js';

const elements: [string, CustomElementConstructor][] = [
  ['matter-designer', MatterDesigner],
  ['matter-designer-outline', DesignerOutlinePanel],
  ['matter-designer-palette', DesignerPalettePanel],
  ['matter-designer-properties', DesignerPropertiesPanel],
  ['matter-designer-conditions', DesignerConditionsEditor],
  ['matter-designer-steps', DesignerStepsPanel],
  ['matter-designer-materials', DesignerMaterialsPanel],
  ['matter-designer-outputs', DesignerOutputsPanel],
  ['matter-designer-attributes', DesignerAttributesPanel],
  ['matter-designer-json', DesignerJsonPanel],
  ['matter-designer-preview', DesignerPreviewPanel],
  ['matter-designer-rating', DesignerRatingPanel],
  ['matter-designer-problems', DesignerProblemsPanel],
  ['matter-designer-changes', DesignerChangesPanel],
  ['matter-catalogue', MatterCatalogue],
  // The preview draws the real form. Named here because a bundler drops the elements' own
  // define module when the designer imports only names from the package.
  ['matter-form', MatterForm],
];

for (const [tag, element] of elements) if (!customElements.get(tag)) customElements.define(tag, element);

declare global {
  interface HTMLElementTagNameMap {
    'matter-designer': MatterDesigner;
    'matter-designer-outline': DesignerOutlinePanel;
    'matter-designer-palette': DesignerPalettePanel;
    'matter-designer-properties': DesignerPropertiesPanel;
    'matter-designer-conditions': DesignerConditionsEditor;
    'matter-designer-steps': DesignerStepsPanel;
    'matter-designer-materials': DesignerMaterialsPanel;
    'matter-designer-outputs': DesignerOutputsPanel;
    'matter-designer-attributes': DesignerAttributesPanel;
    'matter-designer-json': DesignerJsonPanel;
    'matter-designer-preview': DesignerPreviewPanel;
    'matter-designer-rating': DesignerRatingPanel;
    'matter-designer-problems': DesignerProblemsPanel;
    'matter-designer-changes': DesignerChangesPanel;
    'matter-catalogue': MatterCatalogue;
  }
}
