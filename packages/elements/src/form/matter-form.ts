import {
  adoptStyles,
  html,
  LitElement,
  nothing,
  type CSSResultGroup,
  type CSSResultOrNative,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  getAt,
  localize,
  type Catalogue,
  type Connector,
  type JsonSchema,
  type Locale,
  type MaterialEntry,
  type Matter,
  type PrecompiledMatterValidator,
  type Submission,
  type SubjectRef,
} from '@matterform/core';
import type { Archive } from '@matterform/archive';

import { matterEvent, type MatterErrorCode } from '../events.js';
import { isMatterDocument, unwrapPointer, unwrapValue, wrapValue } from './bare-schema.js';
import { FormState, type Commit, type FormStep, type Snapshot } from './form-state.js';
import { DeviceController } from './device-controller.js';
import type { FormShell } from './form-link.js';
import { LoadingController } from './loading-controller.js';
import { PrefillController } from './prefill-controller.js';
import { SubmitController } from './submit-controller.js';
import { renderActions } from './views/actions.js';
import { renderNotices } from './views/notices.js';
import { FieldEngine } from '../fields/engine.js';
import { formStyles } from './form-styles.js';
import { englishMissing, langOf, loadEnglish, localeOf, say } from '../i18n/say.js';
import { formMessages } from '../i18n/form.js';
import { tokens } from '../styles.js';
import { widgetRegistry } from '../widgets/defaults.js';
import type { WidgetRegistry } from '../widgets/widget.js';
import type { MaterialsController } from '../materials/materials-controller.js';
import { chunk } from '../chunk.js';

/** The form's later chunk (form/later.ts: materials, review, confirmation). */
const later = chunk(() => import('./later.js'));
type Later = NonNullable<typeof later.loaded>;

/** The subject as a host gives it: SPEC §1, with the sign-in token that is never stored. */
export type MatterSubject = SubjectRef & { token?: string };

export type ConsentMode = 'ask' | 'granted';

/** The gateway's acknowledgement of a submission. */
export interface Receipt {
  submission: Submission;
  reference: string;
  receivedAt: string;
}

/** What the form is doing, for what it draws. */
export type Phase =
  | 'empty'
  | 'loading'
  | 'consent'
  | 'filling'
  | 'ready'
  | 'submitting'
  /** Submitted into the outbox; the gateway has not acknowledged it yet. */
  | 'queued'
  | 'submitted'
  | 'failed';

export { widgetRegistry };

