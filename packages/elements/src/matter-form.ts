import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  blockingMaterials,
  canAddItem,
  getAt,
  joinPointer,
  itemSchemaAt,
  listRules,
  mergedSchema,
  newItemValue,
  objectSchemaOf,
  localize,
  materialsComplete,
  todayOf,
  type Catalogue,
  type Connector,
  type FieldError,
  type FieldInfo,
  type JsonSchemaObject,
  type Locale,
  type MaterialEntry,
  type Matter,
  type PrecompiledMatterValidator,
  type Provenance,
  type Submission,
  type SubjectRef,
} from '@matterform/core';
import type { Archive } from '@matterform/archive';

import { matterEvent, type MatterErrorCode } from './events.js';
import { FormState, within, type Commit, type FormStep, type Snapshot } from './form-state.js';
import { DeviceController } from './form/device-controller.js';
import type { FormLink } from './form/form-link.js';
import { LoadingController } from './form/loading-controller.js';
import { PrefillController } from './form/prefill-controller.js';
import { SubmitController } from './form/submit-controller.js';
import { renderActions } from './form/views/actions.js';
import { renderConfirmation } from './form/views/confirmation.js';
import { renderConsent } from './form/views/consent.js';
import { renderMaterialsStep } from './form/views/materials-step.js';
import { renderNotices } from './form/views/notices.js';
import { renderReview } from './form/views/review.js';
import { renderSummary, type SummaryItem } from './form/views/summary.js';
import { FieldSlots, type Drawing } from './field-slots.js';
import { drawField, drawGroup, hintBlock, type FieldNote } from './field-view.js';
import { fixedList } from './fixed-list.js';
import { formStyles } from './form-styles.js';
import { ERROR_PREFIX, formatDate, langOf, localeOf, say } from './i18n/say.js';
import { formMessages } from './i18n/form.js';
import { MaterialsController } from './materials-controller.js';
import { materialsStyles } from './materials-view.js';
import { renderAddEntry } from './extra-entries.js';
import { renderChoice } from './alternatives.js';
import { idFor, optionsOf, providerKeeper, providerName, readableValue, schemaText } from './present.js';
import { tokens } from './styles.js';
import { builtinWidgets } from './widgets/basic.js';
import { regionStyles, regionWidget } from './widgets/region.js';
import { WidgetRegistry, type WidgetContext, type WidgetOption } from './widget.js';

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

/** The materials step is always the one before the review step, the last (FormState's steps). */
const MATERIALS_FROM_END = 2;

/** The registry every `<matter-form>` draws with; a host adds its own widgets here. */
export const widgetRegistry = new WidgetRegistry();
for (const widget of [...builtinWidgets, regionWidget]) widgetRegistry.register(widget);

/**
 * The form a citizen or company fills in for one matter (SPEC §5): drawn from the matter's
 * JSON Schema, filled from licences, open data and earlier answers with the source of each
 * value shown, then materials, review and submit.
 *
 * @summary A government service form that fills itself.
 *
 * @fires matter-ready - The matter is drawn. `{ matter: { id, version } }`
 * @fires matter-consent - The person answered the consent panel. `{ given, refused }`
 * @fires matter-prefill - Values came from providers (again when a branch field is filled). `{ filled, conflicts, failed, invalid }`
 * @fires matter-input - The person changed a value. `{ pointer, value }`
 * @fires matter-step - Another step is shown. `{ index, id }`
 * @fires matter-submit - A submission is ready; cancel it to stop it being sent. `{ submission }`
 * @fires matter-submitted - The gateway acknowledged it. `{ submission, reference, receivedAt }`
 * @fires matter-error - Something went wrong. `{ code, message }`
 * @fires matter-materials - The materials' statuses changed. `{ materials }`
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
 */
export class MatterForm extends LitElement {
  static formAssociated = true;

  static override properties = {
    matter: { attribute: false },
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
    _phase: { state: true },
    _stepIndex: { state: true },
    _revision: { state: true },
  };

  static override styles = [tokens, formStyles, materialsStyles, regionStyles];

  /**
   * The archive of a form whose `archive` is not set: one `createArchive()` shared by the
   * page, made on first use. Set it to `false` to keep nothing on the device unless a form
   * is given an archive of its own.
   */
  static defaultArchive: Archive | false | undefined = undefined;

