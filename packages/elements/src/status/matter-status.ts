import { css, html, LitElement, type PropertyValues } from 'lit';
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
 * @fires matter-status - A case's status was read from the gateway. `{ reference, status, updatedAt, result?, history? }`
 *
 * @csspart toolbar - The row with the refresh button.
 * @csspart button - Every button.
 * @csspart refresh-button - "Refresh the statuses".
 * @csspart announcement - The polite live region saying what a refresh or a send found.
 * @csspart empty - Said when there is nothing to list (or no one signed in).
 * @csspart cases - The list of cases.
 * @csspart case - One case; also `case-queued` (in the outbox) or `case-sent`.
 * @csspart case-title - The matter's title.
 * @csspart facts - The reference, dates and status of a case (a description list).
 * @csspart reference - The case's reference.
 * @csspart case-status - The status in words; also `case-status-<status>`, e.g. `case-status-decided`.
 * @csspart result - What a decided case gave: the result, an e-licence number, how it is delivered.
 * @csspart timeline - The ordered list of the case's statuses.
 * @csspart timeline-step - One status of the timeline; also `timeline-step-done`, `timeline-step-current` or `timeline-step-pending`.
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
 */
export class MatterStatus extends LitElement {
  static override properties = {
    action: { type: String },
    gateway: { type: String },
    reference: { type: String },
    subject: { attribute: false },
    archive: { attribute: false },
  };

  static override styles = [
    tokens,
    css`
      :host {
        --_status-done: var(--matter-status-done-color, var(--_matter-color-success));
        --_status-pending: var(--matter-status-pending-color, var(--_matter-color-border));
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_matter-space-2);
        align-items: center;
        margin-bottom: var(--_matter-space-3);
      }
      button {
        min-height: var(--_matter-control-height);
        padding: 0 var(--_matter-space-3);
        border: 2px solid var(--_matter-color-accent);
        border-radius: var(--_matter-radius);
        background: var(--_matter-color-surface);
        color: var(--_matter-color-accent);
        font: inherit;
        cursor: pointer;
      }
      button:focus-visible {
        outline: 3px solid var(--_matter-color-focus);
        outline-offset: 0;
        box-shadow: 0 0 0 5px var(--_matter-color-text);
      }
      .announcement {
        margin: 0;
        color: var(--_matter-color-muted);
      }
      .cases {
        display: grid;
        gap: var(--matter-status-gap, var(--_matter-space-3));
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .case {
        padding: var(--_matter-space-3);
        border: 1px solid var(--matter-status-case-border-color, var(--_matter-color-border));
        border-left: 6px solid var(--_matter-color-accent);
        border-radius: var(--_matter-radius);
        background: var(--matter-status-case-background, var(--_matter-color-surface));
      }
      .case.queued {
        border-left-color: var(--matter-status-queued-color, var(--_matter-color-warning));
      }
      .case.decided {
        border-left-color: var(--_status-done);
      }
      .title {
        margin: 0 0 var(--_matter-space-2);
        font-size: 1.125em;
        font-weight: 700;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--_matter-space-1) var(--_matter-space-3);
        margin: 0 0 var(--_matter-space-2);
      }
      dt {
        color: var(--_matter-color-muted);
      }
      dd {
        margin: 0;
      }
      .reference {
        font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
        letter-spacing: 0.05em;
      }
      .timeline {
        margin: var(--_matter-space-2) 0 0;
        padding: 0;
        list-style: none;
      }
      .timeline li {
        position: relative;
        padding: 0 0 var(--_matter-space-2) var(--_matter-space-4);
      }
      .timeline li::before {
        content: '';
        position: absolute;
        top: 0.35em;
        left: 2px;
        width: 12px;
        height: 12px;
        border: 2px solid var(--_status-pending);
        border-radius: 50%;
        background: var(--_matter-color-surface);
      }
      .timeline li.done::before {
        border-color: var(--_status-done);
        background: var(--_status-done);
      }
      .timeline li.current {
        font-weight: 700;
      }
      .timeline li.pending {
        color: var(--_matter-color-muted);
      }
      .result {
        margin: var(--_matter-space-2) 0;
        padding: var(--_matter-space-2);
        background: var(--_matter-color-subtle);
      }
      .result p {
        margin: 0;
      }
      .error {
        margin: var(--_matter-space-2) 0 0;
        color: var(--_matter-color-error);
        font-weight: 700;
      }
      .queued-detail {
        margin: 0 0 var(--_matter-space-2);
      }
    `,
  ];

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