/**
 * The form a citizen or company fills in for one matter (SPEC §5): drawn from the matter's
 * JSON Schema, filled from licences, open data and earlier answers with the source of each
 * value shown, then materials, review and submit.
 *
 * @summary A government service form that fills itself.
 *
 * @fires {CustomEvent<MatterReadyDetail>} matter-ready - The matter is drawn. `{ matter: { id, version } }`
 * @fires {CustomEvent<MatterConsentDetail>} matter-consent - The person answered the consent panel. `{ given, refused }`
 * @fires {CustomEvent<MatterPrefillDetail>} matter-prefill - Values came from providers (again when a branch field is filled). `{ filled, conflicts, failed, invalid }`
 * @fires {CustomEvent<MatterInputDetail>} matter-input - The person changed a value. `{ pointer, value }`
 * @fires {CustomEvent<MatterStepDetail>} matter-step - Another step is shown. `{ index, id }`
 * @fires {CustomEvent<MatterSubmitDetail>} matter-submit - A submission is ready; cancel it to stop it being sent. `{ submission }`
 * @fires {CustomEvent<MatterSubmittedDetail>} matter-submitted - The gateway acknowledged it. `{ submission, reference, receivedAt }`
 * @fires {CustomEvent<MatterErrorDetail>} matter-error - Something went wrong. `{ code, message }`
 * @fires {CustomEvent<MatterMaterialsDetail>} matter-materials - The materials' statuses changed. `{ materials }`
 *
 * @csspart form - The whole form.
 * @csspart progress - The list of steps.
 * @csspart step-heading - The heading of the current step.
 * @csspart error-summary - The list of problems shown when the person tries to continue.
 * @csspart notice - Messages about filling (sources that failed, what was filled).
 * @csspart consent - The consent panel.
 * @csspart draft-offer - A draft saved on the device, offered back.
 * @csspart draft-conflict - Another tab's newer draft of the same form.
 * @csspart draft-misfits - Answers of an earlier draft that no longer fit the form.
 * @csspart keep-answers - The review step's "remember on this device" (an unset `archive`), holding `keep-sensitive` once ticked.
 * @csspart keep-sensitive - The review step's opt-in to keep sensitive answers on the device.
 * @csspart archived-copy - The archived document an `archive` material uses.
 * @csspart field - One field's wrapper (label, hint, error, control, badge).
 * @csspart label - A field's label or legend.
 * @csspart hint - A field's description or help text.
 * @csspart error-message - A field's error message.
 * @csspart input - A text input, select or textarea.
 * @csspart choices - A group of radios or checkboxes.
 * @csspart choice-input - One radio or checkbox.
 * @csspart badge - Where a prefilled value came from.
 * @csspart lock-note - Why a value cannot be changed here.
 * @csspart group - A nested object or array item (fieldset).
 * @csspart actions - The back / continue / submit buttons.
 * @csspart button - Every button.
 * @csspart review - The answers on the review step.
 * @csspart confirmation - What is shown after the application is received.
 * @csspart reference - The reference the gateway gave, on the confirmation.
 * @csspart conflicts - What other sources said where providers disagree.
 * @csspart materials - The list of materials.
 * @csspart material - One material.
 * @csspart material-not-applicable - A material that does not apply (its `when` is false).
 * @csspart material-onsite - A material to show in person.
 * @csspart material-licence - A material an electronic licence satisfies.
 * @csspart material-data - A material government data satisfies.
 * @csspart material-uploaded - A material the person uploaded.
 * @csspart material-archive - A material an archived copy on the device satisfies.
 * @csspart material-expired - A material whose licence or copy has expired.
 * @csspart material-missing - A material still to provide.
 * @csspart material-title - A material's name.
 * @csspart optional - "(选填)" / "(optional)" after an optional material's name.
 * @csspart status - A material's status badge: a symbol and the status in words.
 * @csspart status-icon - The symbol inside the badge.
 * @csspart detail - How a material was satisfied, why it is needed, or what to do.
 * @csspart template-link - The link to a blank or sample to download.
 * @csspart upload - The upload area of a material.
 * @csspart file-label - The label of a file input.
 * @csspart file-input - The native file input.
 * @csspart file-list - The chosen files of a material.
 * @csspart file - One chosen file.
 * @csspart file-preview - The thumbnail of a chosen image.
 * @csspart remove-button - The button removing one chosen file.
 *
 * @cssproperty --matter-color-text - Text colour.
 * @cssproperty --matter-color-muted - Secondary text.
 * @cssproperty --matter-color-border - Input borders.
 * @cssproperty --matter-color-surface - Input background.
 * @cssproperty --matter-color-subtle - Read-only and notice background.
 * @cssproperty --matter-color-accent - Buttons, links, current step.
 * @cssproperty --matter-color-focus - Focus ring.
 * @cssproperty --matter-color-error - Errors.
 * @cssproperty --matter-color-success - Badges and confirmation.
 * @cssproperty --matter-color-warning - Conflicts and failed sources.
 * @cssproperty --matter-space-1 - Smallest space (4px).
 * @cssproperty --matter-space-2 - Small space (8px).
 * @cssproperty --matter-space-3 - Space between fields (16px).
 * @cssproperty --matter-space-4 - Large space (24px).
 * @cssproperty --matter-radius - Corner radius.
 * @cssproperty --matter-font - Font family.
 * @cssproperty --matter-font-size - Base font size.
 * @cssproperty --matter-control-height - Height of inputs.
 * @cssproperty --matter-form-max-width - Widest the form grows.
 * @cssproperty --matter-input-max-width - Widest an input grows.
 * @cssproperty --matter-field-label-color - Label colour.
 * @cssproperty --matter-badge-color - Provenance badge text.
 * @cssproperty --matter-badge-background - Provenance badge background.
 * @cssproperty --matter-materials-gap - Space between materials.
 * @cssproperty --matter-material-background - Background of a material.
 * @cssproperty --matter-material-border-color - Border of a material.
 * @cssproperty --matter-material-done-color - Edge and badge of a satisfied material (licence, data, archive, uploaded).
 * @cssproperty --matter-material-onsite-color - Edge and badge of a material to show in person.
 * @cssproperty --matter-material-outstanding-color - Edge and badge of a material still to provide.
 * @cssproperty --matter-material-error-color - Edge, badge and messages of an expired or erroneous material.
 */
export class MatterForm extends LitElement {
  static formAssociated = true;

  static override properties = {
    matter: { attribute: false },
    schema: { attribute: false },
    catalogue: { attribute: false },
    subject: { attribute: false },
    connectors: { attribute: false },
    validators: { attribute: false },
    archive: { attribute: false },
    consent: { type: String },
    lang: { type: String, reflect: true },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    name: { type: String, reflect: true },
    src: { type: String },
    catalogueSrc: { type: String, attribute: 'catalogue-src' },
    validatorSrc: { type: String, attribute: 'validator-src' },
    gateway: { type: String },
    action: { type: String },
    widgets: { attribute: false },
    _phase: { state: true },
    _stepIndex: { state: true },
    _revision: { state: true },
  };

