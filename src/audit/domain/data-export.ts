import {
  ExportNotReadyError,
  ExportRemovedError,
  ExportStatementMissingError,
  InvalidExportTransitionError,
} from './data-export.errors.js';
import type { Locale } from '../../shared/i18n/locale.js';
import type { Message } from '../../shared/i18n/message.js';
import { describeExport } from './data-export-request.js';
import type { ExportDataset, ExportFilters, ExportFormat } from './export-filters.js';

export const EXPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REMOVED'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** The audit chain's head when the export read its rows. */
export interface ChainHeadMark {
  seq: number;
  hash: string;
}

/**
 * The signed statement beside an export's file (`<id>.statement.json`): its key in the
 * exports' store, the audit checkpoint it was signed at, and the SHA-256 of the data rows
 * it attests (of the rows' texts, not the file's bytes).
 */
export interface ExportStatementMark {
  fileKey: string;
  checkpointNo: number;
  rowsSha256: string;
}

/** What a finished export produced. */
export interface ExportFile {
  fileKey: string;
  rowCount: number;
  sizeBytes: number;
  sha256: string;
  chainHead: ChainHeadMark;
  /** Null (or absent) for an export made before exports were signed. */
  statement?: ExportStatementMark | null;
}

export interface DataExportProps {
  id: string;
  dataset: ExportDataset;
  format: ExportFormat;
  filters: ExportFilters;
  /** The requester's language: the file's headers, sheet names, summary and value words. */
  locale: Locale;
  status: ExportStatus;
  /** Null when the system or the command line asked for it. */
  requestedById: string | null;
  requestedByName: string;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  attempts: number;
  rowsExpected: number | null;
  rowsWritten: number;
  file: ExportFile | null;
  /** Why the last attempt failed, in the requester's language (as their file would be). */
  lastError: string | null;
  removedAt: Date | null;
  updatedAt: Date;
}

const copyOf = (file: ExportFile): ExportFile => ({
  ...file,
  chainHead: { ...file.chainHead },
  statement: file.statement ? { ...file.statement } : file.statement,
});

/**
 * One export an auditor asked for: queued, run (perhaps more than once: a
 * failed attempt leaves nothing behind and is retried), then completed with
 * its file's row count and SHA-256, or failed with the error in words, and in
 * the end removed when it is older than the retention period. Its file speaks the
 * language its requester read the desk in.
 */
export class DataExport {
  private constructor(private props: DataExportProps) {}

  static request(input: {
    id: string;
    dataset: ExportDataset;
    format: ExportFormat;
    filters: ExportFilters;
    locale: Locale;
    requestedById: string | null;
    requestedByName: string;
    now: Date;
  }): DataExport {
    return new DataExport({
      id: input.id,
      dataset: input.dataset,
      format: input.format,
      filters: { ...input.filters },
      locale: input.locale,
      status: 'QUEUED',
      requestedById: input.requestedById,
      requestedByName: input.requestedByName,
      requestedAt: input.now,
      startedAt: null,
      finishedAt: null,
      attempts: 0,
      rowsExpected: null,
      rowsWritten: 0,
      file: null,
      lastError: null,
      removedAt: null,
      updatedAt: input.now,
    });
  }

  static restore(props: DataExportProps): DataExport {
    return new DataExport({ ...props, filters: { ...props.filters } });
  }

  get id(): string {
    return this.props.id;
  }
  get status(): ExportStatus {
    return this.props.status;
  }
  get dataset(): ExportDataset {
    return this.props.dataset;
  }
  get format(): ExportFormat {
    return this.props.format;
  }
  get filters(): ExportFilters {
    return { ...this.props.filters };
  }
  get locale(): Locale {
    return this.props.locale;
  }
  get file(): ExportFile | null {
    return this.props.file;
  }
  get requestedAt(): Date {
    return this.props.requestedAt;
  }
  get requestedByName(): string {
    return this.props.requestedByName;
  }

  toProps(): Readonly<DataExportProps> {
    const file = this.props.file;
    return {
      ...this.props,
      filters: { ...this.props.filters },
      file: file ? copyOf(file) : null,
    };
  }

