/**
 * The built-in widgets every form draws with unless a host gives it a registry of its own.
 * A new built-in is its own file and one line in `defaultWidgets` (or, for a basic control,
 * in `builtinWidgets` beside it).
 */
import { builtinWidgets } from './basic.js';
import { regionWidget } from './region/region.js';
import { WidgetRegistry, type Widget } from './widget.js';

/** In rank order of appearance; `register` puts later ones first among equals. */
export const defaultWidgets: readonly Widget[] = [...builtinWidgets, regionWidget];

/** A registry holding the built-ins, for a form (or a host) to add its own widgets to. */
export function defaultRegistry(): WidgetRegistry {
  const registry = new WidgetRegistry();
  for (const widget of defaultWidgets) registry.register(widget);
  return registry;
}

/** The registry every `<matter-form>` draws with unless given its own; a host adds its own widgets here. */
export const widgetRegistry = defaultRegistry();
