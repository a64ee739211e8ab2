/**
 * The shapes that travel with an application (SPEC §3.3 material entries, SPEC §5
 * submission, provenance and consents). The engines produce them; the element submits them;
 * the gateway and back offices read them.
 */
import type { ProviderId, SubjectKind } from '../connectors/connectors.js';
import type { Actor } from '../generated/catalogue.js';

export type MaterialStatus =
  'not-applicable' | 'onsite' | 'licence' | 'data' | 'uploaded' | 'archive' | 'expired' | 'missing';

export interface MaterialFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** SPEC §3.3: a material entry in events, submissions and CLI output. */
export interface MaterialEntry {
  id: string;
  status: MaterialStatus;
  by?: {
    licence?: { type: string; number: string; validUntil: string | null };
    source?: string;
    archive?: { uploadedAt: string; validUntil: string | null };
  };
  why?: {
    when?: { pointer: string; value: unknown }[];
    failed?: ProviderId[];
  };
  files?: MaterialFile[];
}

export interface Conflict {
  provider: ProviderId;
  value: unknown;
}

/** Where a value came from (SPEC §5 `provenance`). */
export interface Provenance {
  provider: ProviderId;
  fetchedAt: string;
  locked: boolean;
  conflicts?: Conflict[];
  signature?: string;
  edited?: boolean;
}

export interface ConsentRecord {
  id: string;
  source: string;
  concepts: string[];
  purpose: string;
  givenAt: string;
  givenTo: 'applicant' | 'host';
}

export interface Payload {
  system: string;
  payload: unknown;
}

/** SPEC §5: what is sent; never the token. */
export interface Submission {
  matter: { id: string; version: string };
  subject: { kind: SubjectKind; id: string; actor?: Actor };
  data: Record<string, unknown>;
  materials: MaterialEntry[];
  provenance: Record<string, Provenance>;
  consents: ConsentRecord[];
  payloads: Payload[];
  submittedAt: string;
  idempotencyKey: string;
}

/** The multipart body of SPEC §6 `POST {action}`: part `submission` (JSON), then one part per file named by its sha256. */
export function submissionBody(submission: Submission, files: readonly { part: string; file: File }[]): FormData {
  const body = new FormData();
  body.append('submission', new Blob([JSON.stringify(submission)], { type: 'application/json' }), 'submission.json');
  for (const { part, file } of files) body.append(part, file, file.name);
  return body;
}