  // The materials' rules come with the later chunk (#loadLater adopts them).
  static override styles = [tokens, formStyles];

  /**
   * The archive of a form whose `archive` is not set: one `createArchive()` shared by the
   * page, made on first use. Set it to `false` to keep nothing on the device unless a form
   * is given an archive of its own.
   */
  static defaultArchive: Archive | false | undefined = undefined;

  readonly #internals: ElementInternals;
  /** The later chunk (form/later.ts) once it is here, and the materials' controller made from it. */
  #later?: Later;
  #materials?: MaterialsController;
  /** What the controllers and the later chunk share with the element (form/form-link.ts). */
  readonly #link: FormShell = {
    host: this,
    get materials() {
      return this.host.#materials;
    },
    get submitter() {
      return this.host.#submitter;
    },
    get prefill() {
      return this.host.#prefill;
    },
    summary: [],
    materialErrors: false,
    entries: [],
    entriesKey: '',
    state: () => this.#state,
    checks: () => this.#loading.checks,
    lang: () => this.#lang(),
    subject: () => this.subject ?? this.#prefill.resolved,
    fail: (code, message, show) => this.#fail(code, message, show),
    restored: (step, focus) => {
      this.#epoch++;
      this.#changed();
      this.#goTo(step, focus);
    },
    filled: () => {
      this.#changed(false);
      if (this.#state) this.#snapshot = this.#state.snapshot();
    },
    focus: (id) => (this.#focusAfterRender = id),
    goTo: (step, focus) => this.#goTo(step, focus),
    materialsChanged: () => {
      this.#submitter.changed();
      this.#scheduleFormValue();
      this.#device.saveDraft();
    },
    formValue: () => this.#updateFormValue(),
    disabled: () => this.#isDisabled(),
  };
  readonly #loading = new LoadingController(this.#link, (state) => this.#loaded(state));
  readonly #device = new DeviceController(this.#link);
  readonly #submitter = new SubmitController(this.#link, this.#device);
  readonly #prefill = new PrefillController(this.#link, this.#device, this.#submitter);
  #state?: FormState;
  /** What the host set as `value`, as it gave it (a bare schema's root may be any JSON value). */
  #hostValue?: unknown;
  #message?: { code: MatterErrorCode | 'info'; text: string };
  #formDisabled = false;
  /** The English of the entry's messages was asked for (once: a failure is told, not retried in a loop). */
  #askedEnglish = false;
  #focusAfterRender?: string;
  #snapshot?: Snapshot;
  #formValuePending = false;
  /** Resolves when the drawn state has its data validator (false: it could not have one). */
  #validated?: Promise<boolean>;
  /** Bumped whenever the data is replaced wholesale, so every field is drawn again. */
  #epoch = 0;
  /** Per field: bumped to redraw it although nothing it shows changed (an edit refused). */
  #redraw = new Map<string, number>();
  /** The fields on the page, by pointer, for redrawing one alone. */
  readonly #fields = new FieldEngine({
    element: this,
    edit: (pointer, value) => this.#edit(pointer, value),
    changed: (pointer) => this.#afterVerb(pointer),
    update: () => this._revision++,
    afterUpdate: (then) => void this.updateComplete.then(then),
    adopt: (styles) => this.#adopt(styles),
  });
  /** The step's top-level fields as this render drew them, and as they were placed last. */
  #stepFields: Node[] = [];
  #placedFields: Node[] = [];

  // `declare`d, not class fields: a field would hide lit's accessors (lit.dev/msg/class-field-shadowing).
  /** The matter to fill (SPEC §3), or load it from `src`. */
  declare matter?: Matter;
  /** A bare JSON Schema: shorthand for a matter holding only it (SPEC §5; form/bare-schema.ts). */
  declare schema?: JsonSchema;
  /** The catalogue the matter's concepts, sources and licences come from (SPEC §2), or `catalogue-src`. */
  declare catalogue?: Catalogue;
  /** The signed-in person or company and their token (never stored). */
  declare subject?: MatterSubject;
  /** Where licences, data and the archive are asked for (`httpConnector`, `staticConnector`); `gateway` gives one. */
  declare connectors?: Connector[];
  /** Precompiled validators by `<id>@<version>` (`matterform compile`), for pages without 'unsafe-eval'. */
  declare validators?: Record<string, PrecompiledMatterValidator>;
  /** An archive (`createArchive()`), or `false` to keep nothing on this device; unset: `MatterForm.defaultArchive`. */
  declare archive?: Archive | false;
  /** The widgets this form draws with: the shared registry of built-ins unless given its own. */
  declare widgets: WidgetRegistry;
  /** `ask` (the default): the consent panel comes first; `granted`: the host already asked. */
  declare consent: ConsentMode;
  /** zh-CN or en (or a registered pack); else the nearest ancestor's `lang`, else zh-CN. */
  declare lang: string;
  /** Shows the data without letting it be changed. */
  declare readonly: boolean;
  /** Disables the whole form (as a disabled `<fieldset>` around it does). */
  declare disabled: boolean;
  /** Inside a `<form>`: the name of its form value (the submission JSON and the uploads); the form then sends nothing itself. */
  declare name: string;
  /** The URL of the matter's JSON, or of a plain JSON Schema (told apart by its content). */
  declare src?: string;
  /** The URL of the catalogue's JSON. */
  declare catalogueSrc?: string;
  /** The URL of a module `matterform compile` wrote, holding the matter's precompiled validator. */
  declare validatorSrc?: string;
  /** The gateway's base URL (SPEC §6): the form asks it for licences, data and the archive. */
  declare gateway?: string;
  /** Where `submit()` sends the submission (the gateway's `/submissions`). */
  declare action?: string;
  declare _phase: Phase;
  declare _stepIndex: number;
  declare _revision: number;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.consent = 'ask';
    this.readonly = false;
    this.disabled = false;
    this.name = '';
    this.widgets = widgetRegistry;
    this._phase = 'empty';
    this._stepIndex = 0;
    this._revision = 0;
  }

  // ---------------------------------------------------------------------------------------
  // lifecycle

  override willUpdate(changed: PropertyValues<this>): void {
    const loading = this.#loading;
    if (changed.has('schema') && this.schema !== undefined) void loading.loadSchema(this.schema);
    if (changed.has('src') && this.src)
      void loading.fetchJson('src', this.src, (v) => {
        if (isMatterDocument(v)) this.matter = v;
        else this.schema = v as JsonSchema;
      });
    if (changed.has('catalogueSrc') && this.catalogueSrc)
      void loading.fetchJson('catalogue', this.catalogueSrc, (v) => (this.catalogue = v as Catalogue));
    if (changed.has('validatorSrc') && this.validatorSrc) void loading.importValidator(this.validatorSrc);
    if (changed.has('matter') || changed.has('catalogue') || changed.has('validators')) this.#load();
    else if (changed.has('subject') || changed.has('connectors') || changed.has('gateway')) void this.#subjectChanged();
    if (this._phase !== 'consent' && this.#link.wait === 'consentNeeded') this.#link.wait = undefined;
    // A form that came to speak en after it was drawn (or before it has a matter) is drawn
    // again once the English of its words is here.
    if (englishMissing(this.#lang()) && !this.#askedEnglish) {
      this.#askedEnglish = true;
      loadEnglish().then(
        () => {
          // Fields drawn meanwhile are kept by the engine until the epoch moves.
          this.#epoch++;
          this.requestUpdate();
        },
        (error: unknown) => this.#fail('load-failed', `english: ${(error as Error).message}`, 'notice'),
      );
    }
  }

  override update(changed: PropertyValues<this>): void {
    // Uploads change through the materials controller, which only asks for an update.
    this.#later?.refreshMaterials(this.#link);
    const state = this.#state;
    if (state)
      this.#fields.begin(state, this.#lang(), {
        widgets: this.widgets,
        readonly: this.readonly,
        disabled: this.#isDisabled(),
        serverErrors: this.#submitter.errors,
        epoch: this.#epoch,
        redraws: this.#redraw,
      });
    this.#stepFields = [];
    super.update(changed);
    this.#placeStepFields();
    if (state) this.#fields.end();
  }

  override updated(): void {
    if (this.#focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${this.#focusAfterRender}`);
      this.#focusAfterRender = undefined;
      if (target) {
        target.focus();
        target.scrollIntoView?.({ block: 'center' });
      }
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const subject = this.#link.subject();
    if (this.#state && subject) void this.#submitter.startCourier(subject);
  }

  /** Native form reset: back to the values after loading and prefill. */
  formResetCallback(): void {
    const state = this.#state;
    if (!state || !this.#snapshot) return;
    state.reset(this.#snapshot);
    this.#link.summary = [];
    this.#materials?.reset();
    // The person cleared the form: the draft of what they had typed goes too.
    void this.#device.drafts?.discard();
    this.#epoch++;
    this.#changed();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------
  // loading

  /** Loads the matter (again, with `again`: the plan depends on the kind of subject), unless it is drawn already. */
  #load(again = false): void {
    this.#loading.load(again);
  }

  /** A new state for a new matter (or version, or kind of subject): drawn, then prefilled. */
  #loaded(state: FormState): void {
    // Here already (another form fetched it): taken now, so its styles are in before the fields are drawn.
    if (later.loaded) this.#takeLater(later.loaded);
    const previous = this.#state;
    if (previous && previous.matter.id === state.matter.id) state.keepTyped(previous);
    else if (this.#hostValue !== undefined) state.setHostValue(wrapValue(state.matter, this.#hostValue));
    this.#state = state;
    this.#materials?.reset();
    this.#prefill.reset();
    this.#submitter.reset();
    this.#message = undefined;
    this.#link.summary = [];
    this._stepIndex = 0;
    state.settle();
    this.#changed(false);
    this.#snapshot = state.snapshot(true);
    this._phase = 'ready';
    void this.#ready(state);
  }

  /**
   * `matter-ready` once the data validator and the later chunk are here too (its materials,
   * review and confirmation), then the prefill: the first step is drawn meanwhile, and nothing
   * after it waits.
   */
  async #ready(state: FormState): Promise<void> {
    if (this.subject || this.gateway || this.connectors) void this.#prefill.load();
    const waited = state.pending;
    const validated = this.#loading.validate(state);
    this.#validated = validated;
    // A form value (`name`) is built by the submission's chunk: here by then too.
    const forFormValue = this.name ? this.#submitter.load().catch(() => undefined) : undefined;
    const [valid] = await Promise.all([validated, this.#loadLater(), forFormValue]);
    if (this.#state !== state || !valid) return;
    if (waited) {
      // Judged now that the validator is here (drawn before it, the form was "not yet valid").
      this.#checkAgain();
      this._revision++;
    }
    const { id, version } = state.matter;
    this.dispatchEvent(matterEvent('matter-ready', { matter: { id, version } }));
    void this.#subjectChanged();
  }

  /**
   * The later chunk, fetched once per page and adopted once per form: its controller of the
   * materials and their styles. A chunk that cannot be fetched fails what needs it, with a
   * notice, never the form already drawn (SPEC §9).
   */
  async #loadLater(): Promise<Later | undefined> {
    if (this.#later) return this.#later;
    try {
      const module = await later();
      if (!this.#later) {
        this.#takeLater(module);
        this.requestUpdate();
      }
      return this.#later;
    } catch (error) {
      this.#fail('load-failed', `later: ${(error as Error).message}`, 'notice');
      return undefined;
    }
  }

  /** The later chunk's controller of the materials, and its styles adopted (before the first render when it is here already). */
  #takeLater(module: Later): void {
    if (this.#later) return;
    this.#later = module;
    this.#materials = new module.MaterialsController(this);
    this.#adopt([module.materialsStyles, module.laterStyles]);
  }

  #subjectChanged(): Promise<void> {
    return this.#prefill.subjectChanged(() => this.#load(true));
  }

  // ---------------------------------------------------------------------------------------
  // changes

  #edit(pointer: string, value: unknown): void {
    const state = this.#state;
    if (!state || this.readonly || this.#isDisabled()) return;
    if (!state.edit(pointer, value)) {
      // Refused (a locked value): put it back in the box.
      this.#redraw.set(pointer, (this.#redraw.get(pointer) ?? 0) + 1);
      this._revision++;
      return;
    }
    this.#committed(state, state.commit(pointer), true);
  }

  /**
   * What follows every change the person makes, once the state has taken it: the submission
   * is another, the gateway's word on that field goes, `matter-input`, validity, and a redraw
   * — of the field alone when `alone` and nothing else on the page can have changed.
   */
  #committed(state: FormState, commit: Commit, alone = false): void {
    const { pointer, placed } = commit;
    this.#submitter.changed(pointer);
    this.#input(state, pointer, commit.value);
    this.#checked();
    if (placed.length > 0 || !alone || !this.#redrawAlone(state, pointer, commit)) this._revision++;
    if (placed.length > 0) this.#prefill.announce(placed);
  }

  /**
   * Redraws the edited field alone when nothing else on the page can have changed: no
   * branches that could show or hide fields, no summary or gateway errors on screen, the
   * other fields' shown errors and the materials as they were. False: render everything.
   */
  #redrawAlone(state: FormState, pointer: string, commit: Commit): boolean {
    if (state.plan.hasBranches || this.#link.summary.length > 0 || this.#submitter.errors.length > 0) return false;
    if (commit.othersChanged()) return false;
    const materials = this.#link.entriesKey;
    this.#later?.refreshMaterials(this.#link);
    if (this.#link.entriesKey !== materials) return false;
    return this.#fields.redraw(pointer);
  }

  /** `matter-input`, its pointer into the data as the host sees it (a bare schema's root unwrapped). */
  #input(state: FormState, pointer: string, value: unknown): void {
    this.dispatchEvent(matterEvent('matter-input', { pointer: unwrapPointer(state.matter, pointer), value }));
  }

  /** Validity, materials and the form value follow every change. */
  #changed(render = true): void {
    if (!render) this.#epoch++;
    this.#checkAgain();
    if (render) this._revision++;
  }

  /** Validity and the form value, without drawing. */
  #checkAgain(): void {
    this.#state?.validate();
    this.#checked();
  }

  /** The form's validity, summary, form value and draft follow the state's last judgement. */
  #checked(): void {
    const state = this.#state;
    if (!state) return;
    const result = state.result;
    if (this.#link.summary.length > 0) this.#link.summary = state.shownErrors();
    // The first problem's words are filled in when validity is asked for (checkValidity).
    if (result.valid) this.#internals.setValidity({});
    else this.#internals.setValidity({ customError: true }, say(formMessages.problem, this.#lang()));
    this.#scheduleFormValue();
    this.#device.saveDraft();
  }

  #scheduleFormValue(): void {
    if (!this.name || this.#formValuePending) return;
    // Once for a run of changes: the submission is rebuilt from the whole data. (Not
    // requestAnimationFrame or a timer: those stall in a background tab.)
    this.#formValuePending = true;
    queueMicrotask(() => {
      this.#formValuePending = false;
      void this.#updateFormValue();
    });
  }

  async #updateFormValue(): Promise<void> {
    if (!this.name || !this.#state) return;
    // At once when the submission's chunk is here (a form with a name fetches it with its matter).
    const work = this.#submitter.work ?? (await this.#submitter.load().catch(() => undefined));
    const value = this.name && work?.formValue(this.#submitter, this.name, this.#link.entries, this.#prefill.consents);
    if (value) this.#internals.setFormValue(value);
  }

  // ---------------------------------------------------------------------------------------
  // steps and validation

  #goTo(index: number, focus?: string): void {
    const state = this.#state;
    if (!state) return;
    const bounded = Math.max(0, Math.min(index, state.steps.length - 1));
    if (bounded !== this._stepIndex) {
      this._stepIndex = bounded;
      const step = state.steps[bounded] as (typeof state.steps)[number];
      this.dispatchEvent(matterEvent('matter-step', { index: bounded, id: step.id }));
      this.#device.saveDraft();
    }
    this.#focusAfterRender = focus ?? 'matter-step-heading';
  }

  #continue(): void {
    const state = this.#state;
    if (!state || this.#later?.notYet(this.#link, false)) return;
    const later = this.#later;
    // Pressed in the moment before the validator or the later chunk is here: judged as soon as they are.
    if (state.pending || !later) {
      void Promise.all([this.#validated, this.#loadLater()]).then(
        ([valid, here]) => valid && here && this.#state === state && this.#continue(),
      );
      return;
    }
    later.continueFrom(this.#link, state);
  }

  #back(): void {
    this.#link.summary = [];
    this.#goTo(this._stepIndex - 1);
  }

  /** Judges the data against the schema across all steps (materials don't count); fires `invalid` when not valid. */
  checkValidity(): boolean {
    const state = this.#state;
    if (!state) return false;
    this.#changed(false);
    const first = state.result.errors[0];
    if (first) this.#internals.setValidity({ customError: true }, say(first.message, this.#lang()));
    return this.#internals.checkValidity();
  }

  /**
   * Like `checkValidity`, and shows the problems with the error summary focused (the summary
   * comes with the later chunk: here before the validator is, unless it could not be fetched).
   */
  reportValidity(): boolean {
    const valid = this.checkValidity();
    const state = this.#state;
    if (!valid && state) this.#later?.reportProblems(this.#link, state);
    return valid;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get type(): string {
    return 'matter-form';
  }

  // ---------------------------------------------------------------------------------------
  // value and materials

  /**
   * The data (SPEC §5): a copy; setting it marks every value in it as set by the host. For a
   * bare schema whose root is not an object, the root value itself (an array, a string …).
   */
  get value(): Record<string, unknown> {
    const state = this.#state;
    return structuredClone(state ? unwrapValue(state.matter, state.data) : (this.#hostValue ?? {})) as Record<
      string,
      unknown
    >;
  }

  set value(value: Record<string, unknown> | undefined) {
    this.#hostValue = structuredClone(value);
    const state = this.#state;
    if (!state) return;
    const locked = state.setHostValue(wrapValue(state.matter, this.#hostValue));
    state.settle();
    // What a form reset returns to keeps the host's values, whenever the prefill comes.
    this.#snapshot = state.snapshot();
    this.#epoch++;
    this.#changed();
    // Not silently: the host learns which of its values were refused.
    if (locked[0]) {
      const message = `Kept locked: ${locked.join(', ')}`;
      this.dispatchEvent(matterEvent('matter-error', { code: 'locked-field', message, pointers: locked }));
    }
  }

  get materials(): MaterialEntry[] {
    return structuredClone(this.#link.entries);
  }

  get materialsComplete(): boolean {
    return this.#state && this.#later ? this.#later.materialsComplete(this.#state.plan, this.#link.entries) : false;
  }

  // ---------------------------------------------------------------------------------------
  // the archive on this device: drafts, kept answers and documents, the outbox

  // ---------------------------------------------------------------------------------------
  // submit

  /** Asks every provider again (SPEC §5), after the consent panel when it is needed. */
  prefill(): Promise<void> {
    return this.#prefill.prefill();
  }

  /**
   * Checks everything, then sends the submission to `action` (SPEC §6) and resolves with the
   * acknowledgement; without `action` (or with a `name`, inside a form) it resolves with the
   * submission for the host to send.
   */
  submit(): Promise<Receipt | Submission> {
    // One at a time: a second call while one is sending gets the same answer, and sends nothing.
    return this.#submitter.once(() => this.#submit());
  }

  async #submit(): Promise<Receipt | Submission> {
    const state = this.#state;
    if (!state) throw this.#fail('load-failed', 'The form has no matter yet.');
    if (state.pending && !(await this.#validated))
      throw this.#fail('matter-invalid', 'The answers could not be checked: the form has no validator.', false);
    const later = await this.#loadLater();
    if (!later) throw this.#fail('load-failed', 'The answers could not be checked: the form could not load its code.');
    return later.submitForm(this.#link, state);
  }

  /**
   * `matter-error`, and the error to throw. `show`: the form says it too — in place of the form
   * when it cannot go on, else (`'notice'`, and for failures of one action) as a notice above it.
   */
  #fail(code: MatterErrorCode, message: string, show: boolean | 'notice' = true): Error {
    if (show) {
      this.#message = { code, text: message };
      if (show !== 'notice' && code !== 'submit-failed' && code !== 'unauthorized' && code !== 'storage-quota')
        this._phase = 'failed';
      this._revision++;
    }
    this.dispatchEvent(matterEvent('matter-error', { code, message }));
    const error = new Error(message) as Error & { code: MatterErrorCode };
    error.code = code;
    return error;
  }

  #isDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  #lang(): Locale {
    // The property first: lit reflects it to the attribute only after this render.
    return this.lang ? localeOf(this.lang) : langOf(this);
  }

  // ---------------------------------------------------------------------------------------
  // drawing

  /** The steps the form adds are titled by its messages, so a host's message pack names them too. */
  #stepTitle(step: FormStep, index: number, lang: Locale): string {
    const fields = this.#state?.fieldSteps ?? 0;
    if (index < fields) return localize(step.title, lang);
    return say(index === fields ? formMessages.materials : formMessages.reviewStep, lang);
  }

  override render(): TemplateResult {
    const lang = this.#lang();
    const state = this.#state;
    const phase = this._phase;
    if (phase === 'failed' && this.#message) {
      return html`<div class="form" part="form">
        <p class="notice warning" part="notice" role="alert">
          ${say(formMessages.loadFailed, lang, { message: this.#message.text })}
        </p>
      </div>`;
    }
    if (!state) return html`<div class="form" part="form" aria-busy="true"></div>`;
    const receipt = this.#submitter.receipt;
    const later = this.#later;
    if (phase === 'submitted' && receipt && later) return later.renderSubmitted(this.#link, state, receipt, lang);
    const index = this._stepIndex;
    const step = state.steps[index] as FormStep;
    const wait = this.#link.wait;
    const detail = this.#prefill.detail;
    // One step (a bare schema's form): its heading is the form's, with no list of steps.
    const single = state.steps.length === 1;
    const title = this.#stepTitle(step, index, lang);
    const heading = single
      ? html`<h2 id="matter-step-heading" part="step-heading" tabindex="-1">${title}</h2>`
      : html`<h3 id="matter-step-heading" part="step-heading" tabindex="-1">${title}</h3>`;
    const caption = say(formMessages.stepOf, lang, { n: index + 1, total: state.steps.length });
    return html`<div class="form" part="form" aria-busy=${phase === 'filling' ? 'true' : 'false'}>
      ${
        single
          ? nothing
          : html`<h2>${localize(state.matter.title, lang)}</h2>
              <ol class="progress" part="progress" aria-label=${say(formMessages.steps, lang)}>
                ${state.steps.map(
                  (s, i) =>
                    html`<li class=${i < index ? 'done' : ''} aria-current=${i === index ? 'step' : nothing}>
                      ${this.#stepTitle(s, i, lang)}
                    </li>`,
                )}
              </ol>`
      }
      ${renderNotices(
        {
          filling: phase === 'filling',
          // A prefill ran in its chunk: here whenever there is something to tell of it.
          prefill:
            this.#prefill.work?.renderPrefillNotices(
              state.plan,
              detail,
              phase === 'ready' && index === 0 ? detail.filled.length : 0,
              lang,
            ) ?? nothing,
          alert: this.#message?.text,
          wait: later?.waitNotice(this.#link),
          notes: this.#submitter.notes,
        },
        lang,
      )}
      ${this.#device.view?.renderDeviceNotices(this.#device, lang) ?? nothing}
      ${later?.renderProblems(this.#link, state, lang) ?? nothing}
      ${
        phase === 'consent'
          ? (this.#prefill.work?.renderConsent(state.plan, this.#prefill, wait === 'consentNeeded', lang) ?? nothing)
          : nothing
      }
      <section aria-labelledby="matter-step-heading">
        ${single ? nothing : html`<p class="step-caption">${caption}</p>`}${heading}
        ${
          step.id === 'materials' || step.id === 'review'
            ? (later?.renderLaterStep(this.#link, state, step.id, lang) ??
              html`<div class="later" aria-busy="true"></div>`)
            : this.#renderFieldsStep(state, step.pointers)
        }
      </section>
      ${renderActions(
        {
          first: index === 0,
          last: index === state.steps.length - 1,
          readonly: this.readonly,
          disabled: this.#isDisabled(),
          submitting: phase === 'submitting',
          back: () => this.#back(),
          next: () => this.#continue(),
          submit: () => this.#later?.notYet(this.#link, true) || void this.submit().catch(() => undefined),
        },
        lang,
      )}
    </div>`;
  }

  /** The step's fields come from the field engine; #placeStepFields puts them in once lit's part is in. */
  #renderFieldsStep(state: FormState, pointers: readonly string[]): typeof nothing {
    this.#stepFields = this.#fields.drawStep(pointers, state.steps[state.fieldSteps - 1]?.pointers === pointers);
    return nothing;
  }

  /**
   * Puts the step's fields at the end of its section after lit has put its own part of the
   * page in. lit would insert them into its template's fragment and that fragment into the
   * page: each insert walks every node of a long form again. Fields that stay are not moved,
   * so the one being typed in keeps its focus.
   */
  #placeStepFields(): void {
    const nodes = this.#stepFields;
    const before = this.#placedFields;
    const kept = new Set(nodes);
    for (const node of before) if (!kept.has(node)) (node as ChildNode).remove();
    this.#placedFields = nodes;
    if (nodes.length === 0) return;
    const section = this.renderRoot.querySelector('section[aria-labelledby="matter-step-heading"]');
    if (!section) return;
    let cursor: Node | null = before.find((node) => node.parentNode === section) ?? null;
    for (const node of nodes)
      if (node === cursor) cursor = cursor.nextSibling;
      else section.insertBefore(node, cursor);
  }

  /** After a verb of the state (a list, an extra key, a choice): tell the host, settle, check, draw. */
  #afterVerb(pointer: string): void {
    const state = this.#state;
    if (!state) return;
    this.#submitter.changed();
    this.#input(state, pointer, structuredClone(getAt(state.data, pointer)));
    state.settle();
    this.#changed();
  }

  /** The styles a widget brings, added to the shadow root's once. */
  #adopt(styles: CSSResultGroup): void {
    const root = this.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    // lit's own way: constructable sheets, else `<style>` elements (adoptStyles appends those).
    // Where it adopts sheets it replaces the root's, whose array is live: keep a copy of the
    // form's own and put them first again.
    const own = [...root.adoptedStyleSheets];
    adoptStyles(root, ([styles] as unknown[]).flat(4) as CSSResultOrNative[]);
    const added = root.adoptedStyleSheets.filter((sheet) => !own.includes(sheet));
    root.adoptedStyleSheets = [...own, ...added];
  }
}
