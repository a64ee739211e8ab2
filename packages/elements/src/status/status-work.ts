/**
 * `<matter-status>`'s work, a chunk of its own: the cases on this device (the archive's
 * outbox and its record of sent submissions), each one's status from `GET {action}/{reference}`
 * (SPEC §6), sending an outbox entry now, and what the element draws of them.
 */
import { adoptStyles, html, nothing, type CSSResultOrNative, type TemplateResult } from 'lit';
import { localize, type Text } from '@matterform/core';
import { createArchive, deliverQueued, type Archive } from '@matterform/archive';
import { langOf, say, type Locale, type Message } from '../i18n/say.js';
import { isolate } from '../i18n/bidi.js';
import { statusMessages } from '../i18n/status.js';
import type { CaseAnswer, MatterStatus, MatterStatusDetail } from './matter-status.js';
import { statusStyles } from './status-styles.js';

const m = statusMessages;

/** The statuses of the mock gateway's timeline, in order (packages/cli/src/case-timeline.ts). */
const TIMELINE = ['received', 'accepted', 'in-review', 'decided'] as const;

type CaseError = { code: 'network' | 'not-found' | 'unauthorized' } | { code: 'http'; status: number };

/** One case as the element shows it. */
interface TrackedCase {
  /** The submission's idempotency key; the reference for a case this device did not send. */
  key: string;
  state: 'queued' | 'sent';
  reference?: string;
  matter?: { id: string; version: string; title?: Text };
  submittedAt?: string;
  action?: string;
  attempts?: number;
  answer?: CaseAnswer;
  error?: CaseError;
}

/** What a decided case's `result` may say (the mock's shape; anything else is left unsaid). */
interface CaseResult {
  decision?: string;
  title?: Text;
  licence?: { type?: string; number?: string };
  delivery?: string[];
}

/** The default archive when no form made one: the same database every form uses by default. */
let sharedArchive: Archive | undefined;

export class StatusWork {
  readonly #host: MatterStatus;
  cases: TrackedCase[] = [];
  #listed = false;
  #busy = false;
  #announcement = '';
  /** Bumped by every refresh: an older one's answers arrive too late to be shown. */
  #round = 0;
  #sending = new Set<string>();

