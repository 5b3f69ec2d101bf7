import type { Readable } from 'node:stream';

/** The store could not be reached or refused the request (a 503 to whoever asked). */
export class ObjectStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The document and export store cannot be reached.', { cause });
  }
}

/** No object under that key (never stored, or removed). */
export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under ${key}.`);
  }
}

export interface StoredObjectSummary {
  readonly key: string;
  readonly lastModified: Date;
}

/**
 * Bytes under flat keys (`documents/…`, `exports/…`): the local disk by default, or an
 * S3-compatible object store (OSS, S3, MinIO) when OBJECT_STORE_URL is set. Keys are made by
 * the desk, never from a client's file name: lowercase letters, digits, `-`, `.` and `/`.
 * A `put` is all or nothing: a reader never sees half an object under its key.
 */
export interface ObjectStore {
  /** Stores the bytes under `key`, replacing any object there. A stream needs its size. */
  put(key: string, body: Buffer | { stream: Readable; sizeBytes: number }): Promise<void>;
  /** The object's bytes, read whole (documents are at most 10 MiB). */
  read(key: string): Promise<Buffer>;
  /** The object as a stream, for large files such as exports. */
  open(key: string): Promise<{ stream: Readable; sizeBytes: number }>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; one already gone is not an error. */
  remove(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in pages, oldest listing order unspecified. */
  list(prefix: string): AsyncIterable<StoredObjectSummary>;
  /** Throws ObjectStoreUnavailableError when the store cannot be used (for /health). */
  check(): Promise<void>;
  /** 'disk' or 's3', for /health and the logs. */
  readonly kind: 'disk' | 's3';
}
/** The documents' store: DOCUMENT_DIR on disk, or the bucket's `documents/` prefix. */
export const DOCUMENT_OBJECTS = Symbol('DocumentObjects');
/** The exports' store: EXPORT_DIR on disk, or the bucket's `exports/` prefix. */
export const EXPORT_OBJECTS = Symbol('ExportObjects');

const SAFE_KEY = /^[a-z0-9][a-z0-9./-]*$/;

/** Refuses a key the desk would never make (no `..`, no absolute paths, no odd characters). */
export function assertObjectKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.includes('//') || key.endsWith('/'))
    throw new Error(`not an object key: ${key}`);
  return key;
}
