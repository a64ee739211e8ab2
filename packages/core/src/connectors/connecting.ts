/**
 * Putting connectors to work (SPEC §5 "Exports"): which connector serves a provider, a
 * provider's values by concept, and the archives of the gateway and the device as one. Apart
 * from the connector types (connectors.ts) so a form's first paint carries none of it.
 */
import { getAt } from '../schema/pointer.js';
import {
  ProviderError,
  type ArchiveAnswer,
  type ArchivedDocument,
  type Connector,
  type ProviderId,
} from './connectors.js';

/** The first connector that claims the provider, or undefined. */
export function connectorFor(connectors: readonly Connector[], provider: ProviderId): Connector | undefined {
  if (provider === 'archive') return connectors.find((c) => typeof c.archive === 'function');
  if (provider.startsWith('licence:')) return connectors.find((c) => typeof c.licences === 'function');
  const id = provider.slice('source:'.length);
  return connectors.find(
    (c) => typeof c.source === 'function' && (c.sources === undefined || c.sources === '*' || c.sources.includes(id)),
  );
}

/**
 * Applies a catalogue `provides` map (concept → JSON Pointer into the raw response, SPEC §2)
 * to a raw response, keeping only the concepts asked for (data minimisation). A pointer that
 * finds nothing leaves the concept out.
 */
export function mapProvided(
  raw: unknown,
  provides: Readonly<Record<string, string>>,
  concepts: readonly string[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const concept of concepts) {
    // Own keys only: ids are document text, and `toString` is no pointer.
    if (!Object.hasOwn(provides, concept)) continue;
    const pointer = provides[concept] as string;
    const value = getAt(raw, pointer);
    if (value !== undefined) values[concept] = value;
  }
  return values;
}

/**
 * One archive provider over several archives (the gateway's, SPEC §6, and the browser's):
 * every one is asked, and of two answers for one concept, or two copies of one document,
 * the newer wins. An archive that fails is left out while any other answers.
 */
export function combineArchives(...archives: Connector[]): Connector {
  const serving = archives.filter((c) => typeof c.archive === 'function');
  return {
    async archive(request) {
      const settled = await Promise.allSettled(
        serving.map((c) => (c.archive as NonNullable<Connector['archive']>)(request)),
      );
      const answers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      if (answers.length === 0) {
        const first = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
        throw first?.reason ?? new ProviderError('network', 'no archive to ask');
      }
      return mergeArchiveAnswers(answers);
    },
  };
}

export function mergeArchiveAnswers(answers: readonly ArchiveAnswer[]): ArchiveAnswer {
  const merged: ArchiveAnswer = { answers: {}, documents: [] };
  const documents = new Map<string, ArchivedDocument>();
  for (const answer of answers) {
    for (const [concept, entry] of Object.entries(answer.answers)) {
      const current = Object.hasOwn(merged.answers, concept) ? merged.answers[concept] : undefined;
      if (!current || entry.updatedAt > current.updatedAt) merged.answers[concept] = entry;
    }
    for (const document of answer.documents) {
      const current = documents.get(document.material);
      if (!current || document.uploadedAt > current.uploadedAt) documents.set(document.material, document);
    }
  }
  merged.documents = [...documents.values()];
  return merged;
}
