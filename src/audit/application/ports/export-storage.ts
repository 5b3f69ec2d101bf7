import type { Readable, Writable } from 'node:stream';

export interface StoredExportFile {
  fileKey: string;
  sizeBytes: number;
  sha256: string;
}

/** A file being written: nothing is visible under its final name until `commit`. */
export interface TemporaryExportFile {
  /** Write the file's bytes here and end it. */
  readonly stream: Writable;
  /** Waits for the bytes to reach the disk, then moves the file into place. */
  commit(): Promise<StoredExportFile>;
  /** Removes whatever was written (a failed attempt leaves nothing behind). */
  discard(): Promise<void>;
}

/** Where export files live (EXPORT_DIR). */
export interface ExportStorage {
  createTemporary(
    exportId: string,
    attempt: number,
    extension: string,
  ): Promise<TemporaryExportFile>;
  open(fileKey: string): Promise<{ stream: Readable; sizeBytes: number }>;
  /** Whether the file is (still) in the export folder. */
  has(fileKey: string): Promise<boolean>;
  /** Removes a file; a file already gone is not an error. */
  remove(fileKey: string): Promise<void>;
  /** Stores an export's signed statement beside its file (`<id>.statement.json`); returns its key. */
  putStatement(exportId: string, text: string): Promise<string>;
  /** A statement's text, as stored. */
  readStatement(fileKey: string): Promise<string>;
}
export const EXPORT_STORAGE = Symbol('ExportStorage');
