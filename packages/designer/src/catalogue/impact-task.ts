/**
 * What connecting each pending provider would change, worked out after the lists are drawn:
 * on a catalogue of the seed's size (200 matters, 100 pending providers) core's
 * `connectionImpact` takes seconds in all, so it runs in slices at idle time, yielding to
 * the page between providers, and reports after every slice so the lists fill in as it goes.
 */
import {
  catalogueFigures,
  connectionImpact,
  pendingProviders,
  type Catalogue,
  type CatalogueFigures,
  type ConnectionImpact,
  type MatterRating,
  type ProviderRef,
} from '@matterform/core';

export interface ImpactProgress {
  /** Which matters use each provider, once the first slice has run. */
  figures: CatalogueFigures | undefined;
  impacts: ReadonlyMap<ProviderRef, ConnectionImpact>;
  pending: readonly ProviderRef[];
  done: boolean;
}

interface IdleDeadline {
  timeRemaining(): number;
}

/** The next idle period: `requestIdleCallback` where there is one (it bounds each slice), else the next task. */
function idle(): Promise<IdleDeadline | undefined> {
  return new Promise((resolve) => {
    const request = (
      globalThis as {
        requestIdleCallback?: (callback: (deadline: IdleDeadline) => void, options?: { timeout: number }) => number;
      }
    ).requestIdleCallback;
    // The timeout keeps a busy page (an animation, a test runner) from postponing it forever.
    if (request) request((deadline) => resolve(deadline), { timeout: 100 });
    else setTimeout(() => resolve(undefined), 0);
  });
}

/** Runs until done or `cancel()`; `report` is called after every slice (and once at the end). */
export class ImpactCalculation {
  readonly done: Promise<void>;
  #cancelled = false;

  /** `ratings` are the catalogue's (`rateCatalogue`), already drawn: not worked out again. */
  constructor(catalogue: Catalogue, ratings: readonly MatterRating[], report: (progress: ImpactProgress) => void) {
    this.done = this.#run(catalogue, ratings, report);
  }

  cancel(): void {
    this.#cancelled = true;
  }

  async #run(
    catalogue: Catalogue,
    ratings: readonly MatterRating[],
    report: (progress: ImpactProgress) => void,
  ): Promise<void> {
    const pending = pendingProviders(catalogue);
    const impacts = new Map<ProviderRef, ConnectionImpact>();
    await idle();
    if (this.#cancelled) return;
    const figures = catalogueFigures(catalogue, ratings);
    report({ figures, impacts, pending, done: pending.length === 0 });
    let next = 0;
    while (next < pending.length) {
      const deadline = await idle();
      if (this.#cancelled) return;
      // At least one provider a slice, more while the idle period lasts.
      do {
        const provider = pending[next++] as ProviderRef;
        impacts.set(provider, connectionImpact(catalogue, provider, figures));
      } while (next < pending.length && deadline !== undefined && deadline.timeRemaining() > 2);
      report({ figures, impacts, pending, done: next === pending.length });
    }
  }
}
