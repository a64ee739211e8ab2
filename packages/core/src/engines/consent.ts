/**
 * Consent records (SPEC §5 `consents`): a source with `consent: true` is called only after
 * the applicant (or the host, on their behalf) agreed to what the plan asks of it.
 */
import type { MatterPlan } from './plan.js';
import type { ConsentRecord } from '../submission/submission.js';

export interface ConsentOptions {
  givenTo: ConsentRecord['givenTo'];
  now?: () => Date;
}

/** Records consent for the plan's consent requests whose source is in `sources` (all when omitted). */
export function recordConsents(
  plan: MatterPlan,
  options: ConsentOptions,
  sources?: readonly string[],
): ConsentRecord[] {
  const givenAt = (options.now ?? (() => new Date()))().toISOString();
  return plan.consents
    .filter((request) => sources === undefined || sources.includes(request.source))
    .map((request) => ({
      id: globalThis.crypto.randomUUID(),
      source: request.source,
      concepts: request.concepts.map((c) => c.id),
      purpose: plan.matter.id,
      givenAt,
      givenTo: options.givenTo,
    }));
}
