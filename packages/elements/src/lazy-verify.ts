/**
 * `verifySubmission` as the bundle exports it (SPEC §5 "Exports"): a back office's check of
 * the signed values, fetched as a chunk of its own when first called. Form pages never call
 * it, so its canonical JSON and HMAC code stay out of the entry (SPEC §9's budget).
 */
import type { Submission, VerifyOptions, VerifyResult } from '@matterform/core';

export async function verifySubmission(
  submission: Pick<Submission, 'subject' | 'data' | 'provenance'>,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const { verifySubmission: verify } = await import('@matterform/core/signature');
  return verify(submission, options);
}
