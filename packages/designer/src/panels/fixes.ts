/**
 * A one-action fix (SPEC §10) as the rating and problems panels apply it: the fix's patch as
 * one edit, announced, and focus afterwards on the entry that took the fixed one's place —
 * once the list is the new one. Until the edited document is checked the list still holds
 * the fixed problem, so the panel's heading holds focus meanwhile.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { say } from '@matterform/elements';
import { localize, type Message } from '@matterform/core';
import type { DesignActions, DesignProblem, DesignView } from './context.js';

type FixHost = ReactiveControllerHost &
  HTMLElement & {
    view: DesignView | undefined;
    actions: DesignActions | undefined;
    renderRoot: HTMLElement | DocumentFragment;
  };

export class FixController implements ReactiveController {
  readonly #host: FixHost;
  /** The buttons focus goes to after a fix, by index. */
  readonly #targets: string;
  /** What is announced: `{label}` is the fix's. */
  readonly #applied: Message;
  #focusIndex: number | undefined;
  #viewWhenApplied: DesignView | undefined;

  constructor(host: FixHost, { targets, applied }: { targets: string; applied: Message }) {
    this.#host = host;
    this.#targets = targets;
    this.#applied = applied;
    host.addController(this);
  }

  apply(problem: DesignProblem, index: number): void {
    const { view, actions } = this.#host;
    if (!problem.fix || !actions || !view) return;
    const label = localize(problem.fix.label, view.lang);
    this.#focusIndex = index;
    this.#viewWhenApplied = view;
    actions.apply(problem.fix.patch, { label });
    actions.announce(say(this.#applied, view.lang, { label }));
  }

  hostUpdated(): void {
    const { view, renderRoot } = this.#host;
    if (this.#focusIndex === undefined || view === this.#viewWhenApplied) return;
    const heading = renderRoot.querySelector<HTMLElement>('h2');
    if (view?.problemsChecked === false) {
      heading?.focus();
      return;
    }
    const targets = [...renderRoot.querySelectorAll<HTMLElement>(this.#targets)];
    (targets[Math.min(this.#focusIndex, targets.length - 1)] ?? heading)?.focus();
    this.#focusIndex = undefined;
  }
}
