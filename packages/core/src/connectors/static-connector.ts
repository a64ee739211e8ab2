/**
 * A connector over the synthetic fixtures of SPEC §7, for tests, demos and `matterform
 * prefill`: it answers as the mock gateway does (the catalogue's `provides` pointers applied
 * to raw responses, `$status`, `$delayMs` and `$malformed` honoured), without a network.
 */
import { mapProvided } from './connecting.js';
import {
  ProviderError,
  type ArchiveAnswer,
  type Connector,
  type HeldLicence,
  type SourceAnswer,
  type SubjectRef,
} from './connectors.js';
import type { Catalogue, Fixtures, FixtureSubject } from '../generated/catalogue.js';

export interface StaticConnectorOptions {
  catalogue: Catalogue;
  fixtures: Fixtures;
  now?: () => Date;
  /** Honour `$delayMs` (default true). */
  delays?: boolean;
}

export function staticConnector(options: StaticConnectorOptions): Connector {
  const { catalogue, fixtures } = options;
  const now = options.now ?? (() => new Date());
  const sourceById = new Map(catalogue.sources.map((s) => [s.id, s]));
  const licenceById = new Map(catalogue.licences.map((l) => [l.id, l]));
  const find = (subject: SubjectRef): FixtureSubject | undefined =>
    fixtures.subjects.find((s) => s.subject.id === subject.id && s.subject.kind === subject.kind);

  return {
    sources: '*',

    async source(id, request): Promise<SourceAnswer | null> {
      const source = sourceById.get(id);
      if (!source) return null;
      if (source.connected === false) throw new ProviderError('http-503', `${id} is not connected`);
      if (source.consent === true && !request.consent) throw new ProviderError('http-403', `${id} needs consent`);
      const held = find(request.subject)?.sources;
      // Own keys only: a source named `constructor` the subject has no answer from is a 404.
      const raw = held && Object.hasOwn(held, id) ? held[id] : undefined;
      if (raw === undefined) return null;
      if (typeof raw.$delayMs === 'number' && options.delays !== false) await sleep(raw.$delayMs, request.signal);
      if (typeof raw.$status === 'number' && raw.$status !== 200) {
        if (raw.$status === 404) return null;
        throw new ProviderError(`http-${raw.$status}`);
      }
      if (raw.$malformed === true) throw new ProviderError('malformed', `${id} answered out of contract`);
      const fetchedAt = now();
      const answer: SourceAnswer = {
        values: mapProvided(raw, source.provides, request.concepts),
        fetchedAt: fetchedAt.toISOString(),
      };
      if (source.ttlSeconds !== undefined)
        answer.validUntil = new Date(fetchedAt.getTime() + source.ttlSeconds * 1000).toISOString();
      return answer;
    },

    async licences(request): Promise<HeldLicence[]> {
      const fetchedAt = now().toISOString();
      return (find(request.subject)?.licences ?? [])
        .filter((held) => request.types.includes(held.type))
        .map((held) => ({
          type: held.type,
          number: held.number,
          issuedAt: held.issuedAt,
          validUntil: held.validUntil,
          values: mapProvided(held.data, licenceById.get(held.type)?.provides ?? {}, request.concepts),
          fetchedAt,
        }));
    },

    async archive(request): Promise<ArchiveAnswer> {
      const archive = find(request.subject)?.archive;
      const answers: ArchiveAnswer['answers'] = {};
      // Fixtures hold bare values with no date: like the mock gateway, date them the start of
      // today, so an answer the person typed today in this browser is newer.
      const documents = (archive?.documents ?? []).filter((d) => request.materials.includes(d.material));
      const updatedAt = `${now().toISOString().slice(0, 10)}T00:00:00Z`;
      for (const concept of request.concepts) {
        if (archive?.answers && Object.hasOwn(archive.answers, concept))
          answers[concept] = { value: archive.answers[concept], updatedAt };
      }
      return {
        answers,
        documents: documents.map((d) => ({
          material: d.material,
          uploadedAt: d.uploadedAt,
          validUntil: d.validUntil,
          name: d.name,
          ...(d.type !== undefined ? { type: d.type } : {}),
          ...(d.size !== undefined ? { size: d.size } : {}),
        })),
      };
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
