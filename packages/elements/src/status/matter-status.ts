import { html, LitElement, type PropertyValues } from 'lit';
import type { Archive } from '@matterform/archive';
import type { MatterSubject } from '../form/matter-form.js';
import { tokens } from '../styles.js';
import type { StatusWork } from './status-work.js';

// Everything but the element's shell — reading the device, asking the gateway, the words and
// the drawing — is a chunk of its own (SPEC §9's budget): fetched when a tracker first connects.
const workModule = () => import('./status-work.js');

/** One entry of a case's history: a status and when it began (the mock gateway's `history`). */
export interface CaseHistoryEntry {
  status: string;
  at: string;
}

/** What `GET {action}/{reference}` answers (SPEC §6), `history` where the gateway gives one. */
export interface CaseAnswer {
  status: string;
  updatedAt: string;
  result?: unknown;
  history?: CaseHistoryEntry[];
}

/** `matter-status`: a case's status as just read from the gateway. */
export interface MatterStatusDetail extends CaseAnswer {
  reference: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'matter-status': CustomEvent<MatterStatusDetail>;
  }
}

/**
 * Case tracking (SPEC §5): the person's submissions known on this device — waiting in the
 * outbox and sent — newest first, each with its reference, matter, dates and its status from
 * `GET {action}/{reference}`, refreshed when the person asks (and when the element connects or
 * its `subject`, `reference`, `action`, `gateway` or `archive` change). With a `reference`,
 * only that case, whether or not this device sent it. A status that cannot be read is said on
 * its case; the list stays. A submission still in the outbox can be sent at once.
 *
 * The device's record is the archive's (`archive`, else `MatterForm.defaultArchive`, else
 * the default archive database): a `<matter-form>` with an archive writes it when the gateway
 * acknowledges a submission. `lang` is read from the element or its nearest ancestor.
 *
 * @summary The person's applications on this device, with their status from the gateway.
 *
 * @fires {CustomEvent<MatterStatusDetail>} matter-status - A case's status was read from the gateway. `{ reference, status, updatedAt, result?, history? }`
 *
 * @csspart toolbar - The row with the refresh button.
 * @csspart button - Every button.
 * @csspart refresh-button - "Refresh the statuses".
 * @csspart announcement - The polite live region saying what a refresh or a send found.
 * @csspart empty - Said when there is nothing to list (or no one signed in).
 * @csspart cases - The list of cases.
 * @csspart case - One case.
 * @csspart case-queued - A case waiting in the outbox (with `case`).
 * @csspart case-sent - A case the gateway has acknowledged (with `case`).
 * @csspart case-title - The matter's title.
 * @csspart facts - The reference, dates and status of a case (a description list).
 * @csspart reference - The case's reference.
 * @csspart case-status - The status in words.
 * @csspart case-status-<status> - The status in words, named by the status: e.g. `case-status-decided`, `case-status-queued`.
 * @csspart result - What a decided case gave: the result, an e-licence number, how it is delivered.
 * @csspart timeline - The ordered list of the case's statuses.
 * @csspart timeline-step - One status of the timeline.
 * @csspart timeline-step-done - A status the case has passed (with `timeline-step`).
 * @csspart timeline-step-current - The case's status now.
 * @csspart timeline-step-pending - A status still to come.
 * @csspart queued-detail - How often an outbox entry was tried.
 * @csspart send-button - "Send now" on an outbox entry.
 * @csspart error-message - Why a case's status could not be read.
 *
 * @cssproperty --matter-status-gap - Space between cases.
 * @cssproperty --matter-status-case-background - Background of a case.
 * @cssproperty --matter-status-case-border-color - Border of a case.
 * @cssproperty --matter-status-done-color - Marker of a status the case has passed, and of a decided case.
 * @cssproperty --matter-status-pending-color - Marker of a status still to come.
 * @cssproperty --matter-status-queued-color - Edge of a case waiting in the outbox.
 * @cssproperty --matter-color-text - Text.
 * @cssproperty --matter-color-muted - Secondary text.
 * @cssproperty --matter-color-accent - Buttons and the current status.
 * @cssproperty --matter-color-error - Errors.
 * @cssproperty --matter-color-focus - Focus ring.
 * @cssproperty --matter-font - Font family.
 * @cssproperty --matter-radius - Corners of cases and buttons.
 * @cssproperty --matter-control-height - Least height of a button.
 */
export class MatterStatus extends LitElement {
  static override properties = {
    action: { type: String },
    gateway: { type: String },
    reference: { type: String },
    subject: { attribute: false },
    archive: { attribute: false },
  };

  // Its own rules come with its chunk (status-work.ts adopts them): the bundle's entry stays small.
  static override styles = tokens;

  /** `lang` keeps its native property; watching its attribute re-renders the text. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Where submissions go (SPEC §6 `action`); a case's status is `GET {action}/{reference}`. */
  declare action: string | undefined;
  /** The gateway's base URL: without `action`, `{gateway}/submissions`. */
  declare gateway: string | undefined;
  /** One case only: this reference's. */
  declare reference: string | undefined;
  /** The person whose submissions are listed; its `token` signs the status requests. */
  declare subject: MatterSubject | undefined;
  /** The archive on this device (`createArchive()`), or `false` to read nothing from it. */
  declare archive: Archive | false | undefined;

  #work?: StatusWork | null;
  #asked?: string;

  constructor() {
    super();
    this.action = undefined;
    this.gateway = undefined;
    this.reference = undefined;
    this.subject = undefined;
    this.archive = undefined;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new subject object for the same person and login asks nothing again.
    const asked = JSON.stringify([
      this.subject?.kind,
      this.subject?.id,
      this.subject?.token,
      this.reference,
      this.action,
      this.gateway,
    ]);
    if (this.isConnected && (asked !== this.#asked || changed.has('archive'))) {
      this.#asked = asked;
      void this.refresh();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: what changed while it was away is read again.
    if (this.#asked !== undefined) void this.refresh();
  }

  /** Lists the cases again and reads each one's status from the gateway; resolves when all have answered. */
  async refresh(): Promise<void> {
    const work = await this.#worker();
    await work?.refresh();
  }

  async #worker(): Promise<StatusWork | null> {
    if (this.#work === undefined) {
      const module = await workModule().catch((error: unknown) => {
        console.warn('matterform: <matter-status> could not load its code', error);
        return null;
      });
      this.#work ??= module ? new module.StatusWork(this) : null;
      this.requestUpdate();
    }
    return this.#work;
  }

  protected override render(): unknown {
    // Until the chunk is here: the live region, so its first announcement is heard.
    return this.#work ? this.#work.render() : html`<p part="announcement" class="announcement" role="status"></p>`;
  }
}
