import { html, LitElement, type PropertyValues } from 'lit';
import type { Catalogue, Connector, MaterialEntry, Matter, SubjectRef } from '@matterform/core';
import { tokens } from '../styles.js';
import type { UploadedFile } from './materials-controller.js';
import type { MaterialsWork } from './materials-work.js';

// Everything but the element's shell — the plan, asking the providers, the uploads, the words
// and the drawing — is a chunk of its own (SPEC §9's budget): fetched when the element first
// connects.
const workModule = () => import('./materials-work.js');

export interface MatterMaterialsDetail {
  /** The material entries (SPEC §3.3), the same array as the element's `materials`. */
  materials: MaterialEntry[];
}

declare global {
  interface GlobalEventHandlersEventMap {
    'matter-materials': CustomEvent<MatterMaterialsDetail>;
  }
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

  // Its own rules come with its chunk (materials-work.ts adopts them): the bundle's entry stays small.
  static override styles = tokens;

  /** `lang` keeps its native property; watching its attribute re-renders the text. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** The chunk's work, once it is here; null when it could not be loaded. */
  #work?: MaterialsWork | null;

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
    if (this.#work === undefined) void this.#load();
    // A call abandoned on disconnect is made again.
    else if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#work?.disconnected();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  async #load(): Promise<void> {
    this.#work = null;
    try {
      const module = await workModule();
      this.#work = new module.MaterialsWork(this);
    } catch (error) {
      this.#work = undefined;
      const message = `materials-work: ${(error as Error).message}`;
      this.dispatchEvent(
        new CustomEvent('matter-error', { bubbles: true, composed: true, detail: { code: 'load-failed', message } }),
      );
    }
    this.requestUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#work?.willUpdate(changed);
  }

  override updated(): void {
    this.#work?.updated();
  }

  /** The material entries (SPEC §3.3) as last drawn; `await el.updateComplete` after a change. */
  get materials(): MaterialEntry[] {
    return this.#work?.entries ?? [];
  }

  /** The uploaded files of the materials that are `uploaded`, each with its SHA-256 (its part name in a submission). */
  files(): UploadedFile[] {
    return this.#work?.files() ?? [];
  }

  override render(): unknown {
    // Until the chunk is here: checking (its words come with the chunk), the list busy.
    return this.#work
      ? this.#work.render()
      : html`<p class="checking" part="checking" role="status"></p>
          <div aria-busy="true"></div>`;
  }
}
