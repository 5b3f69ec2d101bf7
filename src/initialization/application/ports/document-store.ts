import type { Readable } from 'node:stream';

/**
 * An upload already in the store, encrypted, under a key of its own, before the request
 * that names it is saved: `commit` once the request is saved (nothing left to do for an
 * object store), `discard` when it is not, removing the object and its data key. One the
 * desk never got to discard (a crash) is removed by the orphan sweep after a grace period.
 */
export interface StagedDocument {
  readonly sha256: string;
  readonly sizeBytes: number;
  /** The encrypted object's key in the documents store, recorded with the document. */
  readonly storageKey: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** What the store needs to find a document's bytes: its key, or (stored in the clear before) its SHA-256. */
export interface StoredDocumentRef {
  readonly storageKey: string | null;
  readonly sha256: string;
  /** The document's id, when known: a legacy file shared by other rows is kept for them. */
  readonly id?: string;
}

/**
 * Where document files live: each encrypted with a data key of its own (AES-256-GCM),
 * under an opaque key. The client's file name is never used in a key. Reading returns
 * nothing before the whole file is authenticated. A store that cannot be reached throws
 * `ObjectStoreUnavailableError` (a 503 to whoever asked).
 */
export interface DocumentStore {
  stage(content: Buffer): Promise<StagedDocument>;
  /** The plaintext, authenticated; `DocumentMissingError` when the file is not there. */
  open(document: StoredDocumentRef): Promise<Readable>;
  /**
   * Removes the document's object and its data key (retention). A legacy file in the clear
   * only when no other document still stored uses the same SHA-256.
   */
  remove(document: StoredDocumentRef): Promise<void>;
}
export const DOCUMENT_STORE = Symbol('DocumentStore');

/** The document's file is not in the store (never stored, or removed). */
export class DocumentMissingError extends Error {
  constructor(readonly ref: string) {
    super(`The document file ${ref} is not in the store.`);
    this.name = 'DocumentMissingError';
  }
}
