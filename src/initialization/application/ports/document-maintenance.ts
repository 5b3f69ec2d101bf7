/** What one batch of `encryptLegacy` did. */
export interface LegacyEncryption {
  /** Documents now encrypted under a storage key of their own. */
  encrypted: number;
  /** Ids of documents whose file in the clear is not in the store (left as they are). */
  missing: string[];
  /** The last document id looked at (the next batch starts after it); null: none left. */
  last: string | null;
  /** The SHA-256 of each file encrypted: its copy in the clear may go once nobody needs it. */
  hashes: string[];
}

/**
 * The documents' store, as its housekeeping sees it: unreferenced uploads, master-key
 * rotation, and the files stored in the clear before encryption. Each batch runs inside
 * the caller's unit of work and locks what it changes, so instances never do it twice.
 */
export interface DocumentMaintenance {
  /** Removes up to `limit` objects and data keys staged before `stagedBefore` that no document names. */
  removeUnreferenced(stagedBefore: Date, limit: number): Promise<number>;
  /** Re-wraps up to `limit` data keys not under the current master key (rows only, never objects). */
  rewrapKeys(limit: number): Promise<{ rewrapped: number; keyId: string }>;
  /** Encrypts up to `limit` documents stored in the clear, after the document id `after`. */
  encryptLegacy(after: string | null, limit: number): Promise<LegacyEncryption>;
  /** After commit: removes the files in the clear of these hashes that no document still needs. */
  removePlaintextNoLongerUsed(sha256s: readonly string[]): Promise<number>;
}
export const DOCUMENT_MAINTENANCE = Symbol('DocumentMaintenance');
