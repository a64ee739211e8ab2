/**
 * How the mock gateway moves a case along (SPEC §6 `GET {action}/{reference}`), so a demo of
 * case tracking has something to follow: received → accepted (受理) → in-review (审查) →
 * decided (办结), each status `stepSeconds` after the one before it, counted from the
 * submission's `receivedAt` on the gateway's clock (plus whatever `/__mock/advance` added to
 * that case). Nothing is stored: the status is worked out on every call from those three.
 */
import type { Matter, Text } from '@matterform/core';

export const CASE_STATUSES = ['received', 'accepted', 'in-review', 'decided'] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];

/** What a decided case gave the applicant: the matter's result, an e-licence number when it issues one. */
export interface CaseResult {
  decision: 'approved';
  /** The matter's `result.title`, e.g. 居住证. */
  title?: Text;
  /** The e-licence issued, when the matter's result is one. */
  licence?: { type: string; number: string };
  /** How it reaches the applicant (the matter's `result.delivery`), e.g. `["e-licence", "pickup"]`. */
  delivery?: string[];
}

/** SPEC §6's `{ status, updatedAt, result? }`, with `history` beside them (a mock extension). */
export interface CaseAnswer {
  status: CaseStatusName;
  updatedAt: string;
  result?: CaseResult;
  /** Every status the case has had, oldest first, each with when it began. */
  history: { status: CaseStatusName; at: string }[];
}

/** The default time in each status: minutes apart, so a demo page visibly moves. */
export const DEFAULT_CASE_STEP_SECONDS = 120;

/**
 * The case's answer at `now`: the statuses whose start has come, the last of them current.
 * `stepSeconds` 0 decides a case the moment it is received.
 */
export function caseAnswer(
  reference: string,
  receivedAt: string,
  now: Date,
  stepSeconds: number,
  matter: Matter | undefined,
): CaseAnswer {
  const received = Date.parse(receivedAt);
  const history = CASE_STATUSES.map((status, i) => ({ status, at: received + i * stepSeconds * 1000 }))
    .filter((entry, i) => i === 0 || entry.at <= now.getTime())
    .map(({ status, at }) => ({ status, at: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z') }));
  const current = history[history.length - 1] as { status: CaseStatusName; at: string };
  const answer: CaseAnswer = { status: current.status, updatedAt: current.at, history };
  if (current.status === 'decided') answer.result = caseResult(reference, matter);
  return answer;
}

function caseResult(reference: string, matter: Matter | undefined): CaseResult {
  const result = matter?.result;
  return {
    decision: 'approved',
    ...(result?.title ? { title: result.title } : {}),
    // Synthetic and derived from the reference: the same case always shows the same number.
    ...(result?.licence ? { licence: { type: result.licence, number: `MOCK-${reference}` } } : {}),
    ...(result?.delivery ? { delivery: [...result.delivery] } : {}),
  };
}
