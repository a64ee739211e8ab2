/**
 * Where a new field goes, from what is selected: into a selected group or list, after a
 * selected field (in its object and step), at the end of a selected step, else at the end of
 * the last step. The outline and the palette add fields through the same answer.
 */
import { getAt, localize, type Locale, type Matter } from '@matterform/core';
import type { Outline, OutlineField, OutlineStep } from '../document/outline-types.js';
import type { Selection } from './context.js';

export interface InsertionPoint {
  /** The object schema receiving the field: `/schema`, a group, or a list's `items`. */
  parent: string;
  /** Position among the parent's `properties`; absent: at the end. */
  index?: number;
  /** The layout step of a top-level field. */
  step?: number;
}

/** A field of the outline with what holds it: its step, and the field it is inside (a group or list). */
export interface PlacedField {
  field: OutlineField;
  step: OutlineStep;
  container: OutlineField | undefined;
}

/** Every field of the outline in reading order, each with its step and container. */
export function placedFields(outline: Outline): PlacedField[] {
  const placed: PlacedField[] = [];
  const visit = (fields: OutlineField[], step: OutlineStep, container: OutlineField | undefined): void => {
    for (const field of fields) {
      placed.push({ field, step, container });
      visit(field.children, step, field);
    }
  };
  for (const step of outline.steps) visit(step.fields, step, undefined);
  return placed;
}

export function findField(outline: Outline, schema: string): PlacedField | undefined {
  return placedFields(outline).find((placed) => placed.field.schema === schema);
}

/** The object schema a group or list gives its fields; undefined for a field holding none. */
export function objectOf(field: OutlineField): string | undefined {
  if (field.kind === 'group') return field.schema;
  if (field.kind === 'list') return `${field.schema}/items`;
  return undefined;
}

/** The object schema a placed field is declared in. */
export function parentOf(placed: PlacedField): string {
  return placed.container ? (objectOf(placed.container) ?? '/schema') : '/schema';
}

/** The position of `field` among `parent`'s own `properties`; undefined when it is declared elsewhere (a branch). */
export function propertyIndex(matter: Matter, parent: string, field: OutlineField): number | undefined {
  if (field.schema !== `${parent}/properties/${escapeToken(field.key)}`) return undefined;
  const index = Object.keys(propertiesAt(matter, parent)).indexOf(field.key);
  return index === -1 ? undefined : index;
}

/** The place of a data pointer in a layout step's `fields`; undefined when the step does not list it. */
export function stepPosition(matter: Matter, step: number, data: string): number | undefined {
  const at = stepFields(matter, step).indexOf(data);
  return at === -1 ? undefined : at;
}

/** The data pointers a layout step lists. */
export function stepFields(matter: Matter, step: number): string[] {
  return matter.layout?.steps?.[step]?.fields ?? [];
}

/** How many properties the object schema at `parent` declares. */
export function propertyCount(matter: Matter, parent: string): number {
  return Object.keys(propertiesAt(matter, parent)).length;
}

export function insertionPoint(matter: Matter, outline: Outline, selection: Selection): InsertionPoint {
  if (selection.kind === 'field') {
    const placed = findField(outline, selection.schema);
    if (placed) {
      const object = objectOf(placed.field);
      const step = placed.step.index ?? undefined;
      if (object) return object === '/schema' ? { parent: object, step } : { parent: object };
      const parent = parentOf(placed);
      // A top-level field of a laid-out matter is placed in its step's list, anything else among its object's properties.
      const inStep = parent === '/schema' && step !== undefined;
      const at = inStep ? stepPosition(matter, step, placed.field.data) : propertyIndex(matter, parent, placed.field);
      const point: InsertionPoint = { parent };
      if (at !== undefined) point.index = at + 1;
      if (inStep) point.step = step;
      return point;
    }
  }
  if (selection.kind === 'step') return { parent: '/schema', step: selection.index };
  const last = outline.steps.at(-1)?.index;
  return last === null || last === undefined ? { parent: '/schema' } : { parent: '/schema', step: last };
}

/** The name of where a field would go, for labels: the group's, list's or step's title. */
export function insertionName(outline: Outline, point: InsertionPoint, lang: Locale): string {
  if (point.parent !== '/schema') {
    const holder = placedFields(outline).find((placed) => objectOf(placed.field) === point.parent);
    if (holder) return titleOf(holder.field, lang);
  }
  const step = outline.steps.find((candidate) => candidate.index === (point.step ?? null)) ?? outline.steps.at(-1);
  return localize(step?.title, lang) || (lang === 'en' ? 'the form' : '表单');
}

/** A field's title in `lang`, else its property name. */
export function titleOf(field: OutlineField, lang: Locale): string {
  return localize(field.title, lang) || field.key;
}

function propertiesAt(matter: Matter, parent: string): Record<string, unknown> {
  const properties = getAt(matter, `${parent}/properties`);
  return properties !== null && typeof properties === 'object' && !Array.isArray(properties)
    ? (properties as Record<string, unknown>)
    : {};
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
