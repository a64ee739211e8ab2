/**
 * Edits of a matter's materials (SPEC §3.3), and the materials the catalogue's other matters
 * already ask for: material ids are catalogue-wide, so reusing one is what lets an upload be
 * reused across matters.
 */
import { toPointer, type Catalogue, type Material, type Matter } from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import { PatchWriter } from './attributes.js';

function materialsOf(matter: Matter): Material[] {
  return Array.isArray(matter.materials) ? matter.materials : [];
}

/** Adds a material at `index` (default: the end), creating the list when the matter has none. */
export function addMaterial(matter: Matter, material: Material, index?: number): Patch {
  const writer = new PatchWriter(matter);
  const count = materialsOf(matter).length;
  if (!Array.isArray(matter.materials)) writer.set('/materials', [material]);
  else if (index === undefined || index >= count) writer.insert('/materials/-', material);
  else writer.insert(`/materials/${Math.max(0, index)}`, material);
  return writer.patch;
}

/** Sets one property of material `index` (`undefined` removes it); `when` takes a condition from `whenSchema`. */
export function setMaterialProperty(matter: Matter, index: number, key: string, value: unknown): Patch {
  if (materialsOf(matter)[index] === undefined) return [];
  const writer = new PatchWriter(matter);
  const path = toPointer(['materials', index, key]);
  if (value === undefined) writer.remove(path);
  else writer.set(path, value);
  return writer.patch;
}

export function removeMaterial(matter: Matter, index: number): Patch {
  if (materialsOf(matter)[index] === undefined) return [];
  const writer = new PatchWriter(matter);
  writer.remove(`/materials/${index}`);
  return writer.patch;
}

/** Moves material `index` one place up (-1) or down (1); nothing at either end. */
export function moveMaterial(matter: Matter, index: number, delta: -1 | 1): Patch {
  const count = materialsOf(matter).length;
  const to = index + delta;
  if (index < 0 || index >= count || to < 0 || to >= count) return [];
  const writer = new PatchWriter(matter);
  writer.move(`/materials/${index}`, `/materials/${to}`);
  return writer.patch;
}

/**
 * The materials the catalogue's matters ask for (but `exceptMatter`, the one being edited),
 * one per id as the first matter to use it writes it, the most used first (then in
 * catalogue order): what a designer picks from before inventing a new id.
 */
export function knownMaterials(catalogue: Catalogue, exceptMatter?: string): Material[] {
  const found = new Map<string, { material: Material; matters: Set<string> }>();
  for (const matter of catalogue.matters) {
    if (matter.id === exceptMatter) continue;
    for (const material of materialsOf(matter)) {
      if (typeof material?.id !== 'string') continue;
      const known = found.get(material.id);
      if (known) known.matters.add(matter.id);
      else found.set(material.id, { material, matters: new Set([matter.id]) });
    }
  }
  // Array.prototype.sort is stable: equally used materials keep catalogue order.
  return [...found.values()].sort((a, b) => b.matters.size - a.matters.size).map((known) => known.material);
}