  readonly #internals: ElementInternals;
  /** What the controllers share with the element (form/form-link.ts). */
  readonly #link: FormLink = {
    host: this,
    materials: new MaterialsController(this),
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
  };
  readonly #materials = this.#link.materials;
  readonly #loading = new LoadingController(this.#link, (state) => this.#loaded(state));
  readonly #device = new DeviceController(this.#link);
  readonly #submitter = new SubmitController(this.#link, this.#device);
  readonly #prefill = new PrefillController(this.#link, this.#device, this.#submitter);
  #state?: FormState;
  #hostValue?: Record<string, unknown>;
  #entries: MaterialEntry[] = [];
  #entriesKey = '';
  #summary: FieldError[] = [];
  #showMaterialErrors = false;
  #message?: { code: MatterErrorCode | 'info'; text: string };
  #formDisabled = false;
  #focusAfterRender?: string;
  #snapshot?: Snapshot;
  #formValuePending = false;
  /** Why the last press of Continue or Submit did nothing yet. */
  #wait?: 'consentNeeded' | 'stillSending' | 'stillFilling';
  /** Bumped whenever the data is replaced wholesale, so every field is drawn again. */
  #epoch = 0;
  /** Per field: bumped to redraw it although nothing it shows changed (an edit refused). */
  #redraw = new Map<string, number>();
  /** The fields on the page, by pointer, for redrawing one alone. */
  readonly #fields = new FieldSlots();
  /** The step's top-level fields as this render drew them, and as they were placed last. */
  #stepFields: { plain: boolean; nodes: Node[] } = { plain: false, nodes: [] };
  #placedFields: Node[] = [];
  /** Per object, the name of an entry the person last tried to add and the schema refused. */
  #refusedEntry = new Map<string, string>();

  // `declare`d, not class fields: a field would hide lit's accessors (lit.dev/msg/class-field-shadowing).
  declare matter?: Matter;
  declare catalogue?: Catalogue;
  declare subject?: MatterSubject;
  declare connectors?: Connector[];
  declare validators?: Record<string, PrecompiledMatterValidator>;
  /** An archive (`createArchive()`), or `false` to keep nothing on this device; unset: `MatterForm.defaultArchive`. */
  declare archive?: Archive | false;
  declare consent: ConsentMode;
  declare lang: string;
  declare readonly: boolean;
  declare disabled: boolean;
  declare name: string;
  declare src?: string;
  declare catalogueSrc?: string;
  declare validatorSrc?: string;
  declare gateway?: string;
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
    this._phase = 'empty';
    this._stepIndex = 0;
    this._revision = 0;
  }

  // ---------------------------------------------------------------------------------------
  // lifecycle

  override willUpdate(changed: PropertyValues<this>): void {
    const loading = this.#loading;
    if (changed.has('src') && this.src) void loading.fetchJson('src', this.src, (v) => (this.matter = v as Matter));
    if (changed.has('catalogueSrc') && this.catalogueSrc)
      void loading.fetchJson('catalogue', this.catalogueSrc, (v) => (this.catalogue = v as Catalogue));
    if (changed.has('validatorSrc') && this.validatorSrc) void loading.importValidator(this.validatorSrc);
    if (changed.has('matter') || changed.has('catalogue') || changed.has('validators')) this.#load();
    else if (changed.has('subject') || changed.has('connectors') || changed.has('gateway')) void this.#subjectChanged();
    if (this._phase !== 'consent' && this.#wait === 'consentNeeded') this.#wait = undefined;
  }

  override update(changed: PropertyValues<this>): void {
    // Uploads change through the materials controller, which only asks for an update.
    this.#refreshMaterials();
    this.#fields.begin();
    this.#stepFields = { plain: false, nodes: [] };
    super.update(changed);
    this.#placeStepFields();
    this.#fields.end();
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
    this.#summary = [];
    this.#materials.reset();
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
    const previous = this.#state;
    if (previous && previous.matter.id === state.matter.id) state.keepTyped(previous);
    else if (this.#hostValue) state.setHostValue(this.#hostValue);
    this.#state = state;
    this.#materials.reset();
    this.#prefill.reset();
    this.#submitter.reset();
    this.#message = undefined;
    this.#summary = [];
    this._stepIndex = 0;
    state.settle();
    this.#changed(false);
    this.#snapshot = state.snapshot(true);
    this._phase = 'ready';
    const { id, version } = state.matter;
    this.dispatchEvent(matterEvent('matter-ready', { matter: { id, version } }));
    void this.#subjectChanged();
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
    this.dispatchEvent(matterEvent('matter-input', { pointer, value: commit.value }));
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
    if (state.plan.hasBranches || this.#summary.length > 0 || this.#submitter.errors.length > 0) return false;
    if (commit.othersChanged()) return false;
    const materials = this.#entriesKey;
    this.#refreshMaterials();
    if (this.#entriesKey !== materials) return false;
    return this.#fields.redraw(pointer);
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
    if (this.#summary.length > 0) this.#summary = state.shownErrors();
    // The first problem's words are filled in when validity is asked for (checkValidity).
    if (result.valid) this.#internals.setValidity({});
    else this.#internals.setValidity({ customError: true }, say(formMessages.problem, this.#lang()));
    this.#scheduleFormValue();
    this.#device.saveDraft();
  }

  #refreshMaterials(): void {
    const state = this.#state;
    if (!state || !this.#loading.checks) return;
    const entries = this.#device.withDeviceFiles(
      this.#materials.entries({
        plan: state.plan,
        data: state.data,
        answers: this.#prefill.answers,
        today: todayOf(new Date()),
        test: this.#loading.checks.test,
      }),
    );
    const key = JSON.stringify(entries);
    this.#entries = entries;
    if (key !== this.#entriesKey) {
      this.#entriesKey = key;
      this.#submitter.changed();
      this.#scheduleFormValue();
      this.#device.saveDraft();
      this.dispatchEvent(
        new CustomEvent('matter-materials', { detail: { materials: entries }, bubbles: true, composed: true }),
      );
    }
  }

  #scheduleFormValue(): void {
    if (!this.name || this.#formValuePending) return;
    // Once for a run of changes: the submission is rebuilt from the whole data. (Not
    // requestAnimationFrame or a timer: those stall in a background tab.)
    this.#formValuePending = true;
    queueMicrotask(() => {
      this.#formValuePending = false;
      this.#updateFormValue();
    });
  }

  #updateFormValue(): void {
    if (!this.name || !this.#state) return;
    const submission = this.#submitter.submission(this.#entries, this.#prefill.consents);
    if (!submission) return;
    const form = new FormData();
    form.append(this.name, JSON.stringify(submission));
    for (const { part, file } of this.#device.files(this.#entries)) form.append(part, file, file.name);
    this.#internals.setFormValue(form);
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

  /**
   * A press of Continue or Submit that cannot be acted on yet says why, and moves focus to what
   * is needed: the buttons are never disabled, which would give no reason and lose focus.
   */
  #notYet(submitting: boolean): boolean {
    const wait =
      this._phase === 'consent'
        ? 'consentNeeded'
        : submitting && this.#submitter.sending
          ? 'stillSending'
          : submitting && this._phase === 'filling'
            ? 'stillFilling'
            : undefined;
    if (!wait) return false;
    this.#wait = wait;
    if (wait === 'consentNeeded') this.#focusAfterRender = 'matter-consent';
    this._revision++;
    return true;
  }

  #continue(): void {
    const state = this.#state;
    if (!state || this.#notYet(false)) return;
    const step = state.steps[this._stepIndex];
    if (!step) return;
    if (step.id === 'materials') {
      this.#showMaterialErrors = true;
      const blocking = blockingMaterials(state.plan, this.#entries);
      if (blocking.length > 0) {
        this.#summary = [];
        this.#focusAfterRender = 'matter-error-summary';
        this._revision++;
        return;
      }
      this.#summary = [];
      this.#goTo(this._stepIndex + 1);
      return;
    }
    state.revealed.add(step.id);
    state.validate();
    const errors = state.errorsOfStep(this._stepIndex);
    if (errors.length > 0) {
      this.#summary = state.shownErrors();
      this.#focusAfterRender = 'matter-error-summary';
      this._revision++;
      return;
    }
    this.#summary = [];
    this.#goTo(this._stepIndex + 1);
  }

  #back(): void {
    this.#summary = [];
    this.#goTo(this._stepIndex - 1);
  }

  /** Shows every problem, as when the person tries to submit. */
  #revealAll(): FieldError[] {
    const state = this.#state;
    if (!state) return [];
    for (const step of state.steps) state.revealed.add(step.id);
    this.#showMaterialErrors = true;
    state.validate();
    this.#summary = state.shownErrors();
    return this.#summary;
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

  /** Like `checkValidity`, and shows the problems with the error summary focused. */
  reportValidity(): boolean {
    const valid = this.checkValidity();
    if (!valid) {
      this.#revealAll();
      const first = this.#summary[0];
      if (first && this.#state) this._stepIndex = this.#state.stepOf(first.pointer);
      this.#focusAfterRender = 'matter-error-summary';
      this._revision++;
    }
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

  /** The data (SPEC §5): a copy; setting it marks every value in it as set by the host. */
  get value(): Record<string, unknown> {
    return structuredClone(this.#state?.data ?? this.#hostValue ?? {});
  }

  set value(value: Record<string, unknown> | undefined) {
    this.#hostValue = structuredClone(value ?? {});
    const state = this.#state;
    if (!state) return;
    state.setHostValue(this.#hostValue);
    state.settle();
    this.#epoch++;
    this.#changed();
  }

  get materials(): MaterialEntry[] {
    return structuredClone(this.#entries);
  }

  get materialsComplete(): boolean {
    return this.#state ? materialsComplete(this.#state.plan, this.#entries) : false;
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
    const errors = this.#revealAll();
    if (errors.length > 0) {
      const first = errors[0] as FieldError;
      this._stepIndex = state.stepOf(first.pointer);
      this.#focusAfterRender = 'matter-error-summary';
      this._revision++;
      throw this.#fail('matter-invalid', errors.map((e) => say(e.message, this.#lang())).join('; '), false);
    }
    const blocking = blockingMaterials(state.plan, this.#entries);
    if (blocking.length > 0) {
      this._stepIndex = state.steps.length - MATERIALS_FROM_END;
      this.#focusAfterRender = 'matter-error-summary';
      this._revision++;
      throw this.#fail('materials-incomplete', blocking.map((m) => m.id).join(', '), false);
    }
    const submission = this.#submitter.submission(this.#entries, this.#prefill.consents);
    if (!submission) throw this.#fail('unauthorized', 'No applicant is signed in.');
    const event = matterEvent('matter-submit', { submission }, true);
    this.dispatchEvent(event);
    if (event.defaultPrevented || this.name || !this.action) {
      if (this.name) this.#updateFormValue();
      if (!event.defaultPrevented) await this.#device.keep(submission);
      return submission;
    }
    return this.#submitter.send(submission, this.#entries);
  }

  #fail(code: MatterErrorCode, message: string, show = true): Error {
    if (show) {
      this.#message = { code, text: message };
      if (code !== 'submit-failed' && code !== 'unauthorized' && code !== 'storage-quota') this._phase = 'failed';
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

  #idFor(pointer: string): string {
    return idFor('mf', pointer);
  }

  #focusError(error: { pointer: string }): void {
    const state = this.#state;
    if (!state) return;
    let pointer = error.pointer;
    // The nearest drawn element: the field, else the fieldset of the object or list holding it.
    const index = state.stepOf(pointer);
    if (index !== this._stepIndex) {
      this._stepIndex = index;
      this.dispatchEvent(matterEvent('matter-step', { index, id: (state.steps[index] as FormStep).id }));
    }
    this._revision++;
    void this.updateComplete.then(() => {
      while (pointer !== '' && !this.renderRoot.querySelector(`#${this.#idFor(pointer)}`))
        pointer = pointer.slice(0, pointer.lastIndexOf('/'));
      const target = this.renderRoot.querySelector<HTMLElement>(
        `#${pointer === '' ? 'matter-step-heading' : this.#idFor(pointer)}`,
      );
      target?.focus();
      target?.scrollIntoView?.({ block: 'center' });
    });
  }

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
    if (phase === 'submitted' && receipt)
      return renderConfirmation(state.matter, receipt, lang, renderReview(state, this.#entries, lang));
    const index = this._stepIndex;
    const step = state.steps[index] as FormStep;
    const wait = this.#wait;
    const detail = this.#prefill.detail;
    const materialsStep = state.steps.length - MATERIALS_FROM_END;
    return html`<div class="form" part="form" aria-busy=${phase === 'filling' ? 'true' : 'false'}>
      <h2>${localize(state.matter.title, lang)}</h2>
      <ol class="progress" part="progress" aria-label=${say(formMessages.steps, lang)}>
        ${state.steps.map(
          (s, i) =>
            html`<li class=${i < index ? 'done' : ''} aria-current=${i === index ? 'step' : nothing}>
              ${this.#stepTitle(s, i, lang)}
            </li>`,
        )}
      </ol>
      ${renderNotices(
        {
          plan: state.plan,
          filling: phase === 'filling',
          filled: phase === 'ready' && index === 0 ? detail.filled.length : 0,
          detail,
          alert: this.#message?.text,
          wait:
            (wait === 'stillSending' && this.#submitter.sending) || (wait === 'stillFilling' && phase === 'filling')
              ? formMessages[wait]
              : undefined,
          notes: this.#submitter.notes,
        },
        lang,
      )}
      ${this.#renderDraftNotices(lang)}
      ${renderSummary(this.#summaryItems(state, lang), lang, (item) => this.#goToProblem(item))}
      ${phase === 'consent' ? renderConsent(state.plan, this.#prefill, wait === 'consentNeeded', lang) : nothing}
      <section aria-labelledby="matter-step-heading">
        <p class="step-caption">${say(formMessages.stepOf, lang, { n: index + 1, total: state.steps.length })}</p>
        <h3 id="matter-step-heading" part="step-heading" tabindex="-1">${this.#stepTitle(step, index, lang)}</h3>
        ${
          step.id === 'materials'
            ? renderMaterialsStep(
                state,
                {
                  entries: this.#entries,
                  controller: this.#materials,
                  readonly: this.readonly,
                  disabled: this.#isDisabled(),
                  showErrors: this.#showMaterialErrors,
                  checking: phase === 'filling' || phase === 'consent',
                  documents: this.#device.documents,
                  answers: this.#prefill.answers,
                },
                lang,
              )
            : step.id === 'review'
              ? renderReview(state, this.#entries, lang, {
                  answer: (pointer) => this.#focusError({ pointer }),
                  material: (id) => this.#goTo(materialsStep, `mm-${id}`),
                })
              : this.#renderFieldsStep(state, step.pointers, lang)
        }
      </section>
      ${step.id === 'review' ? this.#renderKeepChoice(state, lang) : nothing}
      ${renderActions(
        {
          first: index === 0,
          last: index === state.steps.length - 1,
          readonly: this.readonly,
          disabled: this.#isDisabled(),
          submitting: phase === 'submitting',
          back: () => this.#back(),
          next: () => this.#continue(),
          submit: () => this.#notYet(true) || void this.submit().catch(() => undefined),
        },
        lang,
      )}
    </div>`;
  }

  /** The problems the summary lists: the fields', the gateway's, then the materials' (on their steps). */
  #summaryItems(state: FormState, lang: Locale): SummaryItem[] {
    const items: SummaryItem[] = this.#summary.map((e) => ({
      href: this.#idFor(e.pointer),
      text: say(e.message, lang),
      pointer: e.pointer,
    }));
    // A pointer that names no field on the page (`""`, the submission as a whole) is said without a link.
    for (const e of this.#submitter.errors) {
      const drawn = e.pointer !== '' && state.fieldAt(e.pointer) !== undefined;
      items.push({
        href: drawn ? this.#idFor(e.pointer) : undefined,
        text: localize(e.message, lang),
        pointer: e.pointer,
      });
    }
    const step = state.steps[this._stepIndex]?.id;
    if (this.#showMaterialErrors && (step === 'materials' || step === 'review'))
      for (const m of blockingMaterials(state.plan, this.#entries))
        items.push({
          href: `mm-${m.id}`,
          text: say(formMessages.materialsMissing, lang, {
            title: localize(state.plan.matter.materials?.find((x) => x.id === m.id)?.title, lang),
          }),
        });
    return items;
  }

  /** A summary link followed: to the field (on its step), or to the material. */
  #goToProblem(item: SummaryItem): void {
    if (item.pointer !== undefined) return this.#focusError({ pointer: item.pointer });
    this._stepIndex = (this.#state?.steps.length ?? MATERIALS_FROM_END) - MATERIALS_FROM_END;
    this.#focusAfterRender = item.href;
    this._revision++;
  }

  /** The saved draft offered back, another tab's newer draft, and answers that no longer fit. */
  #renderDraftNotices(lang: Locale): TemplateResult {
    const offered = this.#device.drafts?.offered;
    const newer = this.#device.drafts?.newer;
    const view = this.#device.view;
    if (!view) return html``;
    return html`${offered ? view.renderDraftOffer(offered.savedAt, lang, (c) => this.#device.answerDraft(c)) : nothing}
    ${newer ? view.renderNewerDraft(newer.savedAt, lang, (load) => this.#device.answerNewer(load)) : nothing}
    ${
      this.#device.misfits.length > 0
        ? view.renderMisfits(this.#device.misfits, lang, () => this.#device.dismissMisfits())
        : nothing
    }`;
  }

  /** On the review step: whether sensitive answers may be kept on this device for next time. */
  #renderKeepChoice(state: FormState, lang: Locale): TemplateResult | typeof nothing {
    const view = this.#device.view;
    if (!view || !this.#device.archiving || this.readonly) return nothing;
    const sensitive = new Set(state.catalogue.concepts.filter((c) => c.sensitive).map((c) => c.id));
    if (!state.plan.fields.some(({ field }) => field.concept && sensitive.has(field.concept))) return nothing;
    return view.renderKeepSensitive(
      this.#device.keepSensitive,
      lang,
      this.#isDisabled(),
      (keep) => (this.#device.keepSensitive = keep),
    );
  }

  #renderFieldsStep(state: FormState, pointers: readonly string[], lang: Locale): TemplateResult | typeof nothing {
    const drawn = pointers.map((pointer) => {
      const field = state.fieldAt(pointer);
      return field ? this.#renderField(state, field, pointer, lang) : nothing;
    });
    // The root's undeclared entries go where its unplaced fields go: on the last step of fields.
    const extras =
      state.steps[state.fieldSteps - 1]?.pointers === pointers ? this.#renderExtras(state, '', lang) : nothing;
    // A choice between the root's alternatives comes on the step drawing the first of their fields.
    const choices = this.#renderChoices(state, '', lang, (first) => pointers.some((p) => within(first, p)));
    const nodes = drawn.filter((d): d is Node => d !== nothing);
    if (
      choices.length === 0 &&
      extras === nothing &&
      nodes.length > 0 &&
      drawn.every((d) => d === nothing || d instanceof Node)
    ) {
      // Placed by #placeStepFields once lit's part of the page is in: inserted once, into the page.
      this.#stepFields = { plain: true, nodes };
      return nothing;
    }
    this.#stepFields = { plain: false, nodes };
    return html`${choices}${drawn.length === 0 && extras === nothing ? html`<p>${say(formMessages.noFields, lang)}</p>` : fixedList(drawn)}${extras}`;
  }

  /**
   * Puts the step's fields, when they are all plain nodes, at the end of its section after lit
   * has put its own part of the page in. lit would insert them into its template's fragment
   * and that fragment into the page: each insert walks every node of a long form again.
   * Fields that stay are not moved, so the one being typed in keeps its focus.
   */
  #placeStepFields(): void {
    const { plain, nodes } = this.#stepFields;
    const before = this.#placedFields;
    const kept = new Set(nodes);
    // Nodes lit now holds (plain: false) are its to place; the others leave the page.
    for (const node of before) if (!kept.has(node)) (node as ChildNode).remove();
    this.#placedFields = plain ? nodes : [];
    if (!plain) return;
    const section = this.renderRoot.querySelector('section[aria-labelledby="matter-step-heading"]');
    if (!section) return;
    let cursor: Node | null = before.find((node) => node.parentNode === section) ?? null;
    for (const node of nodes)
      if (node === cursor) cursor = cursor.nextSibling;
      else section.insertBefore(node, cursor);
  }

  /** The choice of alternative for each group of the object at `pointer` that nothing in the data selects. */
  #renderChoices(
    state: FormState,
    pointer: string,
    lang: Locale,
    here: (first: string) => boolean = () => true,
  ): TemplateResult[] {
    return state
      .choiceGroups(pointer)
      .filter((group) => here(group.first))
      .map((group, n) =>
        renderChoice({
          id: `${this.#idFor(pointer)}-choice${n === 0 ? '' : `-${n}`}`,
          lang,
          alternatives: group.alternatives,
          several: group.several,
          chosen: group.chosen,
          readonly: this.readonly,
          disabled: this.#isDisabled(),
          choose: (chosen) => {
            state.choose(pointer, group.list, chosen);
            // Unticking the last of an anyOf is refused: put the box back.
            this._revision++;
            this.#submitter.changed();
            state.settle();
            this.dispatchEvent(
              matterEvent('matter-input', { pointer, value: structuredClone(getAt(state.data, pointer)) }),
            );
            this.#changed();
          },
        }),
      );
  }

  /**
   * The entries an object holds beyond the properties it declares (`additionalProperties`,
   * `patternProperties`), each drawn as a field named by its key with a button to remove it,
   * then a way to add one.
   */
  #renderExtras(state: FormState, pointer: string, lang: Locale): TemplateResult | typeof nothing {
    const entries = state.extraEntries(pointer);
    const editable = !this.readonly && !this.#isDisabled();
    const choices = this.readonly ? false : state.extraChoices(pointer);
    if (entries.length === 0 && !choices) return nothing;
    const root = state.matter.schema as JsonSchemaObject;
    return html`${entries.map(
      (entry) =>
        html`${
          entry.kind === 'array' && optionsOf(root, entry.schema, lang).length === 0
            ? this.#renderArray(state, entry, entry.schema, entry.pointer, entry.name, lang)
            : this.#renderLeaf(state, entry, entry.schema, entry.pointer, entry.name, false, lang)
        }
        ${
          editable
            ? html`<div class="item-actions">
                <button
                  part="button"
                  type="button"
                  aria-label=${`${say(formMessages.removeItem, lang)}：${entry.name}`}
                  @click=${() => this.#removeExtra(entry.pointer)}
                >
                  ${say(formMessages.removeItem, lang)}
                </button>
              </div>`
            : nothing
        }`,
    )}
    ${
      choices
        ? renderAddEntry({
            id: `${this.#idFor(pointer)}-new-entry`,
            lang,
            names: choices.names,
            refused: this.#refusedEntry.get(pointer),
            disabled: !editable,
            add: (name) => this.#addExtra(pointer, name),
          })
        : nothing
    }`;
  }

  #addExtra(pointer: string, name: string): void {
    const state = this.#state;
    if (!state) return;
    if (state.addExtra(pointer, name)) {
      this.#refusedEntry.delete(pointer);
      this.#focusAfterRender = this.#idFor(joinPointer(pointer, name));
    } else this.#refusedEntry.set(pointer, name);
    this._revision++;
  }

  #removeExtra(entry: string): void {
    const state = this.#state;
    if (!state) return;
    state.removeExtra(entry);
    const parent = entry.slice(0, entry.lastIndexOf('/'));
    this.#submitter.changed();
    this.dispatchEvent(
      matterEvent('matter-input', { pointer: parent, value: structuredClone(getAt(state.data, parent)) }),
    );
    state.settle();
    this.#changed();
    this.#focusAfterRender = `${this.#idFor(parent)}-new-entry`;
  }

  #renderField(state: FormState, field: FieldInfo, pointer: string, lang: Locale): unknown {
    if (!state.shown(field, pointer)) return nothing;
    if (field.schema['x-widget'] === 'hidden') return nothing;
    const title = schemaText(field.schema, 'title', lang) ?? field.name;
    if (field.kind === 'object') {
      const children = state
        .childrenOf(field.pointer)
        // Outside lists the pointer is the plan's own, and so are its children's.
        .map((child) =>
          this.#renderField(
            state,
            child,
            pointer === field.pointer ? child.pointer : joinPointer(pointer, child.name),
            lang,
          ),
        );
      const optional = state.required(field) ? undefined : say(formMessages.optional, lang);
      const choices = this.#renderChoices(state, pointer, lang);
      const extras = this.#renderExtras(state, pointer, lang);
      // Most objects hold only fields: a fieldset of plain DOM around their nodes, one insert
      // for lit instead of a template, a marker and an insert per field.
      if (choices.length === 0 && extras === nothing && children.every((c) => c === nothing || c instanceof Node)) {
        const hints = this.#hints(field.schema, lang);
        const nodes = children.filter((c): c is Node => c !== nothing);
        return this.#fields.drawAgain(`group:${pointer}`, (last) =>
          drawGroup({ id: this.#idFor(pointer), label: title, optional, hints, children: nodes }, last),
        );
      }
      return html`<fieldset class="group" part="group" id=${this.#idFor(pointer)} tabindex="-1">
        <legend part="label">${title}${optional ? html`<span class="optional">${optional}</span>` : nothing}</legend>
        ${this.#hint(field.schema, pointer, lang)} ${choices} ${fixedList(children)} ${extras}
      </fieldset>`;
    }
    const root = state.matter.schema as JsonSchemaObject;
    if (field.kind === 'array' && optionsOf(root, field.schema, lang).length === 0)
      return this.#renderArray(state, field, field.schema, pointer, title, lang);
    return this.#renderLeaf(state, field, field.schema, pointer, title, state.required(field), lang);
  }

  /** A field's description and help, the lines of its hint. */
  #hints(schema: JsonSchemaObject, lang: Locale): string[] {
    const description = schemaText(schema, 'description', lang);
    const help = schemaText(schema, 'help', lang);
    return description && help ? [description, help] : description ? [description] : help ? [help] : [];
  }

  /** The hint of an object or list: its node kept while its text stays, like a field's. */
  #hint(schema: JsonSchemaObject, pointer: string, lang: Locale): Drawing {
    const hints = this.#hints(schema, lang);
    if (hints.length === 0) return nothing;
    const id = this.#idFor(pointer);
    return this.#fields.draw(
      `hint:${pointer}`,
      () => [id, ...hints],
      () => hintBlock(id, hints),
    );
  }

  /**
   * One field, redrawn only when something it shows changed: a keystroke redraws the field
   * typed in, not the other thousand (lit would otherwise rebuild and compare them all).
   */
  #renderLeaf(
    state: FormState,
    field: FieldInfo,
    schema: JsonSchemaObject,
    pointer: string,
    title: string,
    required: boolean,
    lang: Locale,
  ): unknown {
    const depends = () => {
      const provenance = state.provenance.get(pointer);
      const shown = state.shownErrors().find((e) => e.pointer === pointer);
      const refused = shown ? undefined : this.#submitter.errors.find((e) => e.pointer === pointer);
      const error = shown ? say(shown.message, lang) : refused && localize(refused.message, lang);
      return [
        state.raw.get(pointer) ?? getAt(state.data, pointer),
        provenance,
        provenance?.edited,
        error,
        this.readonly,
        this.#isDisabled(),
        lang,
        title,
        required,
        this.#epoch,
        this.#redraw.get(pointer),
      ];
    };
    return this.#fields.draw(pointer, depends, (last, [value, provenance, , error]) =>
      this.#drawLeaf(state, field, schema, pointer, title, required, lang, last, {
        value,
        provenance: provenance as Provenance | undefined,
        error: error as string | undefined,
      }),
    );
  }

  #drawLeaf(
    state: FormState,
    field: FieldInfo,
    schema: JsonSchemaObject,
    pointer: string,
    title: string,
    required: boolean,
    lang: Locale,
    last: unknown,
    /** What #renderLeaf found for the field: its value (or the text typed), provenance and error message. */
    { value, provenance, error }: { value: unknown; provenance?: Provenance; error?: string },
  ): Node | typeof nothing {
    const root = state.matter.schema as JsonSchemaObject;
    const id = this.#idFor(pointer);
    const concept = field.concept ? state.plan.conceptById.get(field.concept) : undefined;
    const locked = provenance?.locked === true && !provenance.edited;
    const hints = this.#hints(schema, lang);
    let describedBy = hints.length > 0 ? `${id}-hint` : '';
    if (error !== undefined) describedBy += ` ${id}-error`;
    if (provenance) describedBy += ` ${id}-badge`;
    if (locked) describedBy += ` ${id}-lock`;
    describedBy = describedBy.trimStart();
    const context: WidgetContext = {
      id,
      pointer,
      field,
      schema,
      value,
      requested: typeof schema['x-widget'] === 'string' ? schema['x-widget'] : undefined,
      lang,
      label: title,
      required,
      readonly: locked || schema.readOnly === true || this.readonly,
      disabled: this.#isDisabled(),
      invalid: error !== undefined,
      describedBy,
      placeholder: schemaText(schema, 'placeholder', lang),
      autocomplete: concept?.autocomplete,
      options: optionsOf(root, schema, lang),
      change: (value) => this.#edit(pointer, value),
    };
    const widget = widgetRegistry.pick(context);
    if (!widget || widget.name === 'hidden') return nothing;
    return drawField(
      {
        widget,
        context,
        host: this,
        optional: required ? undefined : say(formMessages.optional, lang),
        hints,
        error: error !== undefined ? [say(ERROR_PREFIX, lang), error] : undefined,
        notes: provenance ? this.#provenanceNotes(state, provenance, id, locked, context.options, lang) : [],
      },
      last,
    );
  }

  /** Where a prefilled value came from, whether it is locked, and what other sources said. */
  #provenanceNotes(
    state: FormState,
    provenance: Provenance,
    id: string,
    locked: boolean,
    options: readonly WidgetOption[],
    lang: Locale,
  ): FieldNote[] {
    const provider = providerName(state.plan, provenance.provider, lang);
    const keeper = providerKeeper(state.plan, provenance.provider, lang);
    const notes: FieldNote[] = [
      [
        'badge',
        `${id}-badge`,
        provenance.edited
          ? say(formMessages.youChanged, lang, { provider })
          : say(formMessages.from, lang, { provider, date: formatDate(provenance.fetchedAt, lang) }),
      ],
    ];
    if (locked)
      notes.push([
        'lock-note',
        `${id}-lock`,
        say(keeper ? formMessages.locked : formMessages.lockedNoKeeper, lang, { provider, keeper: keeper ?? '' }),
      ]);
    if (provenance.conflicts?.length)
      notes.push([
        'conflicts',
        null,
        say(formMessages.conflicts, lang) +
          provenance.conflicts
            .map((c) => `${providerName(state.plan, c.provider, lang)}：${readableValue(c.value, options, lang)}`)
            .join(lang === 'en' ? '; ' : '；'),
      ]);
    return notes;
  }

  #renderArray(
    state: FormState,
    field: FieldInfo,
    schema: JsonSchemaObject,
    pointer: string,
    title: string,
    lang: Locale,
  ): TemplateResult {
    const root = state.matter.schema as JsonSchemaObject;
    const list = getAt(state.data, pointer);
    const items = Array.isArray(list) ? list : [];
    const rules = listRules(root, schema);
    const { schema: merged, fixed, rest, minItems } = rules;
    const canGrow = canAddItem(rules, items.length);
    const editable = !this.readonly && !this.#isDisabled() && merged.readOnly !== true;
    const count = Math.max(items.length, fixed.length);
    const itemTitle = (i: number) => say(formMessages.item, lang, { title, n: i + 1 });
    const drawn: TemplateResult[] = [];
    for (let i = 0; i < count; i++) {
      const itemPointer = joinPointer(pointer, i);
      const itemSchema = mergedSchema(root, itemSchemaAt(rules, i));
      const tuple = i < fixed.length;
      const pattern = tuple ? joinPointer(field.pointer, i) : `${field.pointer}/-`;
      const children = state.childrenOf(pattern);
      const label = itemTitle(i);
      const body =
        children.length > 0
          ? html`${this.#renderChoices(state, itemPointer, lang)}
            ${children.map((child) => this.#renderField(state, child, joinPointer(itemPointer, child.name), lang))}
            ${this.#renderExtras(state, itemPointer, lang)}`
          : this.#renderItemValue(state, field, itemSchema, itemPointer, pattern, label, lang);
      const actions =
        editable && !tuple
          ? html`<div class="item-actions">
              <button
                part="button"
                type="button"
                ?disabled=${i === fixed.length}
                aria-label=${`${say(formMessages.moveUp, lang)}：${label}`}
                @click=${() => this.#moveItem(pointer, i, -1)}
              >
                ${say(formMessages.moveUp, lang)}
              </button>
              <button
                part="button"
                type="button"
                ?disabled=${i === count - 1}
                aria-label=${`${say(formMessages.moveDown, lang)}：${label}`}
                @click=${() => this.#moveItem(pointer, i, 1)}
              >
                ${say(formMessages.moveDown, lang)}
              </button>
              <button
                part="button"
                type="button"
                ?disabled=${items.length <= minItems}
                aria-label=${`${say(formMessages.removeItem, lang)}：${label}`}
                @click=${() => this.#removeItem(pointer, i)}
              >
                ${say(formMessages.removeItem, lang)}
              </button>
            </div>`
          : nothing;
      // An item of plain values is one control, which carries the item's id: the fieldset
      // around it takes another, or the browser would give `<label for>` the fieldset and
      // leave the box without a name.
      const itemId = children.length > 0 ? this.#idFor(itemPointer) : `${this.#idFor(itemPointer)}-item`;
      drawn.push(
        html`<fieldset class="group" part="group" id=${itemId} tabindex="-1">
          <legend>${label}</legend>
          ${body} ${actions}
        </fieldset>`,
      );
    }
    const error = state.shownErrors().find((e) => e.pointer === pointer);
    return html`<fieldset
      class="group"
      part="group"
      id=${this.#idFor(pointer)}
      tabindex="-1"
      ?data-invalid=${error !== undefined}
    >
      <legend part="label">
        ${title}${state.required(field) ? nothing : html`<span class="optional">${say(formMessages.optional, lang)}</span>`}
      </legend>
      ${this.#hint(schema, pointer, lang)}
      ${
        error
          ? html`<p class="error-message" part="error-message">
              <span class="visually-hidden">${say(ERROR_PREFIX, lang)}</span>${say(error.message, lang)}
            </p>`
          : nothing
      }
      ${drawn}
      ${
        editable && canGrow
          ? html`<button part="button" type="button" @click=${() => this.#addItem(pointer, rest as JsonSchemaObject)}>
              ${say(formMessages.addItem, lang, { title: title || say(formMessages.items, lang) })}
            </button>`
          : nothing
      }
    </fieldset>`;
  }

  /** An array item that is not an object: one control (a list of lists draws a list inside). */
  #renderItemValue(
    state: FormState,
    field: FieldInfo,
    schema: JsonSchemaObject,
    pointer: string,
    pattern: string,
    label: string,
    lang: Locale,
  ): unknown {
    const itemField: FieldInfo = {
      ...field,
      pointer: pattern,
      schema,
      name: pattern.slice(pattern.lastIndexOf('/') + 1),
      kind: schema.type === 'array' ? 'array' : 'leaf',
      required: true,
      inArray: true,
      branch: false,
      concept: undefined,
    };
    const root = state.matter.schema as JsonSchemaObject;
    const object = objectSchemaOf(root, schema);
    if (object) return this.#renderUnplannedObject(state, object, pointer, label, lang);
    if (itemField.kind === 'array' && optionsOf(root, schema, lang).length === 0)
      return this.#renderArray(state, itemField, schema, pointer, label, lang);
    return this.#renderLeaf(state, itemField, schema, pointer, label, true, lang);
  }

  /**
   * An object the plan could not unfold ahead of the data — a tree's node, which contains
   * itself, or an item that may be null — drawn from its schema as deep as the data goes:
   * an object below it shows its fields once this one holds something.
   */
  #renderUnplannedObject(
    state: FormState,
    object: JsonSchemaObject,
    pointer: string,
    title: string,
    lang: Locale,
  ): TemplateResult {
    const root = state.matter.schema as JsonSchemaObject;
    const here = getAt(state.data, pointer);
    const required = new Set(object.required ?? []);
    const parts = Object.entries(object.properties ?? {}).map(([name, property]) => {
      const at = joinPointer(pointer, name);
      const field = state.fieldAt(at);
      if (!field) return nothing;
      const schema = mergedSchema(root, property);
      const label = schemaText(schema, 'title', lang) ?? name;
      const inner = objectSchemaOf(root, schema);
      if (inner)
        return here === undefined || here === null
          ? nothing
          : this.#renderUnplannedObject(state, inner, at, label, lang);
      if (field.kind === 'array' && optionsOf(root, schema, lang).length === 0)
        return this.#renderArray(state, field, schema, at, label, lang);
      return this.#renderLeaf(state, field, schema, at, label, required.has(name), lang);
    });
    return html`<fieldset class="group" part="group" id=${this.#idFor(pointer)} tabindex="-1">
      <legend part="label">${title}</legend>
      ${this.#hint(object, pointer, lang)} ${parts}
    </fieldset>`;
  }

  #addItem(pointer: string, itemSchema: JsonSchemaObject): void {
    const state = this.#state;
    if (!state) return;
    const root = state.matter.schema as JsonSchemaObject;
    const list = getAt(state.data, pointer);
    const items = Array.isArray(list) ? [...list] : [];
    const fresh = newItemValue(root, itemSchema);
    items.push(fresh);
    state.setItems(pointer, items);
    state.typed.add(pointer);
    this.#submitter.changed();
    this.dispatchEvent(matterEvent('matter-input', { pointer, value: structuredClone(items) }));
    state.settle();
    this.#changed();
    // Focus the first control of the new item, so keyboard users carry on there.
    const itemPointer = joinPointer(pointer, items.length - 1);
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector<HTMLElement>(`#${this.#idFor(itemPointer)}`);
      (item?.querySelector<HTMLElement>('input, select, textarea') ?? item)?.focus();
    });
  }

  #removeItem(pointer: string, index: number): void {
    const state = this.#state;
    if (!state) return;
    this.#shiftProvenance(pointer, (i) => (i === index ? undefined : i > index ? i - 1 : i));
    state.removeItemValue(joinPointer(pointer, index));
    this.#afterListChange(pointer);
    void this.updateComplete.then(() => {
      const items = getAt(state.data, pointer);
      const next =
        Array.isArray(items) && items.length > 0 ? joinPointer(pointer, Math.min(index, items.length - 1)) : pointer;
      this.renderRoot.querySelector<HTMLElement>(`#${this.#idFor(next)}`)?.focus();
    });
  }

  #moveItem(pointer: string, index: number, by: -1 | 1): void {
    const state = this.#state;
    const list = state ? getAt(state.data, pointer) : undefined;
    if (!state || !Array.isArray(list)) return;
    const target = index + by;
    if (target < 0 || target >= list.length) return;
    [list[index], list[target]] = [list[target], list[index]];
    this.#shiftProvenance(pointer, (i) => (i === index ? target : i === target ? index : i));
    this.#afterListChange(pointer);
    // Keep focus on the same button of the moved item, so it can be moved again by keyboard.
    const label = by < 0 ? formMessages.moveUp : formMessages.moveDown;
    void this.updateComplete.then(() => {
      const id = this.#idFor(joinPointer(pointer, target));
      const item = this.renderRoot.querySelector(`#${id}-item`) ?? this.renderRoot.querySelector(`#${id}`);
      const buttons = [...(item?.querySelectorAll<HTMLButtonElement>(':scope > .item-actions > button') ?? [])];
      const same = buttons.find((b) => b.textContent?.trim() === say(label, this.#lang()) && !b.disabled);
      (same ?? buttons.find((b) => !b.disabled))?.focus();
    });
  }

  /** Moves what is known about each item (typed, raw text, provenance) with it. */
  #shiftProvenance(pointer: string, map: (index: number) => number | undefined): void {
    this.#state?.shiftItems(pointer, map);
  }

  #afterListChange(pointer: string): void {
    const state = this.#state;
    if (!state) return;
    state.typed.add(pointer);
    this.#submitter.changed();
    this.dispatchEvent(matterEvent('matter-input', { pointer, value: structuredClone(getAt(state.data, pointer)) }));
    state.settle();
    this.#changed();
  }
}
