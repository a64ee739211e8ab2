/**
 * Connectors (SPEC §5 Exports): how the engines reach providers. A connector serves some
 * sources, and/or the subject's licences, and/or the archive; the first connector that claims
 * a provider serves it. The HTTP gateway connector and the static (fixtures) connector live
 * here; the browser archive plugs into the same interface.
 */
import type { Actor } from '../generated/catalogue.js';

/** `licence:<type id>`, `source:<source id>` or `archive` (SPEC §1). */
export type ProviderId = `licence:${string}` | `source:${string}` | 'archive';

export type SubjectKind = 'person' | 'organization';

/** The applicant as the host site knows them (SPEC §1). `token` is never persisted. */
export interface SubjectRef {
  kind: SubjectKind;
  id: string;
  token?: string;
  actor?: Actor;
}

/** Why a provider gave nothing (SPEC §5 `reason`); 404 is not a failure but "no data". */
export type FailureReason = 'timeout' | 'network' | 'malformed' | 'consent-refused' | `http-${number}`;

const PROVIDER_ERROR = Symbol.for('matterform.ProviderError');

/**
 * Thrown (or rejected with) by a connector when a provider fails. Recognised by a registered
 * symbol rather than `instanceof`, so a connector built against another copy of this package
 * (the browser bundle beside an npm install) still reports its reason.
 */
export class ProviderError extends Error {
  readonly reason: FailureReason;
  constructor(reason: FailureReason, message?: string) {
    super(message ?? reason);
    this.name = 'ProviderError';
    this.reason = reason;
    Object.defineProperty(this, PROVIDER_ERROR, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PROVIDER_ERROR] === true;
  }
}

export interface SourceRequest {
  /** Concept ids wanted; `[]` when the source is only asked whether it has data (a material). */
  concepts: string[];
  /** The matter id (SPEC §6 `purpose`). */
  purpose: string;
  consent?: { id: string; givenAt: string };
  subject: SubjectRef;
  signal: AbortSignal;
}

/** A source's 200 answer (SPEC §6), values already mapped to concepts. */
export interface SourceAnswer {
  values: Record<string, unknown>;
  fetchedAt: string;
  validUntil?: string;
  signatures?: Record<string, string>;
}

export interface LicencesRequest {
  types: string[];
  concepts: string[];
  purpose: string;
  subject: SubjectRef;
  signal: AbortSignal;
}

/** One licence the subject holds (SPEC §6), expired ones included. */
export interface HeldLicence {
  type: string;
  number: string;
  issuedAt: string;
  validUntil: string | null;
  values: Record<string, unknown>;
  signatures?: Record<string, string>;
  /** When the gateway read it (extension of SPEC §6: the signed tuple needs it). */
  fetchedAt?: string;
}

export interface ArchiveRequest {
  concepts: string[];
  materials: string[];
  subject: SubjectRef;
  signal: AbortSignal;
}

export interface ArchivedAnswer {
  value: unknown;
  updatedAt: string;
}

export interface ArchivedDocument {
  material: string;
  uploadedAt: string;
  validUntil: string | null;
  name: string;
  type?: string;
  size?: number;
  url?: string;
  sha256?: string;
}

export interface ArchiveAnswer {
  answers: Record<string, ArchivedAnswer>;
  documents: ArchivedDocument[];
}

/**
 * SPEC §5 lists `licences?: boolean` and `licences(...)` under one name, which one object
 * cannot hold; here having the function is the claim (a function is truthy, so a host that
 * tests `connector.licences` still reads it right). Same for `archive`.
 */
export interface Connector {
  /** Source ids `source()` serves; `'*'` (the default when `source` is present) serves all. */
  sources?: string[] | '*';
  /** Resolves with the answer, `null` for "no data" (404); rejects with a ProviderError. */
  source?(id: string, request: SourceRequest): Promise<SourceAnswer | null>;
  licences?(request: LicencesRequest): Promise<HeldLicence[]>;
  archive?(request: ArchiveRequest): Promise<ArchiveAnswer>;
}
