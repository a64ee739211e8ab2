/**
 * Asking the providers (SPEC §3.1 "Providers of a field", "Timing"): each provider of a plan
 * once, all in parallel, each bounded by its timeout; and `prefill`, which fetches, resolves
 * and places in one go. Apart from resolving and placing (prefill.ts) so a form draws its
 * first step without this code, fetched with the prefill (SPEC §9's budget).
 */
import { connectorFor } from '../connectors/connecting.js';
import {
  ProviderError,
  type ArchiveAnswer,
  type HeldLicence,
  type ProviderId,
  type SourceAnswer,
} from '../connectors/connectors.js';
import { loadMatterChecks } from '../validation/checks.js';
import type { ValueCheck } from '../schema/conditions.js';
import type { MatterPlan } from './plan.js';
import { isSchemaObject as isRecord } from '../schema/json-schema.js';
import {
  DEFAULT_TIMEOUT_MS,
  describePlacement,
  placeFills,
  type FetchOptions,
  type PrefillOptions,
  type PrefillResult,
  type ProviderAnswers,
} from './prefill.js';
import { resolveFields } from './resolve.js';

/**
 * Calls every provider of the plan once, for all the concepts asked of it, all at once.
 * Failures are collected per provider; only the overall `signal` makes it reject.
 */
export async function fetchProviders(plan: MatterPlan, options: FetchOptions): Promise<ProviderAnswers> {
  const { subject, connectors, signal } = options;
  const now = options.now ?? (() => new Date());
  const defaultTimeout = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  signal?.throwIfAborted();
  const answers: ProviderAnswers = {
    sources: new Map(),
    failed: [],
    unserved: [],
    calls: [],
    fetchedAt: now().toISOString(),
  };
  const consentFor = new Map((options.consents ?? []).map((c) => [c.source, c]));
  const purpose = plan.matter.id;
  const calls: Promise<void>[] = [];
  const { abandon, release } = abandonOn(signal);
  const fail = (provider: ProviderId, error: unknown) => {
    if (signal?.aborted) throw signal.reason;
    answers.failed.push({ provider, reason: error instanceof ProviderError ? error.reason : 'network' });
  };

  for (const [id, concepts] of plan.requests.sources) {
    const provider = `source:${id}` as const;
    const source = plan.sourceById.get(id);
    if (!source) continue;
    const consent = consentFor.get(id);
    if (source.consent === true && !consent) {
      answers.failed.push({ provider, reason: 'consent-refused' });
      continue;
    }
    const connector = connectorFor(connectors, provider);
    if (!connector?.source) {
      answers.unserved.push(provider);
      continue;
    }
    const serve = connector.source.bind(connector);
    answers.calls.push(provider);
    calls.push(
      bounded(source.timeoutMs ?? defaultTimeout, abandon, (callSignal) =>
        serve(id, {
          concepts: [...concepts],
          purpose,
          subject,
          signal: callSignal,
          ...(consent ? { consent: { id: consent.id, givenAt: consent.givenAt } } : {}),
        }),
      )
        .then((answer) => (answer === null ? null : checkSourceAnswer(answer)))
        .then(
          (answer) => {
            answers.sources.set(id, answer);
          },
          (error) => fail(provider, error),
        ),
    );
  }

  const { types, concepts } = plan.requests.licences;
  if (types.length > 0) {
    const connector = connectorFor(connectors, `licence:${types[0]}`);
    const providers = types.map((t) => `licence:${t}` as const);
    if (!connector?.licences) answers.unserved.push(...providers);
    else {
      const serve = connector.licences.bind(connector);
      answers.calls.push('licences');
      calls.push(
        bounded(defaultTimeout, abandon, (callSignal) =>
          serve({ types: [...types], concepts: [...concepts], purpose, subject, signal: callSignal }),
        )
          .then((held) => checkLicences(held, types))
          .then(
            (held) => {
              answers.licences = held;
            },
            (error) => providers.forEach((p) => fail(p, error)),
          ),
      );
    }
  }

  const archive = plan.requests.archive;
  if (archive.concepts.length > 0 || archive.materials.length > 0) {
    const connector = connectorFor(connectors, 'archive');
    if (!connector?.archive) answers.unserved.push('archive');
    else {
      const serve = connector.archive.bind(connector);
      answers.calls.push('archive');
      calls.push(
        bounded(defaultTimeout, abandon, (callSignal) =>
          serve({ concepts: [...archive.concepts], materials: [...archive.materials], subject, signal: callSignal }),
        )
          .then(checkArchive)
          .then(
            (answer) => {
              answers.archive = answer;
            },
            (error) => fail('archive', error),
          ),
      );
    }
  }

  try {
    await Promise.all(calls);
  } finally {
    release();
  }
  signal?.throwIfAborted();
  return answers;
}

