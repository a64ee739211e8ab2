/**
 * The HTTP gateway connector (SPEC §6): the department's gateway holds the credentials of
 * the ministry and provincial interfaces; the browser only ever talks to it, with the
 * applicant's token (or the site's cookie when there is none).
 */
import { gatewayBase } from './gateway-url.js';
import {
  ProviderError,
  type ArchiveAnswer,
  type ArchiveRequest,
  type Connector,
  type HeldLicence,
  type LicencesRequest,
  type SourceAnswer,
  type SourceRequest,
  type SubjectRef,
} from './connectors.js';

export interface HttpConnectorOptions {
  /** Base URL of the gateway, e.g. `https://gov.example/api` (resolved against `document.baseURI` in browsers). */
  gateway: string;
  /** Serve only these sources (default: all). */
  sources?: string[] | '*';
  /** Replace `fetch` (e.g. to add a header a gateway needs). */
  fetch?: typeof fetch;
}

export interface HttpConnector extends Connector {
  readonly gateway: string;
  /** SPEC §6 `GET /subject`: who the token or cookie belongs to. */
  subject(options?: { token?: string; signal?: AbortSignal }): Promise<SubjectRef>;
}

export function httpConnector(options: HttpConnectorOptions): HttpConnector {
  const base = gatewayBase(options.gateway);
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function call(
    path: string,
    token: string | undefined,
    signal: AbortSignal | undefined,
    init: RequestInit = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetchImpl(new URL(path, base), {
        ...init,
        headers,
        signal: signal ?? null,
        // Without a token the site's cookie is the login (SPEC §5 lifecycle).
        credentials: token ? 'same-origin' : 'include',
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new ProviderError('network', (error as Error).message);
    }
  }

  async function json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new ProviderError('malformed', 'the gateway answered with something that is not JSON');
    }
  }

  return {
    gateway: base.href.replace(/\/$/, ''),
    sources: options.sources ?? '*',

    async source(id: string, request: SourceRequest): Promise<SourceAnswer | null> {
      const body: Record<string, unknown> = { concepts: request.concepts, purpose: request.purpose };
      if (request.consent) body.consent = request.consent;
      const response = await call(`sources/${encodeURIComponent(id)}`, request.subject.token, request.signal, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status === 404) return null;
      if (response.status !== 200) throw new ProviderError(`http-${response.status}`);
      return (await json(response)) as SourceAnswer;
    },

    async licences(request: LicencesRequest): Promise<HeldLicence[]> {
      const query = new URLSearchParams({
        types: request.types.join(','),
        concepts: request.concepts.join(','),
        purpose: request.purpose,
      });
      const response = await call(`licences?${query}`, request.subject.token, request.signal);
      if (response.status === 404) return [];
      if (response.status !== 200) throw new ProviderError(`http-${response.status}`);
      return (await json(response)) as HeldLicence[];
    },

    async archive(request: ArchiveRequest): Promise<ArchiveAnswer> {
      const query = new URLSearchParams({
        concepts: request.concepts.join(','),
        materials: request.materials.join(','),
      });
      const response = await call(`archive?${query}`, request.subject.token, request.signal);
      if (response.status === 404) return { answers: {}, documents: [] };
      if (response.status !== 200) throw new ProviderError(`http-${response.status}`);
      const answer = (await json(response)) as ArchiveAnswer;
      // Document URLs are relative to the gateway; the form fetches them from the page.
      if (answer && Array.isArray(answer.documents)) {
        for (const document of answer.documents) {
          if (typeof document?.url === 'string') document.url = new URL(document.url, base).href;
        }
      }
      return answer;
    },

    async subject({ token, signal } = {}): Promise<SubjectRef> {
      const response = await call('subject', token, signal);
      if (response.status !== 200) throw new ProviderError(`http-${response.status}`);
      const subject = (await json(response)) as SubjectRef;
      if (
        subject === null ||
        typeof subject !== 'object' ||
        (subject.kind !== 'person' && subject.kind !== 'organization') ||
        typeof subject.id !== 'string'
      )
        throw new ProviderError('malformed', 'the gateway did not say who the subject is');
      return token ? { ...subject, token } : subject;
    },
  };
}
