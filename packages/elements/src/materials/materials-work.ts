/**
 * The work of `<matter-materials>` (SPEC §5): the plan, asking the providers, the materials'
 * conditions, the uploads, the words and the drawing — a chunk of its own (SPEC §9's budget),
 * fetched when the element first connects. The element (matter-materials.ts) is its shell.
 */
import { adoptStyles, css, html, nothing, type CSSResultOrNative, type PropertyValues } from 'lit';
import {
  fetchProviders,
  loadMatterChecks,
  planMatter,
  type ConditionTester,
  type MaterialEntry,
  type MatterPlan,
  type ProviderAnswers,
  type SubjectKind,
} from '@matterform/core';
import { langOf, say } from '../i18n/say.js';
import { materialsMessages } from '../i18n/materials.js';
import { MaterialsController, type UploadedFile } from './materials-controller.js';
import { materialsStyles, renderMaterials } from './materials-view.js';
import type { MatterMaterials } from './matter-materials.js';

interface WhenChecks {
  plan: MatterPlan;
  test?: ConditionTester;
  blocked?: boolean;
}

const workStyles = css`
  .checking {
    margin: 0 0 var(--_matter-space-3);
    color: var(--_matter-color-muted);
  }
`;

export class MaterialsWork {
  readonly #host: MatterMaterials;
  readonly #uploads: MaterialsController;
  #plan: MatterPlan | undefined;
  #unusable = false;
  #answers: ProviderAnswers | undefined;
  /** What the answers (or the call in flight) are for. */
  #askedFor: { plan: MatterPlan; kind: SubjectKind; id: string } | undefined;
  #asking: AbortController | undefined;
  #entries: MaterialEntry[] = [];
  #announced: string | undefined;
  /**
   * The tester of the materials' `when`s, per plan: loaded with the compiler (a separate
   * chunk) when some material has one; `blocked` where the page's CSP forbids compiling.
   */
  #checks: WhenChecks | undefined;