  /** True when a worker should (still) produce the file. */
  isPending(): boolean {
    return this.props.status === 'QUEUED' || this.props.status === 'RUNNING';
  }

  /** "CSV export of audit events, 2026-11-01 to 2026-11-30, actor “Wang”" */
  describe(): Message {
    return describeExport(this.props);
  }

  /** The file name offered on download. */
  fileName(): string {
    const { dataset, filters, format, id } = this.props;
    return `${dataset}_${filters.from}_${filters.to}_${id.slice(0, 8)}.${format === 'XLSX' ? 'xlsx' : 'csv'}`;
  }

  /**
   * The checksum file offered beside the download (`<file name>.sha256`): one line,
   * `<hex>  <file name>`, naming the file exactly as the download does, so
   * `sha256sum -c` run beside the downloaded file checks it. Refused as the download is.
   */
  checksumFile(): { fileName: string; content: string; file: ExportFile } {
    const file = this.downloadableFile();
    const fileName = this.fileName();
    return { fileName: `${fileName}.sha256`, content: `${file.sha256}  ${fileName}\n`, file };
  }

  /**
   * The signed statement offered beside the download (`<file name>.statement.json`), for
   * `audit:verify-export`: refused as the download is, and when the export has none.
   */
  statementFile(): { fileName: string; fileKey: string; file: ExportFile; checkpointNo: number } {
    const file = this.downloadableFile();
    if (!file.statement) throw new ExportStatementMissingError();
    return {
      fileName: `${this.fileName()}.statement.json`,
      fileKey: file.statement.fileKey,
      file,
      checkpointNo: file.statement.checkpointNo,
    };
  }

  start(attempt: number, now: Date): void {
    if (!this.isPending()) throw new InvalidExportTransitionError(this.props.status, 'start');
    this.props.status = 'RUNNING';
    this.props.attempts = Math.max(this.props.attempts, attempt);
    this.props.startedAt = now;
    this.props.rowsWritten = 0;
    this.props.updatedAt = now;
  }

  complete(file: ExportFile, now: Date): void {
    if (!this.isPending()) throw new InvalidExportTransitionError(this.props.status, 'complete');
    this.props.status = 'COMPLETED';
    this.props.file = copyOf(file);
    this.props.rowsWritten = file.rowCount;
    this.props.rowsExpected = file.rowCount;
    this.props.finishedAt = now;
    this.props.lastError = null;
    this.props.updatedAt = now;
  }

  /** An attempt failed: queued again for a retry, or failed for good after the last attempt. */
  attemptFailed(error: string, willRetry: boolean, now: Date): void {
    if (!this.isPending()) return;
    this.props.status = willRetry ? 'QUEUED' : 'FAILED';
    this.props.lastError = error.slice(0, 2000);
    this.props.rowsWritten = 0;
    if (!willRetry) this.props.finishedAt = now;
    this.props.updatedAt = now;
  }

  /** Whether the retention period has passed (finished exports only). */
  isExpired(now: Date, retentionDays: number): boolean {
    if (this.props.status !== 'COMPLETED' && this.props.status !== 'FAILED') return false;
    const finished = this.props.finishedAt ?? this.props.requestedAt;
    return now.getTime() - finished.getTime() >= retentionDays * 86_400_000;
  }

  /** The retention job removes the file; the record stays. Returns the file key to delete. */
  remove(now: Date): string | null {
    if (this.props.status !== 'COMPLETED' && this.props.status !== 'FAILED') {
      throw new InvalidExportTransitionError(this.props.status, 'remove');
    }
    const fileKey = this.props.file?.fileKey ?? null;
    this.props.status = 'REMOVED';
    this.props.removedAt = now;
    this.props.updatedAt = now;
    return fileKey;
  }

  /** The file to send, or the reason there is none. */
  downloadableFile(): ExportFile {
    if (this.props.status === 'REMOVED') {
      throw new ExportRemovedError();
    }
    if (this.props.status !== 'COMPLETED' || !this.props.file) {
      throw new ExportNotReadyError(this.props.status);
    }
    return this.props.file;
  }
}