/**
 * Runs `call` with a signal that aborts after `ms` or when the whole prefill is abandoned.
 * Races the call too, so a connector that ignores its signal still cannot hold the prefill
 * past its timeout.
 */
function bounded<T>(ms: number, abandon: Abandon, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const onAbandon = (reason: unknown) => {
      controller.abort(reason);
      reject(reason);
    };
    const timer = setTimeout(() => {
      const error = new ProviderError('timeout', `no answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
    abandon.add(onAbandon);
    const settle = () => {
      clearTimeout(timer);
      abandon.delete(onAbandon);
    };
    let running: Promise<T>;
    try {
      running = call(controller.signal);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error) => {
        settle();
        const timedOut = controller.signal.aborted && controller.signal.reason instanceof ProviderError;
        reject(timedOut ? controller.signal.reason : error);
      },
    );
  });
}

/**
 * The calls to abandon when the overall signal aborts: one listener on that signal for all
 * of them (a listener per call would trip Node's leak warning at ten sources).
 */
type Abandon = Set<(reason: unknown) => void>;

function abandonOn(signal: AbortSignal | undefined): { abandon: Abandon; release: () => void } {
  const abandon: Abandon = new Set();
  const onAbort = () => [...abandon].forEach((stop) => stop(signal?.reason));
  signal?.addEventListener('abort', onAbort, { once: true });
  return { abandon, release: () => signal?.removeEventListener('abort', onAbort) };
}

// Connectors are the host's code, or a gateway's answer: what they hand over is checked
// before any of it is used, so a wrong shape fails that provider alone.
function checkSourceAnswer(answer: unknown): SourceAnswer {
  if (!isRecord(answer) || !isRecord(answer.values) || typeof answer.fetchedAt !== 'string')
    throw new ProviderError('malformed', 'a source answer needs values and fetchedAt');
  if (answer.signatures !== undefined && !isRecord(answer.signatures))
    throw new ProviderError('malformed', 'signatures must be an object');
  return answer as unknown as SourceAnswer;
}

function checkLicences(held: unknown, types: readonly string[]): HeldLicence[] {
  if (!Array.isArray(held)) throw new ProviderError('malformed', 'licences must be an array');
  for (const licence of held) {
    if (
      !isRecord(licence) ||
      typeof licence.type !== 'string' ||
      typeof licence.number !== 'string' ||
      typeof licence.issuedAt !== 'string' ||
      !(licence.validUntil === null || typeof licence.validUntil === 'string') ||
      !isRecord(licence.values)
    )
      throw new ProviderError('malformed', 'a licence needs type, number, issuedAt, validUntil and values');
  }
  return (held as HeldLicence[]).filter((l) => types.includes(l.type));
}

function checkArchive(answer: unknown): ArchiveAnswer {
  if (!isRecord(answer) || !isRecord(answer.answers) || !Array.isArray(answer.documents))
    throw new ProviderError('malformed', 'an archive answer needs answers and documents');
  return answer as unknown as ArchiveAnswer;
}

/** Fetches, resolves and places in one go (SPEC §5 `matter-prefill` detail, plus provenance). */
export async function prefill(plan: MatterPlan, options: PrefillOptions): Promise<PrefillResult> {
  const test = options.test ?? (await loadMatterChecks(plan.schema)).test;
  const checkValue: ValueCheck = options.checkValue ?? ((field, value) => test(field.schema, value));
  const answers = await fetchProviders(plan, options);
  const resolution = resolveFields(plan, answers, { ...options, checkValue });
  const placement = placeFills(plan, options.data ?? {}, resolution.fills, { ...options, test });
  return {
    ...describePlacement(placement.placed),
    data: placement.data,
    failed: answers.failed,
    invalid: resolution.invalid,
    waiting: placement.waiting,
    answers,
    resolution,
  };
}
