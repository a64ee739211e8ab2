/**
 * The matter being edited, and its history. Every change is an RFC 6902 JSON Patch applied
 * immutably (unchanged parts stay the same objects, so a 1,000-field matter is not copied per
 * keystroke); each entry of the history keeps the patch and its inverse, computed against the
 * document it was applied to. Undo applies the inverse, redo the patch again.
 */
import { immutableJSONPatch, revertJSONPatch, type JSONPatchDocument } from 'immutable-json-patch';
import type { Matter } from '@matterform/core';

export type Patch = JSONPatchDocument;
export type Operation = Patch[number];

export interface HistoryEntry {
  patch: Patch;
  inverse: Patch;
  /** What the edit was, for people ("moved 手机号码 up"); announced and shown in the undo button's title. */
  label?: string;
}

export interface Change {
  matter: Matter;
  /** What was applied: the edit, or for undo its inverse. */
  patch: Patch;
  label?: string;
}

export class DesignDocument {
  #matter: Matter;
  #done: HistoryEntry[] = [];
  #undone: HistoryEntry[] = [];

  constructor(matter: Matter) {
    this.#matter = matter;
  }

  get matter(): Matter {
    return this.#matter;
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#undone.length > 0;
  }

  /** The label of the edit undo would take back. */
  get undoLabel(): string | undefined {
    return this.#done.at(-1)?.label;
  }

  get redoLabel(): string | undefined {
    return this.#undone.at(-1)?.label;
  }

  /**
   * Applies `patch` and records it; throws (changing nothing) when an operation does not apply,
   * e.g. a `test` that fails or a path that does not exist. An empty patch changes nothing and
   * is not recorded.
   */
  apply(patch: Patch, label?: string): Change | undefined {
    if (patch.length === 0) return undefined;
    const before = this.#matter;
    const inverse = revertJSONPatch(before, patch);
    this.#matter = immutableJSONPatch<Matter>(before, patch);
    this.#done.push({ patch, inverse, label });
    this.#undone = [];
    return { matter: this.#matter, patch, label };
  }

  undo(): Change | undefined {
    const entry = this.#done.pop();
    if (!entry) return undefined;
    this.#matter = immutableJSONPatch<Matter>(this.#matter, entry.inverse);
    this.#undone.push(entry);
    return { matter: this.#matter, patch: entry.inverse, label: entry.label };
  }

  redo(): Change | undefined {
    const entry = this.#undone.pop();
    if (!entry) return undefined;
    this.#matter = immutableJSONPatch<Matter>(this.#matter, entry.patch);
    this.#done.push(entry);
    return { matter: this.#matter, patch: entry.patch, label: entry.label };
  }
}
