/** The events of SPEC §5, with typed details. All bubble and cross shadow roots. */
import type { Conflict, FailureReason, MaterialEntry, ProviderId, Submission } from '@matterform/core';

export type MatterErrorCode =
  | 'matter-invalid'
  | 'catalogue-invalid'
  | 'load-failed'
  | 'audience-mismatch'
  | 'materials-incomplete'
  | 'submit-failed'
  | 'unauthorized'
  | 'storage-quota'
  | 'csp-blocked'
  /** The host's `value` would have changed locked values: they were kept, the rest applied. */
  | 'locked-field';

export interface MatterReadyDetail {
  matter: { id: string; version: string };
}
export interface MatterConsentDetail {
  given: ProviderId[];
  refused: ProviderId[];
}
export interface MatterPrefillDetail {
  filled: { pointer: string; provider: ProviderId; value: unknown; locked: boolean }[];
  conflicts: { pointer: string; conflicts: Conflict[] }[];
  failed: { provider: ProviderId; reason: FailureReason }[];
  invalid: { pointer: string; provider: ProviderId; value: unknown }[];
}
export interface MatterInputDetail {
  pointer: string;
  value: unknown;
}
export interface MatterStepDetail {
  index: number;
  id: string;
}
export interface MatterSubmitDetail {
  submission: Submission;
}
export interface MatterSubmittedDetail {
  submission: Submission;
  reference: string;
  receivedAt: string;
}
export interface MatterErrorDetail {
  code: MatterErrorCode;
  message: string;
  /** `locked-field`: the data pointers of the locked values kept. */
  pointers?: string[];
}
export interface MatterMaterialsDetail {
  materials: MaterialEntry[];
}

export interface MatterEventMap {
  'matter-ready': CustomEvent<MatterReadyDetail>;
  'matter-consent': CustomEvent<MatterConsentDetail>;
  'matter-prefill': CustomEvent<MatterPrefillDetail>;
  'matter-input': CustomEvent<MatterInputDetail>;
  'matter-step': CustomEvent<MatterStepDetail>;
  'matter-submit': CustomEvent<MatterSubmitDetail>;
  'matter-submitted': CustomEvent<MatterSubmittedDetail>;
  'matter-error': CustomEvent<MatterErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends MatterEventMap {}
}

export function matterEvent<K extends keyof MatterEventMap>(
  type: K,
  detail: MatterEventMap[K]['detail'],
  cancelable = false,
): MatterEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }) as MatterEventMap[K];
}
