import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { systemActor } from '../../../../shared/domain/actor.js';
import { msg, type Message } from '../../../../shared/i18n/message.js';
import { Translator, type Words } from '../../../../shared/i18n/translator.js';
import type { DataExport } from '../../../domain/data-export.js';
import { figuresOf, isInRange } from '../../../domain/request-figures.js';
import {
  IsoTimestamps,
  auditEventCells,
  businessDayWindow,
  exportLayout,
  exportSummary,
  requestCells,
} from '../../exports/export-datasets.js';
import {
  AUDIT_TRAIL_READER,
  type AuditTrailReader,
  type ChainHeadView,
} from '../../ports/audit-trail.reader.js';
import { BUSINESS_TIME_SOURCE, type BusinessTimeSource } from '../../ports/business-time-source.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../ports/data-export.repository.js';
import {
  EXPORT_FILE_WRITERS,
  type ExportFileWriter,
  type ExportFileWriters,
  type ExportRowsDigest,
  EXPORT_ROW_BLOCK,
} from '../../ports/export-file-writer.js';
import {
  EXPORT_STATEMENT_SIGNER,
  type ExportStatementSigner,
} from '../../ports/export-statement-signer.js';
import { EXPORT_STORAGE, type ExportStorage } from '../../ports/export-storage.js';
import { fieldCodesOf, statementFileText } from '../../exports/export-statement.js';
import { REQUEST_FACTS_READER, type RequestFactsReader } from '../../ports/request-facts.reader.js';
import { RunExportCommand, type RunExportOutcome } from './run-export.command.js';

const EXPORT_WORKER = systemActor('export worker');
const PROGRESS_INTERVAL_MS = 400;

/**
 * The reason an attempt failed, for the auditor: a file-system error by its
 * code and operation (never the server's paths), anything else by its message.
 */
export function describeFailure(error: unknown): Message {
  const failure = (error ?? {}) as { code?: unknown; syscall?: unknown; message?: unknown };
  if (typeof failure.code === 'string' && typeof failure.syscall === 'string') {
    return msg('exports.failure.fileNotWritten', { code: failure.code, syscall: failure.syscall });
  }
  return msg('exports.failure.other', {
    message: typeof failure.message === 'string' ? failure.message : String(error),
  });
}

/** Tells the export's record (and the queue) how far it got, at most a few times a second. */
class ProgressReporter {
  private expected = 0;
  private last = performance.now();

  constructor(
    private readonly exportId: string,
    private readonly exports: DataExportRepository,
    private readonly onProgress?: (percent: number) => void,
  ) {}

  async start(expected: number): Promise<void> {
    this.expected = expected;
    await this.exports.recordProgress(this.exportId, 0, expected);
    this.onProgress?.(0);
  }

  /** Call every 256 rows. */
  async rowsWritten(rows: number): Promise<void> {
    const now = performance.now();
    if (now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    await this.exports.recordProgress(this.exportId, rows);
    if (this.expected > 0)
      this.onProgress?.(Math.min(99, Math.floor((rows / this.expected) * 100)));
  }
}

/**
 * One attempt at an export: rows stream from a database cursor into a
 * temporary file (memory stays flat), which replaces the final file only when
 * complete; so a retry never duplicates rows. The file's SHA-256 and row count
 * are recorded with the completion, which is audited. The file is written in its
 * requester's language: headers, sheet names, summary and value words. Before it is
 * complete, a statement of its rows is signed at an audit checkpoint taken for it and
 * stored beside it (`<id>.statement.json`), for `audit:verify-export` to check offline.
 */
@CommandHandler(RunExportCommand)
export class RunExportHandler implements ICommandHandler<RunExportCommand> {
  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(AUDIT_TRAIL_READER) private readonly trail: AuditTrailReader,
    @Inject(REQUEST_FACTS_READER) private readonly requests: RequestFactsReader,
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(EXPORT_STATEMENT_SIGNER) private readonly statements: ExportStatementSigner,
    @Inject(EXPORT_FILE_WRITERS) private readonly writers: ExportFileWriters,
    @Inject(BUSINESS_TIME_SOURCE) private readonly businessTime: BusinessTimeSource,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly translator: Translator,
  ) {}

