import type { DocumentKind } from '../../domain/document-kind.js';

/** A document of a request that ended before the retention window, marked purged in this transaction. */
export interface ExpiredDocument {
  id: string;
  requestId: string;
  reference: string;
  subjectId: string | null;
  kind: DocumentKind;
  sha256: string;
  /** Its key in the documents store (null: a file stored in the clear before encryption). */
  storageKey: string | null;
  /** When its request ended (approved, rejected, expired, withdrawn). */
  endedAt: Date;
}

/**
 * The documents the retention job purges. Runs in the caller's unit of work: the marks
 * commit with the audit events, or not at all.
 */
export interface ExpiredDocuments {
  /**
   * Marks purged at `now` up to `limit` documents not yet purged whose request ended
   * before `endedBefore`, oldest ending first, and returns them. Rows another
   * transaction holds (another instance purging them) are skipped, so instances running
   * at once never mark the same document.
   */
  markPurged(endedBefore: Date, now: Date, limit: number): Promise<ExpiredDocument[]>;
  /** Takes the mark back from documents whose file could not be removed (the next run tries again). */
  unmark(documentIds: readonly string[]): Promise<void>;
}
export const EXPIRED_DOCUMENTS = Symbol('ExpiredDocuments');
