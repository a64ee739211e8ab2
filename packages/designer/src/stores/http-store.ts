/**
 * The design store of `matterform design DIR` (SPEC §8, §10): the same verbs, answered by
 * the server over the catalogue folder. The server is the one that checks: it refuses to
 * publish what `validate` rejects (422 with the problems), and any id it cannot take (400).
 *
 * Routes, relative to `base` (`/store/` on `matterform design`):
 *   GET    matters                   → DesignListEntry[]
 *   POST   matters                   { id, from?, title? } → 201 { draft }   (blank, or a copy of `from`)
 *   GET    matters/{id}              → { live?, draft?, state }
 *   PUT    matters/{id}/draft        matter → DesignListEntry
 *   DELETE matters/{id}/draft        → 204
 *   POST   matters/{id}/publish      { matter, version, changelog } → PublishedVersion | 422 { problems }
 *   GET    matters/{id}/versions     → PublishedVersion[]
 *   GET    matters/{id}/versions/{v} → the matter as published at that version
 * Errors: `{ error: { code, message }, problems? }`.
 */
import type { Matter, Problem, Text } from '@matterform/core';
import {
  checkId,
  DesignStoreError,
  type DesignListEntry,
  type DesignLoad,
  type DesignStore,
  type DesignStoreErrorCode,
  type PublishedVersion,
  type PublishOptions,
} from './store.js';

export interface HttpDesignStoreOptions {
  /** The store's base URL, e.g. `http://127.0.0.1:8788/store/`; relative to the page's address. */
  base: string;
  fetch?: typeof fetch;
}

const CODES: readonly DesignStoreErrorCode[] = [
  'bad-id',
  'not-found',
  'exists',
  'invalid-matter',
  'version-exists',
  'bad-request',
  'failed',
];

export function httpDesignStore(
  options: HttpDesignStoreOptions,
): DesignStore & { create(request: { id: string; from?: string; title?: Text }): Promise<Matter> } {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const page = typeof document === 'undefined' ? undefined : document.baseURI;
  const base = new URL(options.base.endsWith('/') ? options.base : `${options.base}/`, page);

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await send(new URL(path, base), {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new DesignStoreError('failed', `the design server cannot be reached: ${(error as Error).message}`);
    }
    if (response.status === 204) return undefined as T;
    const answer = (await response.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string }; problems?: Problem[] } | undefined;
    if (response.ok) return answer as T;
    const code = CODES.find((c) => c === answer?.error?.code) ?? 'failed';
    throw new DesignStoreError(
      code,
      answer?.error?.message ?? `the design server answered ${response.status}`,
      Array.isArray(answer?.problems) ? answer.problems : [],
    );
  };
  const at = (id: string, rest = '') => {
    checkId(id);
    return `matters/${id}${rest}`;
  };

  // Async, so a bad id rejects like any other refusal rather than throwing at the call.
  return {
    list: async () => call<DesignListEntry[]>('GET', 'matters'),
    load: async (id) => call<DesignLoad>('GET', at(id)),
    save: async (matter) => call<DesignListEntry>('PUT', at(matter?.id, '/draft'), matter),
    publish: async (matter, { version, changelog }: PublishOptions) =>
      call<PublishedVersion>('POST', at(matter?.id, '/publish'), { matter, version, changelog }),
    versions: async (id) => call<PublishedVersion[]>('GET', at(id, '/versions')),
    discard: async (id) => call<void>('DELETE', at(id, '/draft')),
    create: async (request) => (await call<{ draft: Matter }>('POST', 'matters', request)).draft,
  };
}
