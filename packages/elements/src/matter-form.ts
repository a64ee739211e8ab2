import {
  html,
  LitElement,
  nothing,
  adoptStyles,
  type CSSResultGroup,
  type CSSResultOrNative,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { live } from 'lit/directives/live.js';
import {
  blockingMaterials,
  combineArchives,
  getAt,
  httpConnector,
  loadMatterChecks,
  matterChecksNow,
  localize,
  materialsComplete,
  planMatter,
  fetchProviders,
  resolveFields,
  recordConsents,
  renderOutputs,
  submissionBody,
  todayOf,
  toLocale,
  type Catalogue,
  type ConsentRecord,
  type Connector,
  type FieldError,
  type FieldFill,
  type FieldInfo,
  type JsonSchemaObject,
  type Locale,
  type MaterialEntry,
  type MatterChecks,
  type Matter,
  type MatterPlan,
  type PrecompiledMatterValidator,
  type ProviderAnswers,
  type ProviderId,
  type Submission,
  type SubjectRef,
} from '@matterform/core';
import type { Archive, DeliveryOutcome, Draft, DraftContent, KeptDocument, OutboxCourier } from '@matterform/archive';

import { ARCHIVE_MESSAGES, DraftsController, isQuotaError, type DraftState, type Misfit } from './drafts.js';
import { createArchive } from './lazy-archive.js';
import { matterEvent, type MatterErrorCode, type MatterPrefillDetail } from './events.js';
import { expandPointer, FormState, removeAt, within, writeAt, type FormStep } from './form-state.js';
import { FieldEngine } from './fields/engine.js';
import { formStyles } from './form-styles.js';
import { formatDate, langOf, say, type Message } from './i18n.js';
import { fieldMessages as F } from './i18n/fields.js';
import { MaterialsController } from './materials-controller.js';
import { MATERIAL_STATUS, materialsStyles, renderMaterials } from './materials-view.js';
import { idFor, maskText, mergedSchema, optionsOf, providerName, readableValue, schemaText } from './present.js';
import { tokens } from './styles.js';
import { widgetRegistry } from './widgets/defaults.js';
import { loadedRegions } from './widgets/region/regions.js';
import type { WidgetRegistry } from './widgets/widget.js';

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
type Phase =
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

// The archive's code, and what the form draws about it, are chunks of their own (SPEC §9's
// budget): fetched when a form first has an archive to use.
const archiveModule = () => import('@matterform/archive');
const archiveViewModule = () => import('./archive-view.js');

export { widgetRegistry };

const T = {
  stepOf: { 'zh-CN': '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  back: { 'zh-CN': '上一步', en: 'Back' },
  next: { 'zh-CN': '保存并继续', en: 'Save and continue' },
  submit: { 'zh-CN': '提交申请', en: 'Submit application' },
  submitting: { 'zh-CN': '正在提交…', en: 'Submitting…' },
  problem: { 'zh-CN': '请修改以下问题', en: 'There is a problem' },
  from: F.from,
  failed: {
    'zh-CN': '以下来源暂时无法获取信息，相关内容请您手动填写：',
    en: 'We could not get information from these sources; please fill in what they would have given:',
  },
  filling: { 'zh-CN': '正在为您自动填写…', en: 'Filling in what we already know…' },
  filled: { 'zh-CN': '已为您自动填写 {n} 项，请核对。', en: '{n} answers were filled in for you. Please check them.' },
  consentTitle: { 'zh-CN': '授权获取您的信息', en: 'May we fetch your information?' },
  consentIntro: {
    'zh-CN': '为减少填写，我们可以在您同意后从以下单位获取信息：',
    en: 'To save you typing, with your agreement we can fetch these from the following offices:',
  },
  consentAgree: { 'zh-CN': '同意并自动填写', en: 'Agree and fill in' },
  consentRefuse: { 'zh-CN': '不同意，我自己填写', en: 'No, I will type it myself' },
  consentChoose: { 'zh-CN': '允许获取', en: 'Allow' },
  consentNone: { 'zh-CN': '（仅用于核验材料）', en: '(only to check a document)' },
  change: { 'zh-CN': '修改', en: 'Change' },
  youTyped: { 'zh-CN': '您填写', en: 'You gave this' },
  youChanged: F.youChanged,
  materials: { 'zh-CN': '申请材料', en: 'Supporting documents' },
  submitted: { 'zh-CN': '申请已提交', en: 'Application submitted' },
  referenceIs: { 'zh-CN': '您的受理编号', en: 'Your reference number' },
  keepReference: {
    'zh-CN': '请记下受理编号，用于查询办理进度。',
    en: 'Keep this reference to follow your application.',
  },
  receivedAt: { 'zh-CN': '提交时间：{time}', en: 'Received: {time}' },
  print: { 'zh-CN': '打印申请记录', en: 'Print a record of your application' },
  record: { 'zh-CN': '申请记录', en: 'Record of your application' },
  audience: {
    'zh-CN': '此事项面向{audience}，当前登录的申请人不能办理。',
    en: 'This application is for {audience}; the signed-in applicant cannot make it.',
  },
  person: { 'zh-CN': '个人', en: 'individuals' },
  organization: { 'zh-CN': '法人或其他组织', en: 'organisations' },
  loadFailed: { 'zh-CN': '表单加载失败：{message}', en: 'The form could not be loaded: {message}' },
  submitFailed: {
    'zh-CN': '提交没有成功：{message}。您填写的内容都还在，请稍后再试。',
    en: 'Your application was not sent: {message}. Nothing you entered is lost; please try again.',
  },
  unauthorized: {
    'zh-CN': '登录已失效，请重新登录后再提交。您填写的内容都还在。',
    en: 'You are signed out. Sign in again, then submit; nothing you entered is lost.',
  },
  materialsMissing: { 'zh-CN': '请提供“{title}”', en: 'Provide “{title}”' },
} satisfies Record<string, Message>;

const FAILURE: Record<string, Message> = {
  timeout: { 'zh-CN': '超时', en: 'timed out' },
  network: { 'zh-CN': '网络不通', en: 'network error' },
  malformed: { 'zh-CN': '返回数据有误', en: 'answered wrongly' },
  'consent-refused': { 'zh-CN': '您未授权', en: 'you did not agree' },
};

const failureText = (reason: string, lang: Locale): string =>
  FAILURE[reason]?.[lang] ??
  (lang === 'en' ? `error ${reason.replace('http-', '')}` : `错误 ${reason.replace('http-', '')}`);

/** Concepts whose values are identifiers, masked in the printed record. */
const IDENTIFIER_FORMATS = new Set(['cn-id-number', 'cn-uscc']);

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
    widgets: { attribute: false },
    _phase: { state: true },
    _stepIndex: { state: true },
    _revision: { state: true },
  };

  static override styles = [tokens, formStyles, materialsStyles];

  /**
   * The archive of a form whose `archive` is not set: one `createArchive()` shared by the
   * page, made on first use. Set it to `false` to keep nothing on the device unless a form
   * is given an archive of its own.
   */
  static defaultArchive: Archive | false | undefined = undefined;

  readonly #internals: ElementInternals;
  readonly #materials = new MaterialsController(this);
  readonly #drafts = new DraftsController(this, (error) => this.#storageFailed(error));
  #courier?: { archive: Archive; courier: OutboxCourier };
  /** This subject's documents kept on the device, by material id (satisfying `archive` materials). */
  #deviceDocuments = new Map<string, KeptDocument>();
  #misfits: Misfit[] = [];
  #keepSensitive = false;
  /** The submission `submit()` is sending now, waiting for the courier's word on it. */
  #awaiting?: { key: string; resolve: (outcome: DeliveryOutcome | undefined) => void };
  /** A full disk is said once per form, not at every save. */
  #quotaReported = false;
  /** What became of submissions queued by an earlier page. */
  #outboxNotes: string[] = [];
  #archiveView?: typeof import('./archive-view.js');
  #state?: FormState;
  #checks?: MatterChecks;
  #loaded?: { matter: Matter; catalogue: Catalogue; validator?: PrecompiledMatterValidator };
  #loadToken = 0;
  #hostValue?: Record<string, unknown>;
  #resolvedSubject?: MatterSubject;
  #subjectKey?: string;
  #consents: ConsentRecord[] = [];
  #consentAsked = false;
  #consentChoice = new Set<string>();
  #answers?: ProviderAnswers;
  #prefillDetail: MatterPrefillDetail = { filled: [], conflicts: [], failed: [], invalid: [] };
  #prefillAbort?: AbortController;
  #entries: MaterialEntry[] = [];
  #entriesKey = '';
  #summary: FieldError[] = [];
  #summaryFocus = false;
  #showMaterialErrors = false;
  #serverErrors: { pointer: string; message: string }[] = [];
  #message?: { code: MatterErrorCode | 'info'; text: string };
  #receipt?: Receipt;
  #idempotency?: { body: string; key: string };
  #formDisabled = false;
  #focusAfterRender?: string;
  #snapshot?: { data: Record<string, unknown>; provenance: [string, import('@matterform/core').Provenance][] };
  #formValuePending = false;
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
  #fetched = new Map<string, string>();

  // `declare`d, not class fields: a field would hide lit's accessors (lit.dev/msg/class-field-shadowing).
  declare matter?: Matter;
  declare catalogue?: Catalogue;
  declare subject?: MatterSubject;
  declare connectors?: Connector[];
  declare validators?: Record<string, PrecompiledMatterValidator>;
  /** An archive (`createArchive()`), or `false` to keep nothing on this device; unset: `MatterForm.defaultArchive`. */
  declare archive?: Archive | false;
  /** The widgets this form draws with: the shared registry of built-ins unless given its own. */
  declare widgets: WidgetRegistry;
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
    this.widgets = widgetRegistry;
    this._phase = 'empty';
    this._stepIndex = 0;
    this._revision = 0;
  }

  // ---------------------------------------------------------------------------------------
  // lifecycle

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.#fetchJson('src', this.src, (v) => (this.matter = v as Matter));
    if (changed.has('catalogueSrc') && this.catalogueSrc)
      void this.#fetchJson('catalogue', this.catalogueSrc, (v) => (this.catalogue = v as Catalogue));
    if (changed.has('validatorSrc') && this.validatorSrc) void this.#importValidator(this.validatorSrc);
    if (changed.has('matter') || changed.has('catalogue') || changed.has('validators')) this.#load();
    else if (changed.has('subject') || changed.has('connectors') || changed.has('gateway')) this.#subjectChanged();
  }

  override update(changed: PropertyValues<this>): void {
    // Uploads change through the materials controller, which only asks for an update.
    this.#refreshMaterials();
    const state = this.#state;
    if (state)
      this.#fields.begin(state, this.#lang(), {
        widgets: this.widgets,
        readonly: this.readonly,
        disabled: this.#isDisabled(),
        serverErrors: this.#serverErrors,
        epoch: this.#epoch,
        redraws: this.#redraw,
      });
    this.#stepFields = [];
    super.update(changed);
    this.#placeStepFields();
    if (state) this.#fields.end();
  }

  override updated(): void {
    if (this.#summaryFocus) {
      this.#summaryFocus = false;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
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
    const subject = this.subject ?? this.#resolvedSubject;
    if (this.#state && subject) void this.#startCourier(subject);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#prefillAbort?.abort();
    this.#courier?.courier.stop();
  }

  /** Native form reset: back to the values after loading and prefill. */
  formResetCallback(): void {
    const state = this.#state;
    if (!state || !this.#snapshot) return;
    state.data = structuredClone(this.#snapshot.data);
    state.provenance.clear();
    for (const [pointer, provenance] of this.#snapshot.provenance) state.provenance.set(pointer, { ...provenance });
    state.typed.clear();
    state.raw.clear();
    state.revealed.clear();
    state.extraNames.clear();
    this.#summary = [];
    this.#materials.reset();
    // The person cleared the form: the draft of what they had typed goes too.
    void this.#drafts.discard();
    this.#epoch++;
    this.#changed();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------
  // loading

  async #fetchJson(kind: string, url: string, apply: (value: unknown) => void): Promise<void> {
    const absolute = new URL(url, document.baseURI).href;
    this.#fetched.set(kind, absolute);
    try {
      const response = await fetch(absolute, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${absolute}: HTTP ${response.status}`);
      const value: unknown = await response.json();
      if (this.#fetched.get(kind) === absolute) apply(value);
    } catch (error) {
      this.#fail('load-failed', `${absolute}: ${(error as Error).message}`);
    }
  }

  async #importValidator(url: string): Promise<void> {
    const absolute = new URL(url, document.baseURI).href;
    try {
      const module = (await import(/* @vite-ignore */ absolute)) as {
        validate?: PrecompiledMatterValidator;
        default?: PrecompiledMatterValidator;
      };
      const validate = module.validate ?? module.default;
      if (typeof validate !== 'function') throw new Error('the module exports no validate function');
      const id = this.matter ? `${this.matter.id}@${this.matter.version}` : '*';
      this.validators = { ...this.validators, [id]: validate };
    } catch (error) {
      this.#fail('load-failed', `${absolute}: ${(error as Error).message}`);
    }
  }

  #load(): void {
    const { matter, catalogue } = this;
    if (!matter || !catalogue) return;
    const problem = matterProblem(matter) ?? catalogueProblem(catalogue);
    if (problem) {
      this.#fail(problem.code, problem.message);
      return;
    }
    const validator = this.validators?.[`${matter.id}@${matter.version}`] ?? this.validators?.['*'];
    if (this.#loaded?.matter === matter && this.#loaded.catalogue === catalogue && this.#loaded.validator === validator)
      return;
    this.#loaded = { matter, catalogue, validator };
    const token = ++this.#loadToken;
    this.#prefillAbort?.abort();
    this._phase = 'loading';
    void this.#build(matter, catalogue, validator, token);
  }

  async #build(
    matter: Matter,
    catalogue: Catalogue,
    validator: PrecompiledMatterValidator | undefined,
    token: number,
  ): Promise<void> {
    let checks: MatterChecks;
    let plan: MatterPlan;
    try {
      // The plan first: a schema it cannot walk fails before any compiler is fetched.
      plan = planMatter(matter, catalogue, this.#subjectKind());
      const schema = matter.schema as JsonSchemaObject;
      const options = { conditions: (matter.materials ?? []).map((m) => m.when) };
      // Checks that need nothing loaded are taken at once: the form is then drawn in the
      // update that was given the matter, not in one more after it.
      checks = matterChecksNow(schema, validator, options) ?? (await loadMatterChecks(schema, validator, options));
    } catch (error) {
      if (token !== this.#loadToken) return;
      const code = (error as { code?: string }).code === 'csp-blocked' ? 'csp-blocked' : 'matter-invalid';
      this.#fail(code, `${matter.id}: ${(error as Error).message}`);
      return;
    }
    if (token !== this.#loadToken) return;
    const previous = this.#state;
    const state = new FormState(plan, checks);
    this.#checks = checks;
    if (previous && previous.matter.id === matter.id) {
      // Another version of the same matter: keep what the person typed where it still fits.
      for (const pointer of previous.typed) {
        const value = getAt(previous.data, pointer);
        if (value === undefined || !state.fieldAt(pointer)) continue;
        writeAt(state.data, pointer, value);
        state.typed.add(pointer);
      }
    } else if (this.#hostValue) state.setHostValue(this.#hostValue);
    this.#state = state;
    this.#materials.reset();
    this.#answers = undefined;
    this.#prefillDetail = { filled: [], conflicts: [], failed: [], invalid: [] };
    this.#receipt = undefined;
    this.#message = undefined;
    this.#summary = [];
    this._stepIndex = 0;
    for (const pointer of state.unplaced)
      console.warn(`matterform: ${matter.id}: ${pointer} is in no layout step; it is shown on the last one`);
    state.settle();
    this.#changed(false);
    this.#snapshot = { data: structuredClone(state.data), provenance: [] };
    this._phase = 'ready';
    this.dispatchEvent(matterEvent('matter-ready', { matter: { id: matter.id, version: matter.version } }));
    this.#subjectKey = undefined;
    await this.#subjectChanged();
  }

  #subjectKind(): 'person' | 'organization' {
    const kind = (this.subject ?? this.#resolvedSubject)?.kind;
    return kind ?? (this.matter?.audience?.[0] as 'person' | 'organization' | undefined) ?? 'person';
  }

  async #connectors(): Promise<Connector[]> {
    const given = this.connectors ?? (this.gateway ? [httpConnector({ gateway: this.gateway })] : []);
    const device = await this.#device();
    if (!device) return given;
    // The archive provider is the gateway's archive (SPEC §6) and this device's, the newer winning.
    const server = given.find((c) => typeof c.archive === 'function');
    const archive = server ? combineArchives(server, device) : combineArchives(device);
    return [{ archive: (request) => (archive.archive as NonNullable<Connector['archive']>)(request) }, ...given];
  }

  /** Whether anything may be kept on this device. */
  #archiving(): boolean {
    return this.archive === undefined ? MatterForm.defaultArchive !== false : this.archive !== false;
  }

  /** The archive on this device, if anything may be kept here. */
  async #device(): Promise<Archive | undefined> {
    MatterForm.defaultArchive ??= createArchive();
    const device = (this.archive === undefined ? MatterForm.defaultArchive : this.archive) || undefined;
    if (device && !this.#archiveView) {
      this.#archiveView = await archiveViewModule();
      this.requestUpdate();
    }
    return device;
  }

  async #subjectChanged(): Promise<void> {
    const state = this.#state;
    if (!state) return;
    let subject = this.subject;
    if (!subject && this.gateway) {
      try {
        subject = this.#resolvedSubject ?? (await httpConnector({ gateway: this.gateway }).subject());
        this.#resolvedSubject = subject;
      } catch (error) {
        this.#fail('unauthorized', (error as Error).message);
        return;
      }
    }
    if (!subject) return;
    const key = `${subject.kind}:${subject.id}`;
    if (this.#subjectKey === key && this.#answers) {
      // The same person signed in again (a new token): what waits in the outbox goes now.
      void this.#startCourier(subject);
      return;
    }
    const audience = state.matter.audience;
    if (audience && !audience.includes(subject.kind)) {
      this.#fail(
        'audience-mismatch',
        say(T.audience, this.#lang(), { audience: audience.map((a) => say(T[a], this.#lang())).join('/') }),
      );
      return;
    }
    if (this.#subjectKey !== undefined && this.#subjectKey !== key) {
      this.#consentAsked = false;
      this.#consents = [];
    }
    this.#subjectKey = key;
    if (state.plan.matter !== this.matter || state.plan.subjectKind !== subject.kind) {
      // The plan depends on the kind of subject: rebuild it for this one.
      this.#loaded = undefined;
      this.#load();
      return;
    }
    this.#misfits = [];
    this.#outboxNotes = [];
    this.#deviceDocuments = new Map();
    void this.#startCourier(subject);
    void this.#device().then((device) => {
      if (state === this.#state) void this.#drafts.open(device, subject, state.matter.id);
    });
    await this.prefill();
  }

  // ---------------------------------------------------------------------------------------
  // prefill

  /** Asks every provider again (SPEC §5), after the consent panel when it is needed. */
  async prefill(): Promise<void> {
    const state = this.#state;
    const subject = this.subject ?? this.#resolvedSubject;
    if (!state || !subject || !this.#checks) return;
    const consents = state.plan.consents;
    if (this.consent === 'granted') {
      this.#consents = recordConsents(state.plan, { givenTo: 'host' });
    } else if (consents.length > 0 && !this.#consentAsked) {
      this.#consentChoice = new Set(consents.map((c) => c.source));
      this._phase = 'consent';
      return;
    }
    this.#prefillAbort?.abort();
    const abort = new AbortController();
    this.#prefillAbort = abort;
    state.dropProviderValues();
    this._phase = 'filling';
    const checks = this.#checks;
    try {
      const answers = await fetchProviders(state.plan, {
        subject,
        connectors: await this.#connectors(),
        consents: this.#consents,
        signal: abort.signal,
      });
      if (abort.signal.aborted || state !== this.#state) return;
      const resolution = resolveFields(state.plan, answers, { checkValue: checks.checkValue });
      // Placed onto the data as it is now: what the person typed meanwhile stays.
      state.waiting = resolution.fills;
      const placed = state.settle();
      this.#answers = answers;
      this.#prefillDetail = {
        ...fillsDetail(placed),
        failed: answers.failed,
        invalid: resolution.invalid,
      };
      this.#changed(false);
      this.#snapshot = {
        data: state.untyped(),
        provenance: structuredClone([...state.provenance].filter(([p]) => !state.typed.has(p))),
      };
      this._phase = 'ready';
      this.dispatchEvent(matterEvent('matter-prefill', this.#prefillDetail));
      void this.#loadDeviceDocuments(subject, state);
    } catch (error) {
      if (abort.signal.aborted) return;
      this._phase = 'ready';
      this.#fail('load-failed', (error as Error).message);
    }
  }

  #announceFills(fills: FieldFill[]): void {
    const detail: MatterPrefillDetail = { ...fillsDetail(fills), failed: [], invalid: [] };
    this.#prefillDetail.filled.push(...detail.filled);
    this.#prefillDetail.conflicts.push(...detail.conflicts);
    this.dispatchEvent(matterEvent('matter-prefill', detail));
  }

  #answerConsent(agree: boolean): void {
    const state = this.#state;
    if (!state) return;
    const all = state.plan.consents.map((c) => c.source);
    const given = agree ? all.filter((s) => this.#consentChoice.has(s)) : [];
    this.#consents = recordConsents(state.plan, { givenTo: 'applicant' }, given);
    this.#consentAsked = true;
    this.dispatchEvent(
      matterEvent('matter-consent', {
        given: given.map((s) => `source:${s}` as ProviderId),
        refused: all.filter((s) => !given.includes(s)).map((s) => `source:${s}` as ProviderId),
      }),
    );
    void this.prefill();
  }

  // ---------------------------------------------------------------------------------------
  // changes

  #edit(pointer: string, value: unknown): void {
    const state = this.#state;
    if (!state || this.readonly || this.#isDisabled()) return;
    const provenance = state.provenance.get(pointer);
    if (provenance?.locked && !provenance.edited) {
      // A locked value is submitted exactly as received (SPEC §6): put it back in the box.
      this.#redraw.set(pointer, (this.#redraw.get(pointer) ?? 0) + 1);
      this._revision++;
      return;
    }
    state.edit(pointer, value);
    this.#idempotency = undefined;
    this.#serverErrors = this.#serverErrors.filter((e) => !within(e.pointer, pointer));
    this.dispatchEvent(matterEvent('matter-input', { pointer, value: getAt(state.data, pointer) }));
    const shownBefore = state.shownErrors();
    const placed = state.settle();
    this.#checkAgain();
    if (placed.length > 0 || !this.#redrawAlone(state, pointer, shownBefore)) this._revision++;
    if (placed.length > 0) this.#announceFills(placed);
  }

  /**
   * Redraws the edited field alone when nothing else on the page can have changed: no
   * branches that could show or hide fields, no summary or gateway errors on screen, the
   * other fields' shown errors and the materials as they were. False: render everything.
   */
  #redrawAlone(state: FormState, pointer: string, shownBefore: readonly FieldError[]): boolean {
    if (state.plan.hasBranches || this.#summary.length > 0 || this.#serverErrors.length > 0) return false;
    const others = (errors: readonly FieldError[]) =>
      errors
        .filter((e) => e.pointer !== pointer)
        .map((e) => `${e.pointer} ${e.keyword}`)
        .join('\n');
    if (others(shownBefore) !== others(state.shownErrors())) return false;
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
    const state = this.#state;
    if (!state) return;
    const result = state.validate();
    if (this.#summary.length > 0) this.#summary = state.shownErrors();
    // The first problem's words are filled in when validity is asked for (checkValidity).
    if (result.valid) this.#internals.setValidity({});
    else this.#internals.setValidity({ customError: true }, say(T.problem, this.#lang()));
    this.#scheduleFormValue();
    this.#drafts.schedule(() => this.#draftContent());
  }

  #refreshMaterials(): void {
    const state = this.#state;
    if (!state || !this.#checks) return;
    const entries = this.#withDeviceFiles(
      this.#materials.entries({
        plan: state.plan,
        data: state.data,
        answers: this.#answers,
        today: todayOf(new Date()),
        test: this.#checks.test,
      }),
    );
    const key = JSON.stringify(entries);
    this.#entries = entries;
    if (key !== this.#entriesKey) {
      this.#entriesKey = key;
      this.#idempotency = undefined;
      this.#scheduleFormValue();
      this.#drafts.schedule(() => this.#draftContent());
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
    const submission = this.#submission();
    if (!submission) return;
    const form = new FormData();
    form.append(this.name, JSON.stringify(submission));
    for (const { part, file } of this.#submissionFiles()) form.append(part, file, file.name);
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
      this.#drafts.schedule(() => this.#draftContent());
    }
    this.#focusAfterRender = focus ?? 'matter-step-heading';
  }

  #continue(): void {
    const state = this.#state;
    if (!state) return;
    const step = state.steps[this._stepIndex];
    if (!step) return;
    if (step.id === 'materials') {
      this.#showMaterialErrors = true;
      const blocking = blockingMaterials(state.plan, this.#entries);
      if (blocking.length > 0) {
        this.#summary = [];
        this.#summaryFocus = true;
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
      this.#summaryFocus = true;
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
    if (first) this.#internals.setValidity({ customError: true }, first.message[this.#lang()]);
    return this.#internals.checkValidity();
  }

  /** Like `checkValidity`, and shows the problems with the error summary focused. */
  reportValidity(): boolean {
    const valid = this.checkValidity();
    if (!valid) {
      this.#revealAll();
      const first = this.#summary[0];
      if (first && this.#state) this._stepIndex = this.#state.stepOf(first.pointer);
      this.#summaryFocus = true;
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

  async #startCourier(subject: MatterSubject): Promise<void> {
    const device = await this.#device();
    if (this.#courier && this.#courier.archive !== device) this.#courier.courier.stop();
    if (!device || !this.isConnected) return;
    if (this.#courier?.archive !== device) {
      const { OutboxCourier } = await archiveModule();
      this.#courier = { archive: device, courier: new OutboxCourier(device, (o) => this.#outboxReport(o)) };
    }
    this.#courier.courier.start(subject);
  }

  /** This subject's documents kept on the device: their files go with `archive` materials. */
  async #loadDeviceDocuments(subject: MatterSubject, state: FormState): Promise<void> {
    const device = await this.#device();
    if (!device) return;
    const ids = state.plan.materials.map((m) => m.material.id);
    const documents = await device.documents(subject, ids).catch(() => [] as KeptDocument[]);
    if (state !== this.#state) return;
    this.#deviceDocuments = new Map(documents.map((d) => [d.material, d]));
    this.requestUpdate();
  }

  /** An `archive` material whose copy is on this device lists that file, which is sent with it. */
  #withDeviceFiles(entries: MaterialEntry[]): MaterialEntry[] {
    if (this.#deviceDocuments.size === 0) return entries;
    return entries.map((entry) => {
      const copy = this.#deviceCopy(entry);
      if (!copy || entry.files) return entry;
      return { ...entry, files: [{ name: copy.name, type: copy.type, size: copy.size, sha256: copy.sha256 }] };
    });
  }

  #deviceCopy(entry: MaterialEntry): KeptDocument | undefined {
    const copy = entry.status === 'archive' ? this.#deviceDocuments.get(entry.id) : undefined;
    return copy && copy.uploadedAt === entry.by?.archive?.uploadedAt ? copy : undefined;
  }

  /** Every file the submission sends, each named by its sha256 (SPEC §6). */
  #submissionFiles(): { part: string; file: File }[] {
    const files = this.#materials.files(this.#entries).map(({ file, sha256 }) => ({ part: sha256, file }));
    for (const entry of this.#entries) {
      const copy = this.#deviceCopy(entry);
      if (copy && !files.some((f) => f.part === copy.sha256)) files.push({ part: copy.sha256, file: copy.file });
    }
    return files;
  }

  /** What the draft keeps: the values the person typed, their uploads, and the step. */
  #draftContent(): DraftContent | undefined {
    const state = this.#state;
    if (!state || this._phase === 'submitted') return undefined;
    const typed = [...state.typed].filter((p) => !state.hostSet.has(p) && getAt(state.data, p) !== undefined);
    const files = [...this.#materials.uploads].flatMap(([material, list]) => list.map((file) => ({ material, file })));
    if (typed.length === 0 && files.length === 0) return undefined;
    const data: Record<string, unknown> = {};
    const labels: Record<string, string> = {};
    const lang = this.#lang();
    for (const pointer of typed) {
      writeAt(data, pointer, structuredClone(getAt(state.data, pointer)));
      const field = state.fieldAt(pointer);
      labels[pointer] = (field && schemaText(field.schema, 'title', lang)) ?? field?.name ?? pointer;
    }
    const draft: DraftState = { step: this._stepIndex, typed, labels };
    return {
      matter: { id: state.matter.id, version: state.matter.version },
      data,
      state: draft as unknown as Record<string, unknown>,
      files,
    };
  }

  #answerDraft(continueIt: boolean): void {
    if (!continueIt) {
      void this.#drafts.decline().then(() => this.#drafts.schedule(() => this.#draftContent()));
      return;
    }
    const draft = this.#drafts.accept();
    if (draft && this.#state) this.#applyDraft(this.#state, draft, false);
  }

  #answerNewer(load: boolean): void {
    const draft = this.#drafts.takeNewer(load);
    if (draft && this.#state) this.#applyDraft(this.#state, draft, true);
  }

  /**
   * Puts a draft's typed values back, field by field: a value goes back where its field still
   * is (for a draft of an older version, only where the field's schema still takes it); the
   * rest is listed for the person, never dropped unseen. `replace`: this page's typed values
   * give way to the draft's (another tab's newer draft).
   */
  #applyDraft(state: FormState, draft: Draft, replace: boolean): void {
    const saved = draft.state as unknown as DraftState | undefined;
    const sameVersion = draft.matter.version === state.matter.version;
    const checks = this.#checks;
    const misfits: Misfit[] = [];
    if (replace) {
      for (const pointer of [...state.typed]) {
        if (state.hostSet.has(pointer) || state.provenance.has(pointer)) continue;
        removeAt(state.data, pointer);
        state.typed.delete(pointer);
      }
    }
    for (const pointer of saved?.typed ?? []) {
      const value = getAt(draft.data, pointer);
      if (value === undefined) continue;
      const field = state.fieldAt(pointer);
      const provenance = state.provenance.get(pointer);
      const fits = field !== undefined && (sameVersion || checks?.checkValue(field, value) !== false);
      if (!fits || (provenance?.locked && JSON.stringify(getAt(state.data, pointer)) !== JSON.stringify(value))) {
        misfits.push({ label: saved?.labels[pointer] ?? pointer, value: displayOf(value) });
        continue;
      }
      writeAt(state.data, pointer, structuredClone(value));
      state.typed.add(pointer);
      if (provenance) provenance.edited = true;
    }
    if (replace) this.#materials.reset();
    const materials = new Set(state.plan.materials.filter((m) => m.material.upload).map((m) => m.material.id));
    for (const { material, file } of draft.files ?? []) {
      if (materials.has(material)) void this.#materials.addFiles(material, [file]);
      else misfits.push({ label: say(ARCHIVE_MESSAGES.misfitFile, this.#lang(), { name: file.name }), value: '' });
    }
    this.#misfits = misfits;
    state.settle();
    this.#epoch++;
    this.#changed();
    const step = Math.max(0, Math.min(saved?.step ?? 0, state.steps.length - 1));
    this.#goTo(step, misfits.length > 0 ? 'matter-misfits' : undefined);
  }

  /**
   * Keeps the answers (by concept) and the uploads of reusable materials for this subject's
   * next matters. Sensitive concepts only when the person ticked the box on the review step.
   */
  async #keep(submission: Submission): Promise<void> {
    const device = await this.#device();
    const state = this.#state;
    const subject = this.subject ?? this.#resolvedSubject;
    if (!device || !state || !subject) return;
    const sensitive = new Set(state.catalogue.concepts.filter((c) => c.sensitive).map((c) => c.id));
    const answers: Record<string, unknown> = {};
    for (const { field } of state.plan.fields) {
      if (!field.concept || field.inArray || (sensitive.has(field.concept) && !this.#keepSensitive)) continue;
      const value = getAt(submission.data, field.pointer);
      if (value !== undefined) answers[field.concept] = structuredClone(value);
    }
    const today = todayOf(new Date());
    try {
      await device.keepAnswers(subject, answers);
      for (const { material } of state.plan.materials) {
        const file = this.#materials.uploaded(material.id)[0]?.file;
        if (!file || material.reusable !== true) continue;
        const validUntil = material.validDays === undefined ? null : addDays(today, material.validDays);
        await device.keepDocument(subject, { material: material.id, file, validUntil });
      }
    } catch (error) {
      this.#storageFailed(error);
    }
  }

  /** The device could not keep something: a full disk is the person's to know; the rest is logged. */
  #storageFailed(error: unknown): void {
    if (isQuotaError(error)) {
      if (!this.#quotaReported) this.#fail('storage-quota', say(ARCHIVE_MESSAGES.storageQuota, this.#lang()));
      this.#quotaReported = true;
      return;
    }
    console.warn('matterform: the archive on this device failed', error);
  }

  // ---------------------------------------------------------------------------------------
  // submit

  #submission(): Submission | undefined {
    const state = this.#state;
    const subject = this.subject ?? this.#resolvedSubject;
    if (!state || !subject) return undefined;
    const provenance = Object.fromEntries(
      [...state.provenance].filter(([pointer]) => getAt(state.data, pointer) !== undefined),
    );
    const body = {
      matter: { id: state.matter.id, version: state.matter.version },
      subject: { kind: subject.kind, id: subject.id, ...(subject.actor ? { actor: subject.actor } : {}) },
      data: structuredClone(state.data),
      materials: structuredClone(this.#entries),
      provenance,
      consents: this.#consents,
      payloads: renderOutputs(state.matter.outputs, state.data),
    };
    const canonical = JSON.stringify(body);
    if (this.#idempotency?.body !== canonical) this.#idempotency = { body: canonical, key: crypto.randomUUID() };
    return { ...body, submittedAt: new Date().toISOString(), idempotencyKey: this.#idempotency.key };
  }

  /**
   * Checks everything, then sends the submission to `action` (SPEC §6) and resolves with the
   * acknowledgement; without `action` (or with a `name`, inside a form) it resolves with the
   * submission for the host to send.
   */
  async submit(): Promise<Receipt | Submission> {
    const state = this.#state;
    if (!state) throw this.#fail('load-failed', 'The form has no matter yet.');
    const errors = this.#revealAll();
    if (errors.length > 0) {
      const first = errors[0] as FieldError;
      this._stepIndex = state.stepOf(first.pointer);
      this.#summaryFocus = true;
      this._revision++;
      throw this.#fail('matter-invalid', errors.map((e) => e.message[this.#lang()]).join('; '), false);
    }
    const blocking = blockingMaterials(state.plan, this.#entries);
    if (blocking.length > 0) {
      this._stepIndex = state.steps.findIndex((s) => s.id === 'materials');
      this.#summaryFocus = true;
      this._revision++;
      throw this.#fail('materials-incomplete', blocking.map((m) => m.id).join(', '), false);
    }
    const submission = this.#submission();
    if (!submission) throw this.#fail('unauthorized', 'No applicant is signed in.');
    const event = matterEvent('matter-submit', { submission }, true);
    this.dispatchEvent(event);
    if (event.defaultPrevented || this.name || !this.action) {
      if (this.name) this.#updateFormValue();
      if (!event.defaultPrevented) await this.#keep(submission);
      return submission;
    }
    const device = await this.#device();
    return device ? this.#sendThroughOutbox(device, submission) : this.#send(submission);
  }

  /**
   * With an archive, a submission goes into the outbox before the network (ARCHITECTURE step
   * 6): if the gateway cannot be reached, or the reply is lost, it is sent again — with the
   * same idempotency key — until the gateway acknowledges it, across reloads.
   */
  async #sendThroughOutbox(device: Archive, submission: Submission): Promise<Receipt> {
    const subject = (this.subject ?? this.#resolvedSubject) as MatterSubject;
    const action = new URL(this.action as string, document.baseURI).href;
    try {
      await device.enqueue(subject, { action, submission, files: this.#submissionFiles() });
    } catch (error) {
      // Nowhere to keep it: send it straight away, as without an archive.
      this.#storageFailed(error);
      return this.#send(submission);
    }
    // Kept before it is sent: by the time the gateway acknowledges it, the next matter can use it.
    await this.#keep(submission);
    this._phase = 'submitting';
    const mine = await this.#deliverNow(device, subject, submission.idempotencyKey);
    if (mine?.status === 'delivered') return this.#acknowledged(mine);
    if (mine?.status === 'rejected') throw this.#refused(mine.httpStatus, mine.errors);
    this._phase = 'queued';
    if (mine?.status === 'unauthorized')
      throw this.#fail('unauthorized', say(ARCHIVE_MESSAGES.queuedUnauthorized, this.#lang()));
    throw this.#fail('submit-failed', say(ARCHIVE_MESSAGES.queued, this.#lang()));
  }

  /**
   * One round of sending now, through this page's courier (so it and the round never send
   * the same submission at once); resolves with what became of this submission, or undefined
   * when another tab is sending it.
   */
  async #deliverNow(device: Archive, subject: MatterSubject, key: string): Promise<DeliveryOutcome | undefined> {
    const courier = this.#courier?.archive === device ? this.#courier.courier : undefined;
    if (!courier) {
      const { deliverQueued } = await archiveModule();
      const outcomes = await deliverQueued(device, subject, { all: true }).catch(() => [] as DeliveryOutcome[]);
      const mine = outcomes.find((o) => o.submission.idempotencyKey === key);
      for (const outcome of outcomes) if (outcome !== mine) this.#outboxReport(outcome);
      return mine;
    }
    const outcome = new Promise<DeliveryOutcome | undefined>((resolve) => {
      this.#awaiting = { key, resolve };
      // The round is over and it was not among its outcomes: another tab holds it.
      void courier.wake().then(() => resolve(undefined));
    });
    return outcome.finally(() => (this.#awaiting = undefined));
  }

  /** What the outbox courier (or a round of sending) says became of a queued submission. */
  #outboxReport(outcome: DeliveryOutcome): void {
    if (this.#awaiting?.key === outcome.submission.idempotencyKey) {
      this.#awaiting.resolve(outcome);
      return;
    }
    const mine = outcome.submission.idempotencyKey === this.#idempotency?.key && this._phase === 'queued';
    const lang = this.#lang();
    if (outcome.status === 'delivered') {
      if (mine) void this.#acknowledged(outcome);
      else {
        this.#outboxNotes = [
          ...this.#outboxNotes,
          say(ARCHIVE_MESSAGES.earlierDelivered, lang, { reference: outcome.reference }),
        ];
        this.dispatchEvent(matterEvent('matter-submitted', outcome));
        this._revision++;
      }
    } else if (outcome.status === 'rejected') {
      if (mine) this.#refused(outcome.httpStatus, outcome.errors);
      else {
        const message = outcome.errors.map((e) => e.message).join('; ') || `HTTP ${outcome.httpStatus}`;
        this.#outboxNotes = [...this.#outboxNotes, say(ARCHIVE_MESSAGES.earlierRejected, lang, { message })];
        this.#fail('submit-failed', message, false);
        this._revision++;
      }
    } else if (outcome.status === 'unauthorized') {
      this.#fail('unauthorized', say(ARCHIVE_MESSAGES.queuedUnauthorized, lang), mine);
    }
  }

  /** The gateway took it: the confirmation, the event, and the draft is done with. */
  async #acknowledged(outcome: { submission: Submission; reference: string; receivedAt: string }): Promise<Receipt> {
    const receipt: Receipt = {
      submission: outcome.submission,
      reference: outcome.reference,
      receivedAt: outcome.receivedAt,
    };
    this.#receipt = receipt;
    this.#message = undefined;
    this._phase = 'submitted';
    this.#focusAfterRender = 'matter-confirmation';
    // Gone before anyone hears of the submission: a page that looks finds no half-done form.
    await this.#drafts.discard();
    this.dispatchEvent(matterEvent('matter-submitted', receipt));
    return receipt;
  }

  /** The gateway refused it for good (409, 422): its reasons go where the person will see them. */
  #refused(status: number, errors: readonly { pointer: string; message: string }[]): Error {
    this._phase = 'ready';
    this.#serverErrors = errors.map((e) => ({ pointer: e.pointer, message: e.message }));
    const detail = this.#serverErrors.map((e) => `${e.pointer || '/'}: ${e.message}`).join('; ');
    return this.#fail(
      'submit-failed',
      say(T.submitFailed, this.#lang(), { message: `HTTP ${status}${detail ? ` — ${detail}` : ''}` }),
    );
  }

  async #send(submission: Submission): Promise<Receipt> {
    const action = new URL(this.action as string, document.baseURI).href;
    const subject = this.subject ?? this.#resolvedSubject;
    const body = submissionBody(submission, this.#submissionFiles());
    const headers = new Headers({ 'Idempotency-Key': submission.idempotencyKey, Accept: 'application/json' });
    if (subject?.token) headers.set('Authorization', `Bearer ${subject.token}`);
    this._phase = 'submitting';
    let response: Response;
    try {
      response = await fetch(action, {
        method: 'POST',
        body,
        headers,
        credentials: subject?.token ? 'same-origin' : 'include',
      });
    } catch (error) {
      this._phase = 'ready';
      throw this.#fail('submit-failed', say(T.submitFailed, this.#lang(), { message: (error as Error).message }));
    }
    const answer = (await response.json().catch(() => ({}))) as {
      reference?: string;
      receivedAt?: string;
      errors?: { pointer: string; code: string; message: string }[];
    };
    if (response.status === 401) {
      this._phase = 'ready';
      throw this.#fail('unauthorized', say(T.unauthorized, this.#lang()));
    }
    if (response.status !== 201 || !answer.reference) throw this.#refused(response.status, answer.errors ?? []);
    return this.#acknowledged({
      submission,
      reference: answer.reference,
      receivedAt: answer.receivedAt ?? new Date().toISOString(),
    });
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
    return this.lang ? toLocale(this.lang) : langOf(this);
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

  override render(): TemplateResult {
    const lang = this.#lang();
    const state = this.#state;
    if (this._phase === 'failed' && this.#message) {
      return html`<div class="form" part="form">
        <p class="notice warning" part="notice" role="alert">
          ${say(T.loadFailed, lang, { message: this.#message.text })}
        </p>
      </div>`;
    }
    if (!state) return html`<div class="form" part="form" aria-busy="true"></div>`;
    if (this._phase === 'submitted' && this.#receipt) return this.#renderConfirmation(state, lang);
    const step = state.steps[this._stepIndex] as (typeof state.steps)[number];
    const total = state.steps.length;
    return html`<div class="form" part="form" aria-busy=${this._phase === 'filling' ? 'true' : 'false'}>
      <h2>${localize(state.matter.title, lang)}</h2>
      <ol class="progress" part="progress" aria-label=${lang === 'en' ? 'Steps' : '步骤'}>
        ${state.steps.map(
          (s, i) =>
            html`<li
              class=${i < this._stepIndex ? 'done' : ''}
              aria-current=${i === this._stepIndex ? 'step' : nothing}
            >
              ${localize(s.title, lang)}
            </li>`,
        )}
      </ol>
      ${this.#renderNotices(state, lang)} ${this.#renderDraftNotices(lang)} ${this.#renderSummary(state, lang)}
      ${this._phase === 'consent' ? this.#renderConsent(state, lang) : nothing}
      <section aria-labelledby="matter-step-heading">
        <p class="step-caption">${say(T.stepOf, lang, { n: this._stepIndex + 1, total })}</p>
        <h3 id="matter-step-heading" part="step-heading" tabindex="-1">${localize(step.title, lang)}</h3>
        ${
          step.id === 'materials'
            ? this.#renderMaterialsStep(state, lang)
            : step.id === 'review'
              ? this.#renderReview(state, lang, false)
              : this.#renderFieldsStep(state, step.pointers)
        }
      </section>
      ${step.id === 'review' ? this.#renderKeepChoice(state, lang) : nothing} ${this.#renderActions(state, lang)}
    </div>`;
  }

  /** The saved draft offered back, another tab's newer draft, and answers that no longer fit. */
  #renderDraftNotices(lang: Locale): TemplateResult {
    const offered = this.#drafts.offered;
    const newer = this.#drafts.newer;
    const view = this.#archiveView;
    if (!view) return html``;
    return html`${offered ? view.renderDraftOffer(offered.savedAt, lang, (c) => this.#answerDraft(c)) : nothing}
    ${newer ? view.renderNewerDraft(newer.savedAt, lang, (load) => this.#answerNewer(load)) : nothing}
    ${
      this.#misfits.length > 0
        ? view.renderMisfits(this.#misfits, lang, () => {
            this.#misfits = [];
            this._revision++;
          })
        : nothing
    }`;
  }

  /** On the review step: whether sensitive answers may be kept on this device for next time. */
  #renderKeepChoice(state: FormState, lang: Locale): TemplateResult | typeof nothing {
    const view = this.#archiveView;
    if (!view || !this.#archiving() || this.readonly) return nothing;
    const sensitive = new Set(state.catalogue.concepts.filter((c) => c.sensitive).map((c) => c.id));
    if (!state.plan.fields.some(({ field }) => field.concept && sensitive.has(field.concept))) return nothing;
    return view.renderKeepSensitive(
      this.#keepSensitive,
      lang,
      this.#isDisabled(),
      (keep) => (this.#keepSensitive = keep),
    );
  }

  #renderNotices(state: FormState, lang: Locale): TemplateResult {
    const failed = this.#prefillDetail.failed.filter((f) => f.reason !== 'consent-refused');
    return html`<div role="status" aria-live="polite" class="notices">
      ${this._phase === 'filling' ? html`<p class="notice busy" part="notice">${say(T.filling, lang)}</p>` : nothing}
      ${
        this._phase === 'ready' && this.#prefillDetail.filled.length > 0 && this._stepIndex === 0
          ? html`<p class="notice" part="notice">${say(T.filled, lang, { n: this.#prefillDetail.filled.length })}</p>`
          : nothing
      }
      ${
        failed.length > 0
          ? html`<div class="notice warning" part="notice">
              ${say(T.failed, lang)}
              <ul>
                ${failed.map(
                  (f) => html`<li>${providerName(state.plan, f.provider, lang)}（${failureText(f.reason, lang)}）</li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${
        this.#message && this._phase !== 'failed'
          ? html`<p class="notice warning" part="notice" role="alert">${this.#message.text}</p>`
          : nothing
      }
      ${this.#outboxNotes.map((note) => html`<p class="notice" part="notice">${note}</p>`)}
    </div>`;
  }

  #renderSummary(state: FormState, lang: Locale): TemplateResult | typeof nothing {
    const step = state.steps[this._stepIndex];
    const materialItems =
      step?.id === 'materials' || step?.id === 'review'
        ? this.#showMaterialErrors
          ? blockingMaterials(state.plan, this.#entries).map((m) => ({
              id: `mm-${m.id}`,
              text: say(T.materialsMissing, lang, {
                title: localize(state.plan.matter.materials?.find((x) => x.id === m.id)?.title, lang),
              }),
              materials: true,
            }))
          : []
        : [];
    const fieldItems = this.#summary.map((e) => ({ id: e.pointer, text: e.message[lang], materials: false }));
    const serverItems = this.#serverErrors.map((e) => ({ id: e.pointer, text: e.message, materials: false }));
    const items = [...fieldItems, ...serverItems, ...materialItems];
    if (items.length === 0) return nothing;
    return html`<div
      class="error-summary"
      part="error-summary"
      tabindex="-1"
      aria-labelledby="matter-error-summary-title"
    >
      <h2 id="matter-error-summary-title">${say(T.problem, lang)}</h2>
      <ul>
        ${items.map(
          (item) =>
            html`<li>
              <a
                href=${`#${item.materials ? item.id : this.#idFor(item.id)}`}
                @click=${(event: Event) => {
                  event.preventDefault();
                  if (item.materials) {
                    this._stepIndex = state.steps.findIndex((s) => s.id === 'materials');
                    this.#focusAfterRender = item.id;
                    this._revision++;
                  } else this.#focusError({ pointer: item.id });
                }}
                >${item.text}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderConsent(state: FormState, lang: Locale): TemplateResult {
    return html`<section class="consent" part="consent" aria-labelledby="matter-consent-title">
      <h3 id="matter-consent-title">${say(T.consentTitle, lang)}</h3>
      <p>${say(T.consentIntro, lang)}</p>
      <ul>
        ${state.plan.consents.map((request) => {
          const id = `matter-consent-${request.source}`;
          const concepts = request.concepts.map((c) => localize(c.title, lang)).join(lang === 'en' ? ', ' : '、');
          return html`<li class="choice">
            <input
              type="checkbox"
              id=${id}
              .checked=${live(this.#consentChoice.has(request.source))}
              @change=${(event: Event) => {
                if ((event.target as HTMLInputElement).checked) this.#consentChoice.add(request.source);
                else this.#consentChoice.delete(request.source);
              }}
            />
            <label for=${id}
              >${say(T.consentChoose, lang)}
              <strong>${localize(request.provider ?? request.title, lang)}</strong>
              （${localize(request.title, lang)}）：${concepts || say(T.consentNone, lang)}</label
            >
          </li>`;
        })}
      </ul>
      <div class="actions">
        <button class="primary" part="button" @click=${() => this.#answerConsent(true)}>
          ${say(T.consentAgree, lang)}
        </button>
        <button part="button" @click=${() => this.#answerConsent(false)}>${say(T.consentRefuse, lang)}</button>
      </div>
    </section>`;
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
    this.#idempotency = undefined;
    this.dispatchEvent(matterEvent('matter-input', { pointer, value: structuredClone(getAt(state.data, pointer)) }));
    state.settle();
    this.#changed();
  }

  /** The styles a widget brings, added to the shadow root's once. */
  #adopt(styles: CSSResultGroup): void {
    const root = this.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    // lit's own way: constructable sheets, else `<style>` elements (adoptStyles appends those).
    const current = root.adoptedStyleSheets;
    adoptStyles(root, ([styles] as unknown[]).flat(4) as CSSResultOrNative[]);
    if (root.adoptedStyleSheets !== current) root.adoptedStyleSheets = [...current, ...root.adoptedStyleSheets];
  }

  #renderMaterialsStep(state: FormState, lang: Locale): TemplateResult {
    return renderMaterials({
      plan: state.plan,
      entries: this.#entries,
      catalogue: state.catalogue,
      lang,
      controller: this.#materials,
      readonly: this.readonly,
      disabled: this.#isDisabled(),
      showErrors: this.#showMaterialErrors,
      idPrefix: 'mm',
      checking: this._phase === 'filling' || this._phase === 'consent',
      archived: (id) => {
        const device = this.#deviceDocuments.get(id);
        if (device) return { name: device.name, size: device.size, file: device.file };
        const listed = this.#answers?.archive?.documents.find((d) => d.material === id);
        return (
          listed && {
            name: listed.name,
            ...(listed.size !== undefined ? { size: listed.size } : {}),
            ...(listed.url ? { url: listed.url } : {}),
          }
        );
      },
    });
  }

  /** Every answer shown now, in step order, with where it came from. */
  #reviewRows(state: FormState, lang: Locale, masked: (pointer: string, field: FieldInfo) => boolean) {
    const root = state.matter.schema as JsonSchemaObject;
    const rows: { step: number; pointer: string; label: string; value: string; source: string }[] = [];
    state.steps.forEach((step, stepIndex) => {
      for (const drawn of step.pointers) {
        for (const { field } of state.plan.fields) {
          if (field.kind === 'object') continue;
          if (
            field.kind === 'array' &&
            optionsOf(root, field.schema, lang).length === 0 &&
            state.childrenOf(`${field.pointer}/-`).length > 0
          )
            continue;
          for (const pointer of expandPointer(state.data, field.pointer)) {
            if (!within(pointer, drawn) || !state.shown(field, pointer)) continue;
            if (field.schema['x-widget'] === 'hidden') continue;
            const value = getAt(state.data, pointer);
            if (value === undefined && field.inArray) continue;
            const title = schemaText(field.schema, 'title', lang) ?? field.name;
            const label = field.inArray
              ? `${title}（${pointer
                  .split('/')
                  .filter((t) => /^\d+$/.test(t))
                  .map((t) => Number(t) + 1)
                  .join('-')}）`
              : title;
            let text = readableValue(value, optionsOf(root, field.schema, lang), lang);
            const format = mergedSchema(root, field.schema).format;
            if (typeof value === 'string' && format === 'date') text = formatDate(value, lang);
            if (typeof value === 'string' && format === 'cn-region') {
              const regions = loadedRegions();
              const names = regions?.path(value).map((code) => regions.nameOf(code) ?? code);
              if (names && names.length > 0) text = `${names.join(' ')}（${value}）`;
            }
            if (typeof value === 'string' && masked(pointer, field)) {
              const concept = field.concept ? state.plan.conceptById.get(field.concept) : undefined;
              text = maskText(value, concept?.mask);
            }
            const provenance = state.provenance.get(pointer);
            const source = provenance
              ? provenance.edited
                ? say(T.youChanged, lang, { provider: providerName(state.plan, provenance.provider, lang) })
                : say(T.from, lang, {
                    provider: providerName(state.plan, provenance.provider, lang),
                    date: formatDate(provenance.fetchedAt, lang),
                  })
              : value === undefined
                ? ''
                : say(T.youTyped, lang);
            rows.push({ step: stepIndex, pointer, label, value: text, source });
          }
        }
      }
    });
    for (const entry of state.allExtraEntries()) {
      const value = getAt(state.data, entry.pointer);
      if (value === undefined) continue;
      rows.push({
        step: state.stepOf(entry.pointer),
        pointer: entry.pointer,
        label: entry.name,
        value: readableValue(value, optionsOf(root, entry.schema, lang), lang),
        source: say(T.youTyped, lang),
      });
    }
    return rows;
  }

  #renderReview(state: FormState, lang: Locale, printable: boolean): TemplateResult {
    const sensitive = (pointer: string, field: FieldInfo) => {
      const concept = field.concept ? state.plan.conceptById.get(field.concept) : undefined;
      return concept?.sensitive === true || (printable && IDENTIFIER_FORMATS.has(String(field.schema.format)));
    };
    const rows = this.#reviewRows(state, lang, sensitive);
    const materialsStep = state.steps.findIndex((s) => s.id === 'materials');
    return html`<div part="review">
      ${state.steps
        .filter((s) => s.id.startsWith('fields-'))
        .map((step, stepIndex) => {
          const own = rows.filter((r) => r.step === stepIndex);
          return html`<h4>${localize(step.title, lang)}</h4>
            <dl class="review">
              ${own.map(
                (row) =>
                  html`<dt>${row.label}</dt>
                    <dd>${row.value}${row.source ? html`<span class="source">${row.source}</span>` : nothing}</dd>
                    <dd>
                      ${
                        printable
                          ? nothing
                          : html`<button
                              class="link"
                              type="button"
                              @click=${() => this.#focusError({ pointer: row.pointer })}
                            >
                              ${say(T.change, lang)}<span class="visually-hidden"> ${row.label}</span>
                            </button>`
                      }
                    </dd>`,
              )}
            </dl>`;
        })}
      <h4>${say(T.materials, lang)}</h4>
      <dl class="review">
        ${this.#entries
          .filter((e) => e.status !== 'not-applicable')
          .map((entry) => {
            const material = state.matter.materials?.find((m) => m.id === entry.id);
            return html`<dt>${localize(material?.title, lang)}</dt>
              <dd>${materialStatusText(entry, state.plan, lang)}</dd>
              <dd>
                ${
                  printable
                    ? nothing
                    : html`<button
                        class="link"
                        type="button"
                        @click=${() => this.#goTo(materialsStep, `mm-${entry.id}`)}
                      >
                        ${say(T.change, lang)}<span class="visually-hidden"> ${localize(material?.title, lang)}</span>
                      </button>`
                }
              </dd>`;
          })}
      </dl>
    </div>`;
  }

  #renderActions(state: FormState, lang: Locale): TemplateResult {
    const last = this._stepIndex === state.steps.length - 1;
    const busy = this._phase === 'submitting' || this._phase === 'filling' || this._phase === 'consent';
    return html`<div class="actions" part="actions">
      ${
        this._stepIndex > 0
          ? html`<button part="button" type="button" @click=${() => this.#back()}>${say(T.back, lang)}</button>`
          : nothing
      }
      ${
        last
          ? this.readonly
            ? nothing
            : html`<button
                class="primary"
                part="button"
                type="button"
                ?disabled=${busy || this.#isDisabled()}
                @click=${() => void this.submit().catch(() => undefined)}
              >
                ${this._phase === 'submitting' ? say(T.submitting, lang) : say(T.submit, lang)}
              </button>`
          : html`<button
              class="primary"
              part="button"
              type="button"
              ?disabled=${this._phase === 'consent'}
              @click=${() => this.#continue()}
            >
              ${say(T.next, lang)}
            </button>`
      }
    </div>`;
  }

  #renderConfirmation(state: FormState, lang: Locale): TemplateResult {
    const receipt = this.#receipt as Receipt;
    return html`<div class="form" part="form confirmation">
      <div class="confirmation-panel" id="matter-confirmation" tabindex="-1" role="status">
        <h2>${say(T.submitted, lang)}</h2>
        <p>${say(T.referenceIs, lang)}</p>
        <p class="reference" part="reference">${receipt.reference}</p>
      </div>
      <p>${say(T.keepReference, lang)}</p>
      <p>${say(T.receivedAt, lang, { time: new Date(receipt.receivedAt).toLocaleString(lang) })}</p>
      <div class="actions no-print">
        <button part="button" type="button" @click=${() => window.print()}>${say(T.print, lang)}</button>
      </div>
      <section class="record" aria-labelledby="matter-record-title">
        <h3 id="matter-record-title">${say(T.record, lang)}：${localize(state.matter.title, lang)}</h3>
        ${this.#renderReview(state, lang, true)}
      </section>
    </div>`;
  }
}

function fillsDetail(fills: readonly FieldFill[]): Pick<MatterPrefillDetail, 'filled' | 'conflicts'> {
  return {
    filled: fills.map(({ pointer, provider, value, locked }) => ({ pointer, provider, value, locked })),
    conflicts: fills.filter((f) => f.conflicts.length > 0).map((f) => ({ pointer: f.pointer, conflicts: f.conflicts })),
  };
}

function materialStatusText(entry: MaterialEntry, plan: MatterPlan, lang: Locale): string {
  const base = say(MATERIAL_STATUS[entry.status], lang);
  if (entry.by?.licence) return `${base}（${providerName(plan, `licence:${entry.by.licence.type}`, lang)}）`;
  if (entry.by?.source) return `${base}（${providerName(plan, `source:${entry.by.source}`, lang)}）`;
  if (entry.files?.length) return `${base}（${entry.files.map((f) => f.name).join('、')}）`;
  return base;
}

function matterProblem(matter: Matter): { code: MatterErrorCode; message: string } | undefined {
  const where = typeof matter?.id === 'string' ? matter.id : 'matter';
  if (matter === null || typeof matter !== 'object')
    return { code: 'matter-invalid', message: 'the matter is not an object' };
  for (const key of ['id', 'version', 'title', 'schema'] as const)
    if (matter[key] === undefined) return { code: 'matter-invalid', message: `${where}: /${key}: is missing` };
  const schema = matter.schema as JsonSchemaObject;
  if (schema === null || typeof schema !== 'object' || (schema.type !== undefined && schema.type !== 'object'))
    return { code: 'matter-invalid', message: `${where}: /schema: the root must be an object schema` };
  return undefined;
}

function catalogueProblem(catalogue: Catalogue): { code: MatterErrorCode; message: string } | undefined {
  for (const key of ['concepts', 'sources', 'licences'] as const)
    if (!Array.isArray(catalogue?.[key]))
      return { code: 'catalogue-invalid', message: `catalogue: /${key}: must be an array` };
  return undefined;
}

/** A value as the person would read it back in a list. */
function displayOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `YYYY-MM-DD` plus whole days. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
