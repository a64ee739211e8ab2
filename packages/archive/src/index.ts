// The applicant's archive bag in the browser: answers by concept, documents by material,
// drafts per matter and the submission outbox, sealed at rest in IndexedDB.
export {
  Archive,
  ArchiveError,
  createArchive,
  type ArchiveErrorCode,
  type ArchiveOptions,
  type ArchiveSubject,
  type Draft,
  type DraftContent,
  type DraftSave,
  type KeptDocument,
  type PurgeCounts,
  type QueuedSubmission,
  type SentSubmission,
} from './archive.js';
export {
  deliverQueued,
  OutboxCourier,
  retryDelay,
  type DeliveryOptions,
  type DeliveryOutcome,
  type ServerError,
} from './outbox.js';
