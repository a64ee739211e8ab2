import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import {
  fetchProviders,
  loadMatterChecks,
  planMatter,
  type Catalogue,
  type ConditionTester,
  type Connector,
  type MaterialEntry,
  type Matter,
  type MatterPlan,
  type ProviderAnswers,
  type SubjectKind,
  type SubjectRef,
} from '@matterform/core';
import { langOf, say } from '../i18n/say.js';
import { materialsMessages } from '../i18n/materials.js';
import { MaterialsController, type UploadedFile } from './materials-controller.js';
import { materialsStyles, renderMaterials } from './materials-view.js';
import { tokens } from '../styles.js';

export interface MatterMaterialsDetail {
  /** The material entries (SPEC §3.3), the same array as the element's `materials`. */
  materials: MaterialEntry[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'matter-materials': CustomEvent<MatterMaterialsDetail>;
  }
}

interface WhenChecks {
  plan: MatterPlan;
  test?: ConditionTester;
  blocked?: boolean;
}

/**
 * The materials list of one matter on its own (SPEC §5): what is already provided by an
 * electronic licence, government data or the archive, and an upload for the rest.
 *
 * With a `subject` and `connectors`, the providers the materials name are asked once per
 * matter and subject: the licence types and sources listed by materials (sources with no
 * concepts, licences with none of their values) and the archive for reusable ones. There is
 * no consent panel here, so **sources with `consent: true` are never called**: materials
 * that only they could satisfy take an upload. New `connectors` alone do not ask again. A
 * new subject forgets the uploads.
 *
 * `lang` is read from the element or its nearest ancestor; only the element's own `lang`
 * attribute is watched for changes.
 *
 * @summary The materials of a matter: how each is satisfied, and uploads for the rest.
 *
 * @fires {CustomEvent<MatterMaterialsDetail>} matter-materials - `{ materials }` whenever the entries change (not while providers are being asked).
 *
 * @csspart checking - "checking your licences…" while providers are being asked.
 * @csspart unusable - the message shown when the matter cannot be planned.
 * @csspart materials - the list of materials.
 * @csspart material - one material; also `material-<status>`, e.g. `material-missing`.
 * @csspart material-title - a material's name.
 * @csspart optional - "(选填)" / "(optional)" after an optional material's name.
 * @csspart status - the status badge: a symbol and the status in words.
 * @csspart status-icon - the symbol inside the badge.
 * @csspart detail - how it was satisfied, why it is needed, or what to do.
 * @csspart template-link - the link to a blank or sample to download.
 * @csspart upload - the upload area of a material.
 * @csspart file-label - the label of a file input.
 * @csspart hint - accepted types and limits; "checking the files…".
 * @csspart file-input - the native file input.
 * @csspart file-list - the chosen files of a material.
 * @csspart file - one chosen file.
 * @csspart file-preview - the thumbnail of a chosen image.
 * @csspart remove-button - the button removing one chosen file.
 * @csspart error-message - one error message.
 *
 * @cssproperty --matter-materials-gap - Space between materials.
 * @cssproperty --matter-material-background - Background of a material.
 * @cssproperty --matter-material-border-color - Border of a material.
 * @cssproperty --matter-material-done-color - Edge and badge of a satisfied material (licence, data, archive, uploaded).
 * @cssproperty --matter-material-onsite-color - Edge and badge of a material to show in person.
 * @cssproperty --matter-material-outstanding-color - Edge and badge of a material still to provide.
 * @cssproperty --matter-material-error-color - Edge, badge and messages of an expired or erroneous material.
 * @cssproperty --matter-color-text - Text.
 * @cssproperty --matter-color-muted - Secondary text.
 * @cssproperty --matter-color-accent - Links and buttons.
 * @cssproperty --matter-color-focus - Focus ring.
 * @cssproperty --matter-font - Font family.
 */
export class MatterMaterials extends LitElement {
  static override properties = {
    matter: { attribute: false },
    catalogue: { attribute: false },
    subject: { attribute: false },
    connectors: { attribute: false },
    value: { attribute: false },
    today: { attribute: false },
  };

  static override styles = [
    tokens,
    materialsStyles,
    css`
      .checking {
        margin: 0 0 var(--_matter-space-3);
        color: var(--_matter-color-muted);
      }
    `,
  ];

  /** `lang` keeps its native property; watching its attribute re-renders the text. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  readonly #uploads = new MaterialsController(this);
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

  /** The matter (SPEC §3). */
  declare matter: Matter | undefined;
  /** The catalogue its licences and sources come from. */
  declare catalogue: Catalogue | undefined;
  /** The applicant (SPEC §1); without one nothing is asked and every material takes an upload. */
  declare subject: SubjectRef | undefined;
  /** How providers are reached (SPEC §5), e.g. `[httpConnector({ gateway })]`. */
  declare connectors: readonly Connector[];
  /** The form's data, for the materials' `when`. Never reflected. */
  declare value: unknown;
  /** `YYYY-MM-DD`, the day licences and archived copies must be valid on; default today (UTC). */
  declare today: string | undefined;

  constructor() {
    super();
    this.matter = undefined;
    this.catalogue = undefined;
    this.subject = undefined;
    this.connectors = [];
    this.value = undefined;
    this.today = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A call abandoned on disconnect is made again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#asking) {
      this.#asking.abort();
      this.#asking = undefined;
      this.#askedFor = undefined;
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('subject')) {
      const before = changed.get('subject');
      if (before && before.id !== this.subject?.id) this.#uploads.reset();
    }
    this.#plan = this.#planned();
    this.#ask();
    this.#loadChecks();
    const test = this.#checks?.test;
    const entries =
      this.#plan && test
        ? this.#uploads.entries({
            plan: this.#plan,
            data: this.value,
            answers: this.#answers,
            test,
            ...(this.today === undefined ? {} : { today: this.today }),
          })
        : [];
    // Kept while nothing changed, so `materials` stays the array the last event carried.
    if (JSON.stringify(entries) !== JSON.stringify(this.#entries)) this.#entries = entries;
  }

  override updated(): void {
    if (!this.#plan || this.#asking || !this.#checks?.test) return;
    const snapshot = JSON.stringify(this.#entries);
    if (snapshot === this.#announced) return;
    this.#announced = snapshot;
    this.dispatchEvent(
      new CustomEvent('matter-materials', { bubbles: true, composed: true, detail: { materials: this.#entries } }),
    );
  }

  #planned(): MatterPlan | undefined {
    this.#unusable = false;
    if (!this.matter || !this.catalogue) return undefined;
    const kind: SubjectKind = this.subject?.kind ?? this.matter.audience?.[0] ?? 'person';
    try {
      return planMatter(this.matter, this.catalogue, kind);
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
        this.requestUpdate();
      },
      () => {
        checks.blocked = true;
        this.requestUpdate();
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
    const subject = this.subject;
    const connectors = this.connectors;
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
        this.requestUpdate();
      },
      // Rejects only when abandoned, for a newer call or a disconnect.
      () => undefined,
    );
  }

  /** The material entries (SPEC §3.3) as last drawn; `await el.updateComplete` after a change. */
  get materials(): MaterialEntry[] {
    return this.#entries;
  }

  /** The uploaded files of the materials that are `uploaded`, each with its SHA-256 (its part name in a submission). */
  files(): UploadedFile[] {
    return this.#uploads.files(this.#entries);
  }

  override render() {
    if (this.#unusable || this.#checks?.blocked)
      return html`<p part="unusable" role="alert">${say(materialsMessages.unusable, langOf(this))}</p>`;
    if (!this.#plan) return nothing;
    const lang = langOf(this);
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
