/**
 * `@matterform/core/signature`: signing values and verifying submissions, without the rest of
 * core's entry — what a gateway or a back office imports, and the chunk the browser bundle's
 * `verifySubmission` fetches.
 */
export {
  canonicalJson,
  KEY_ID_PATTERN,
  signValue,
  type SignatureSecret,
  type SignValueInput,
} from '../submission/signature.js';
export {
  verifySubmission,
  type SignatureError,
  type SignatureErrorCode,
  type VerifyOptions,
  type VerifyResult,
} from './verify.js';
