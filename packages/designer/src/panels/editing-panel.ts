/**
 * What the form-like panels (properties, steps, materials, outputs, attributes) share: the
 * view and actions the shell sets, and one way to edit. An edit is applied only when its patch
 * changes something, and the control named by `focus` is focused once the panel has drawn the
 * new view, so focus is never lost when an edit moves or recreates the control it came from.
 */
import { LitElement, type PropertyValues } from 'lit';
import type { Locale } from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import type { DesignActions, DesignView, Selection } from './context.js';

export interface EditOptions {
  select?: Selection;
  /** A selector, in the panel's shadow root, of the control to focus after the edit. */
  focus?: string;
}

export class EditingPanel extends LitElement {
  static override properties = {
    view: { attribute: false },
    actions: { attribute: false },
  };

  declare view: DesignView | undefined;
  declare actions: DesignActions | undefined;

  #focusAfter: string | undefined;

  protected get viewLang(): Locale {
    return this.view?.lang ?? 'zh-CN';
  }

  protected get readonly(): boolean {
    return this.view?.readonly ?? false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const selector = this.#focusAfter;
    // The control is looked for in the view the edit made: the panel may draw once more before
    // the designer hands that view over, and a control found then may stand for another entry
    // (a field's "move to step" select, drawn again for the field that took its place).
    if (!selector || !changed.has('view')) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Focuses the control `selector` names once the panel has drawn the next view (the one an edit makes). */
  protected focusAfterUpdate(selector: string): void {
    this.#focusAfter = selector;
  }

  /** Applies `patch` as one edit (one undo step), labelled for the history (the shell announces it). */
  protected edit(patch: Patch, label: string, options: EditOptions = {}): void {
    if (!this.actions || this.readonly || patch.length === 0) return;
    if (options.focus) this.focusAfterUpdate(options.focus);
    this.actions.apply(patch, { label, select: options.select, keepFocus: true });
  }
}