  constructor(host: MatterMaterials) {
    this.#host = host;
    this.#uploads = new MaterialsController(host);
    const { elementStyles } = host.constructor as unknown as { elementStyles: CSSResultOrNative[] };
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, materialsStyles, workStyles]);
  }

  /** The element left the page: a call in flight is abandoned, and made again when it comes back. */
  disconnected(): void {
    if (this.#asking) {
      this.#asking.abort();
      this.#asking = undefined;
      this.#askedFor = undefined;
    }
  }

  willUpdate(changed: PropertyValues<MatterMaterials>): void {
    const host = this.#host;
    if (changed.has('subject')) {
      const before = changed.get('subject');
      if (before && before.id !== host.subject?.id) this.#uploads.reset();
    }
    this.#plan = this.#planned();
    this.#ask();
    this.#loadChecks();
    const test = this.#checks?.test;
    const entries =
      this.#plan && test
        ? this.#uploads.entries({
            plan: this.#plan,
            data: host.value,
            answers: this.#answers,
            test,
            ...(host.today === undefined ? {} : { today: host.today }),
          })
        : [];
    // Kept while nothing changed, so `materials` stays the array the last event carried.
    if (JSON.stringify(entries) !== JSON.stringify(this.#entries)) this.#entries = entries;
  }

  updated(): void {
    if (!this.#plan || this.#asking || !this.#checks?.test) return;
    const snapshot = JSON.stringify(this.#entries);
    if (snapshot === this.#announced) return;
    this.#announced = snapshot;
    this.#host.dispatchEvent(
      new CustomEvent('matter-materials', { bubbles: true, composed: true, detail: { materials: this.#entries } }),
    );
  }

  /** The material entries (SPEC §3.3) as last drawn. */
  get entries(): MaterialEntry[] {
    return this.#entries;
  }

  /** The uploaded files of the materials that are `uploaded`, each with its SHA-256. */
  files(): UploadedFile[] {
    return this.#uploads.files(this.#entries);
  }

  #planned(): MatterPlan | undefined {
    const { matter, catalogue, subject } = this.#host;
    this.#unusable = false;
    if (!matter || !catalogue) return undefined;
    const kind: SubjectKind = subject?.kind ?? matter.audience?.[0] ?? 'person';
    try {
      return planMatter(matter, catalogue, kind);
    } catch {
      // A schema that cannot be walked (an unresolved $ref, a cycle): `validate` names where.
      this.#unusable = true;
      return undefined;
    }
  }

  #loadChecks(): void {
    const plan = this.#plan;
    if (!plan || this.#checks?.plan === plan) return;
    const whens = plan.materials.flatMap((m) => (m.material.when === undefined ? [] : [m.material.when]));
    if (whens.length === 0) {
      // evaluateMaterials asks the tester about `when`s only: with none, nothing is compiled.
      this.#checks = { plan, test: () => true };
      return;
    }
    const checks: WhenChecks = { plan };
    this.#checks = checks;
    loadMatterChecks(plan.schema).then(
      ({ test }) => {
        checks.test = test;
        this.#host.requestUpdate();
      },
      () => {
        checks.blocked = true;
        this.#host.requestUpdate();
      },
    );
  }

  /**
   * Asks the providers once per plan and subject; a change of either abandons the call in
   * flight. New `connectors` alone do not ask again (a host re-rendering `.connectors=${[…]}`
   * would otherwise call the gateway on every render), but the first ones do.
   */
  #ask(): void {
    const plan = this.#plan;
    const { subject, connectors } = this.#host;
    const wanted = plan && subject && connectors.length > 0 ? { plan, kind: subject.kind, id: subject.id } : undefined;
    const asked = this.#askedFor;
    if (wanted?.plan === asked?.plan && wanted?.kind === asked?.kind && wanted?.id === asked?.id) return;
    this.#asking?.abort();
    this.#asking = undefined;
    this.#answers = undefined;
    this.#askedFor = wanted;
    if (!wanted || !subject) return;
    const asking = new AbortController();
    this.#asking = asking;
    fetchProviders(materialsOnly(wanted.plan), {
      subject,
      connectors,
      consents: [],
      signal: asking.signal,
    }).then(
      (answers) => {
        if (this.#asking !== asking) return;
        this.#asking = undefined;
        this.#answers = answers;
        this.#host.requestUpdate();
      },
      // Rejects only when abandoned, for a newer call or a disconnect.
      () => undefined,
    );
  }

  render(): unknown {
    if (this.#unusable || this.#checks?.blocked)
      return html`<p part="unusable" role="alert">${say(materialsMessages.unusable, langOf(this.#host))}</p>`;
    if (!this.#plan) return nothing;
    const lang = langOf(this.#host);
    const checking = this.#asking !== undefined || this.#checks?.test === undefined;
    return html`${checking ? html`<p class="checking" part="checking" role="status">${say(materialsMessages.checkingAll, lang)}</p>` : nothing}
      <div aria-busy=${checking ? 'true' : 'false'}>
        ${renderMaterials({
          plan: this.#plan,
          entries: this.#entries,
          lang,
          controller: this.#uploads,
          idPrefix: 'material',
          checking,
        })}
      </div>`;
  }
}

const materialPlans = new WeakMap<MatterPlan, MatterPlan>();

/**
 * The plan with only what its materials need asked (data minimisation): each source they
 * name with no concepts, their licence types with no values, the archive for reusable ones.
 */
function materialsOnly(plan: MatterPlan): MatterPlan {
  let only = materialPlans.get(plan);
  if (!only) {
    const sources = new Set(plan.materials.flatMap((m) => m.sources));
    const types = new Set(plan.materials.flatMap((m) => m.licences));
    only = {
      ...plan,
      requests: {
        sources: new Map([...sources].map((id) => [id, []])),
        licences: { types: [...types], concepts: [] },
        archive: { concepts: [], materials: [...plan.requests.archive.materials] },
      },
    };
    materialPlans.set(plan, only);
  }
  return only;
}
