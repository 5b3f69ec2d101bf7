import type { Readable } from 'node:stream';

/** A file written aside, not yet part of the store: commit it once the request is saved, or discard it. */
export interface StagedDocument {
  readonly sha256: string;
  readonly sizeBytes: number;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Where document files live, addressed by their SHA-256. The client's file
 * name is never used in a path.
 */
export interface DocumentStore {
  stage(content: Buffer): Promise<StagedDocument>;
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}
export const DOCUMENT_STORE = Symbol('DocumentStore');