  constructor(host: MatterStatus) {
    this.#host = host;
    const { elementStyles } = host.constructor as unknown as { elementStyles: CSSResultOrNative[] };
    adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, statusStyles]);
  }

  #archive(): Archive | undefined {
    const { archive } = this.#host;
    if (archive !== undefined) return archive || undefined;
    const form = customElements.get('matter-form') as { defaultArchive?: Archive | false } | undefined;
    if (form?.defaultArchive !== undefined) return form.defaultArchive || undefined;
    return (sharedArchive ??= createArchive());
  }

  async refresh(): Promise<void> {
    const round = ++this.#round;
    const host = this.#host;
    this.#busy = true;
    this.#announcement = say(m.refreshing, langOf(host));
    host.requestUpdate();
    const listed = await this.#list();
    if (round !== this.#round) return;
    // What was read before stays shown (as the last known status) until the new answer comes.
    const before = new Map(this.cases.map((c) => [c.key, c]));
    this.cases = listed.map((c) => ({
      ...c,
      ...(before.get(c.key)?.answer ? { answer: before.get(c.key)?.answer } : {}),
    }));
    this.#listed = true;
    host.requestUpdate();
    await Promise.all(this.cases.map((c) => (c.reference ? this.#check(c, round) : undefined)));
    if (round !== this.#round) return;
    this.#busy = false;
    const lang = langOf(host);
    const [only] = this.cases;
    this.#announcement =
      host.reference && only?.answer && !only.error
        ? say(m.refreshedOne, lang, { reference: only.reference ?? '', status: statusText(only.answer.status, lang) })
        : say(m.refreshed, lang, { time: formatTime(new Date(), lang) });
    host.requestUpdate();
  }

  /** The subject's cases on this device, newest first; with `reference`, that one case only. */
  async #list(): Promise<TrackedCase[]> {
    const { subject, reference } = this.#host;
    const archive = this.#archive();
    let cases: TrackedCase[] = [];
    if (archive && subject) {
      const [queued, sent] = await Promise.all([
        archive.queued(subject).catch(() => []),
        archive.sent(subject).catch(() => []),
      ]);
      cases = [
        ...queued.map((q): TrackedCase => ({
          key: q.key,
          state: 'queued',
          matter: { ...q.submission.matter, ...(q.title ? { title: q.title } : {}) },
          submittedAt: q.submission.submittedAt,
          action: q.action,
          attempts: q.attempts,
        })),
        ...sent.map((s): TrackedCase => ({
          key: s.key,
          state: 'sent',
          reference: s.reference,
          matter: s.matter,
          submittedAt: s.submittedAt,
          action: s.action,
        })),
      ].sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
    }
    if (!reference) return cases;
    const mine = cases.filter((c) => c.reference === reference);
    // A case this device did not send (or does not keep): the gateway still knows it.
    return mine.length > 0 ? mine : [{ key: reference, state: 'sent', reference }];
  }

  /** Where a case's status is read: `{action}/{reference}`, the action the element was given first. */
  #statusUrl(c: TrackedCase): URL | undefined {
    const { action, gateway } = this.#host;
    const base = action || (gateway ? `${gateway.replace(/\/+$/, '')}/submissions` : c.action);
    if (!base || !c.reference) return undefined;
    return new URL(`${base.replace(/\/+$/, '')}/${encodeURIComponent(c.reference)}`, document.baseURI);
  }

  async #check(c: TrackedCase, round: number): Promise<void> {
    const url = this.#statusUrl(c);
    if (!url) return;
    const token = this.#host.subject?.token;
    const headers = new Headers({ Accept: 'application/json' });
    if (token) headers.set('Authorization', `Bearer ${token}`);
    let error: CaseError | undefined;
    let answer: CaseAnswer | undefined;
    try {
      const response = await fetch(url, { headers, credentials: token ? 'same-origin' : 'include' });
      if (response.ok) {
        const body = (await response.json().catch(() => undefined)) as CaseAnswer | undefined;
        if (body && typeof body.status === 'string') answer = body;
        else error = { code: 'http', status: response.status };
      } else if (response.status === 404) error = { code: 'not-found' };
      else if (response.status === 401) error = { code: 'unauthorized' };
      else error = { code: 'http', status: response.status };
    } catch {
      error = { code: 'network' };
    }
    if (round !== this.#round) return;
    const now: TrackedCase = { ...c, ...(answer ? { answer } : {}) };
    if (error) now.error = error;
    else delete now.error;
    this.cases = this.cases.map((x) => (x.key === c.key ? now : x));
    this.#host.requestUpdate();
    if (answer && c.reference) {
      const detail: MatterStatusDetail = { reference: c.reference, ...answer };
      this.#host.dispatchEvent(new CustomEvent('matter-status', { detail, bubbles: true, composed: true }));
    }
  }

  /** Sends an outbox entry now (with the others of this person that are queued), then lists again. */
  async #sendNow(c: TrackedCase): Promise<void> {
    const archive = this.#archive();
    const { subject } = this.#host;
    if (!archive || !subject || this.#sending.has(c.key)) return;
    const host = this.#host;
    this.#sending.add(c.key);
    this.#announcement = say(m.sending, langOf(host));
    host.requestUpdate();
    const outcomes = await deliverQueued(archive, subject, { all: true }).catch(() => []);
    this.#sending.delete(c.key);
    const mine = outcomes.find((o) => o.submission.idempotencyKey === c.key);
    const lang = langOf(host);
    await this.refresh();
    if (mine?.status === 'delivered') this.#announcement = say(m.sent, lang, { reference: mine.reference });
    else if (mine?.status === 'rejected') {
      const message = mine.errors.map((e) => localize(e.message as Text, lang)).join('; ') || `HTTP ${mine.httpStatus}`;
      this.#announcement = say(m.rejected, lang, { message });
    } else this.#announcement = say(m.stillWaiting, lang);
    host.requestUpdate();
  }

  render(): TemplateResult {
    const host = this.#host;
    const lang = langOf(host);
    const announcement = html`<p part="announcement" class="announcement" role="status" aria-live="polite">
      ${this.#announcement}
    </p>`;
    const toolbar = html`<div part="toolbar" class="toolbar">
      <button part="button refresh-button" type="button" @click=${() => void this.refresh()}>
        ${say(m.refresh, lang)}
      </button>
      ${announcement}
    </div>`;
    if (!this.#listed)
      return html`${toolbar}
        <p part="empty">${say(m.loading, lang)}</p>`;
    if (this.cases.length === 0) {
      const empty = host.subject || host.reference ? m.none : m.noSubject;
      return html`${toolbar}
        <p part="empty">${say(empty, lang)}</p>`;
    }
    return html`${toolbar}
      <ul part="cases" class="cases" aria-busy=${this.#busy ? 'true' : 'false'}>
        ${this.cases.map((c) => this.#case(c, lang))}
      </ul>`;
  }

  #case(c: TrackedCase, lang: Locale): TemplateResult {
    const title = c.matter?.title ? localize(c.matter.title, lang) : (c.matter?.id ?? say(m.unknownMatter, lang));
    const status = c.answer?.status;
    const decided = status === 'decided';
    const parts = `case case-${c.state}`;
    const classes = `case ${c.state}${decided ? ' decided' : ''}`;
    return html`<li part=${parts} class=${classes}>
      <p part="case-title" class="title">${title}</p>
      <dl part="facts">
        <dt>${say(m.reference, lang)}</dt>
        <dd part="reference" class="reference">${c.reference ?? say(m.noReference, lang)}</dd>
        ${
          c.submittedAt
            ? html`<dt>${say(m.submittedAt, lang)}</dt>
                <dd><time datetime=${c.submittedAt}>${formatDateTime(c.submittedAt, lang)}</time></dd>`
            : nothing
        }
        <dt>${say(m.status, lang)}</dt>
        <dd part=${`case-status case-status-${c.state === 'queued' ? 'queued' : (status ?? 'unknown')}`}>
          ${
            c.state === 'queued'
              ? say(m.queued, lang)
              : status
                ? `${statusText(status, lang)}${c.error ? say(m.lastKnown, lang) : ''}`
                : '—'
          }
        </dd>
        ${
          c.answer
            ? html`<dt>${say(m.updatedAt, lang)}</dt>
                <dd><time datetime=${c.answer.updatedAt}>${formatDateTime(c.answer.updatedAt, lang)}</time></dd>`
            : nothing
        }
      </dl>
      ${decided ? this.#result(c.answer?.result as CaseResult | undefined, lang) : nothing}
      ${c.answer ? this.#timeline(c.answer, lang) : nothing}
      ${c.state === 'queued' ? this.#queued(c, title, lang) : nothing}
      ${c.error ? html`<p part="error-message" class="error">${errorText(c.error, lang)}</p>` : nothing}
    </li>`;
  }

  #result(result: CaseResult | undefined, lang: Locale): TemplateResult | typeof nothing {
    if (!result || typeof result !== 'object') return nothing;
    const decision = result.decision === 'approved' ? say(m.approved, lang) : undefined;
    const ways = (result.delivery ?? []).map((way) => {
      const known = (m as Record<string, Message>)[`delivery-${way}`];
      // A way the gateway names and the SDK does not: isolated from the others (i18n/bidi.ts).
      return known ? say(known, lang) : isolate(way);
    });
    return html`<div part="result" class="result">
      ${
        decision || result.title
          ? html`<p>
              ${decision ?? ''}${decision && result.title ? (lang === 'en' ? '. ' : '。') : ''}${
                result.title ? say(m.resultTitle, lang, { title: localize(result.title, lang) }) : ''
              }
            </p>`
          : nothing
      }
      ${result.licence?.number ? html`<p>${say(m.licenceNumber, lang, { number: result.licence.number })}</p>` : nothing}
      ${
        ways.length > 0
          ? html`<p>${say(m.delivery, lang, { ways: ways.join(lang === 'en' ? ', ' : '、') })}</p>`
          : nothing
      }
    </div>`;
  }

  /** The statuses passed, with when; then, on the known timeline, those still to come. */
  #timeline(answer: CaseAnswer, lang: Locale): TemplateResult {
    const history = answer.history?.length ? answer.history : [{ status: answer.status, at: answer.updatedAt }];
    const at = TIMELINE.indexOf(answer.status as (typeof TIMELINE)[number]);
    const pending = at < 0 ? [] : TIMELINE.slice(at + 1);
    const last = history.length - 1;
    return html`<ol part="timeline" class="timeline" aria-label=${say(m.timeline, lang)}>
      ${history.map(
        (entry, i) =>
          html`<li
            part=${`timeline-step ${i === last ? 'timeline-step-current' : 'timeline-step-done'}`}
            class=${i === last ? 'done current' : 'done'}
            aria-current=${i === last ? 'step' : 'false'}
          >
            ${statusText(entry.status, lang)}${i === last ? say(m.current, lang) : ''}
            <time datetime=${entry.at}>${formatDateTime(entry.at, lang)}</time>
          </li>`,
      )}
      ${pending.map(
        (status) =>
          html`<li part="timeline-step timeline-step-pending" class="pending">
            ${statusText(status, lang)} — ${say(m.pending, lang)}
          </li>`,
      )}
    </ol>`;
  }

  #queued(c: TrackedCase, title: string, lang: Locale): TemplateResult {
    const sending = this.#sending.has(c.key);
    return html`<p part="queued-detail" class="queued-detail">
        ${say(m.queuedDetail, lang, { attempts: c.attempts ?? 0 })}
      </p>
      <button
        part="button send-button"
        type="button"
        aria-label=${say(m.sendNowFor, lang, { title })}
        @click=${() => void this.#sendNow(c)}
      >
        ${say(sending ? m.sending : m.sendNow, lang)}
      </button>`;
  }
}

function statusText(status: string, lang: Locale): string {
  const known = (m as Record<string, Message>)[status];
  return known && (TIMELINE as readonly string[]).includes(status) ? say(known, lang) : status;
}

function errorText(error: CaseError, lang: Locale): string {
  if (error.code === 'http') return say(m.errorHttp, lang, { status: error.status });
  return say(
    error.code === 'network' ? m.errorNetwork : error.code === 'not-found' ? m.errorNotFound : m.errorUnauthorized,
    lang,
  );
}

function intlLocale(lang: Locale): string {
  return lang === 'en' ? 'en-GB' : lang === 'zh-CN' ? 'zh-CN' : lang;
}

/** An instant as people read it, in their own time zone: `2026年11月26日 10:05` / `26 Nov 2026, 10:05`. */
function formatDateTime(iso: string, lang: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function formatTime(date: Date, lang: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { timeStyle: 'short' }).format(date);
}