  async execute(command: RunExportCommand): Promise<RunExportOutcome> {
    const started = await this.unitOfWork.run(async () => {
      const dataExport = await this.exports.getForUpdate(command.exportId);
      if (!dataExport.isPending()) return null;
      dataExport.start(command.attempt, this.clock.now());
      await this.exports.save(dataExport);
      return dataExport;
    });
    if (!started) return { status: 'SKIPPED', reason: 'the export is no longer pending' };

    const extension = started.format === 'XLSX' ? 'xlsx' : 'csv';
    const file = await this.storage.createTemporary(started.id, command.attempt, extension);
    try {
      const { rowCount, head, rows } = await this.writeFile(
        started,
        file.stream,
        command.onProgress,
      );
      const stored = await file.commit();
      // The signed statement, at a checkpoint taken for this export, beside the file:
      // stored before the export is complete, so a completed export always has one.
      const signed = await this.statements.sign({
        exportId: started.id,
        dataset: started.dataset,
        format: started.format,
        rowCount,
        sha256: rows.sha256,
        rowBlocks: { size: EXPORT_ROW_BLOCK, sha256: rows.blocks },
        filters: JSON.parse(JSON.stringify(started.filters)) as typeof started.filters,
        fieldCodes: fieldCodesOf(started.dataset),
        file: { sha256: stored.sha256, sizeBytes: stored.sizeBytes },
        chainHead: { seq: head.seq, hash: head.hash },
      });
      const statementKey = await this.storage.putStatement(started.id, statementFileText(signed));
      await this.unitOfWork.run(async () => {
        const dataExport = await this.exports.getForUpdate(started.id);
        dataExport.complete(
          {
            ...stored,
            rowCount,
            chainHead: { seq: head.seq, hash: head.hash },
            statement: {
              fileKey: statementKey,
              checkpointNo: signed.statement.checkpoint.no,
              rowsSha256: rows.sha256,
            },
          },
          this.clock.now(),
        );
        await this.exports.save(dataExport);
        this.audit.record({
          actor: EXPORT_WORKER,
          action: 'export.completed',
          details: {
            exportId: dataExport.id,
            dataset: dataExport.dataset,
            format: dataExport.format,
            rowCount,
            sha256: stored.sha256,
            sizeBytes: stored.sizeBytes,
            chainHeadSeq: head.seq,
            rowsSha256: rows.sha256,
            checkpointNo: signed.statement.checkpoint.no,
            attempt: command.attempt,
          },
        });
      });
      command.onProgress?.(100);
      return { status: 'COMPLETED', rowCount, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
    } catch (error) {
      await file.discard().catch(() => undefined);
      await this.recordFailure(started.id, command, error);
      throw error;
    }
  }

  private async recordFailure(exportId: string, command: RunExportCommand, error: unknown) {
    const finalAttempt = command.attempt >= command.maxAttempts;
    await this.unitOfWork.run(async () => {
      const dataExport = await this.exports.getForUpdate(exportId);
      // In the requester's language, like the file they asked for.
      const message = this.wordsOf(dataExport).text(describeFailure(error));
      dataExport.attemptFailed(message, !finalAttempt, this.clock.now());
      await this.exports.save(dataExport);
      if (finalAttempt) {
        this.audit.record({
          actor: EXPORT_WORKER,
          action: 'export.failed',
          details: {
            exportId,
            dataset: dataExport.dataset,
            format: dataExport.format,
            error: message,
            attempts: command.attempt,
          },
        });
      }
    });
  }

  private async writeFile(
    dataExport: DataExport,
    target: Writable,
    onProgress?: (percent: number) => void,
  ): Promise<{ rowCount: number; head: ChainHeadView; rows: ExportRowsDigest }> {
    const time = await this.businessTime.current();
    const progress = new ProgressReporter(dataExport.id, this.exports, onProgress);
    const times = new IsoTimestamps(time.zone);
    const words = this.wordsOf(dataExport);
    const filters = dataExport.filters;
    const writer = this.writers.open(
      dataExport.format,
      target,
      exportLayout(dataExport.dataset, words, time.zone),
    );

    if (dataExport.dataset === 'audit-events') {
      return this.trail.readEvents(filters, async ({ head, expectedRows, rows }) => {
        await progress.start(expectedRows);
        let count = 0;
        for await (const event of rows) {
          const full = writer.writeRow(auditEventCells(event, times, words));
          if (full) await full;
          count += 1;
          if ((count & 255) === 0) await progress.rowsWritten(count);
        }
        return this.finish(writer, dataExport, count, head, time.zone);
      });
    }

    const range = { from: filters.from, to: filters.to };
    // Exactly the instants whose business day is in the range: the count the progress
    // bar shows as its total is the number of rows the file will hold.
    const window = businessDayWindow(range, time);
    return this.requests.readRequests(
      {
        receivedOrDecidedFrom: window.from,
        receivedOrDecidedBefore: window.before,
        status: filters.status,
        subjectType: filters.subjectType,
      },
      async ({ head, expectedRows, rows }) => {
        await progress.start(expectedRows);
        let count = 0;
        for await (const record of rows) {
          const figures = figuresOf(record, time);
          if (!isInRange(figures, range)) continue;
          const full = writer.writeRow(requestCells(figures, times, words));
          if (full) await full;
          count += 1;
          if ((count & 255) === 0) await progress.rowsWritten(count);
        }
        return this.finish(writer, dataExport, count, head, time.zone);
      },
    );
  }

  private async finish(
    writer: ExportFileWriter,
    dataExport: DataExport,
    rowCount: number,
    head: ChainHeadView,
    zone: string,
  ): Promise<{ rowCount: number; head: ChainHeadView; rows: ExportRowsDigest }> {
    const words = this.wordsOf(dataExport);
    const rows = await writer.finish(
      exportSummary(dataExport, rowCount, head, this.clock.now(), zone, words),
    );
    return { rowCount, head, rows };
  }

  private wordsOf(dataExport: DataExport): Words {
    return this.translator.words(dataExport.locale);
  }
}
