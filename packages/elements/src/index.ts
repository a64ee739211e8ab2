// The public API of @matterform/elements and of the browser bundle dist/matterform.js (SPEC §5
// "Exports"). Importing it defines <matter-form>.
import './define.js';

export * from '@matterform/core';
export { MatterForm, widgetRegistry, type ConsentMode, type MatterSubject } from './matter-form.js';
export { WidgetRegistry, type Widget, type WidgetContext, type WidgetOption } from './widget.js';
export { builtinWidgets } from './widgets/basic.js';
export type * from './events.js';
