import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AUDIT_LOG } from '../shared/application/audit-log.js';
import { AUDIT_TRAIL_HEALTH } from '../shared/application/audit-trail-attention.js';
import { DownloadExportHandler } from './application/commands/download-export/download-export.handler.js';
import { DownloadExportChecksumHandler } from './application/commands/download-export-checksum/download-export-checksum.handler.js';
import { DownloadExportStatementHandler } from './application/commands/download-export-statement/download-export-statement.handler.js';
import { RemoveExpiredExportsHandler } from './application/commands/remove-expired-exports/remove-expired-exports.handler.js';
import { RequestExportHandler } from './application/commands/request-export/request-export.handler.js';
import { ResumeStalledExportsHandler } from './application/commands/resume-stalled-exports/resume-stalled-exports.handler.js';
import { RunExportHandler } from './application/commands/run-export/run-export.handler.js';
import { VerifyAuditChainHandler } from './application/commands/verify-audit-chain/verify-audit-chain.handler.js';
import { RunFullVerificationHandler } from './application/commands/run-full-verification/run-full-verification.handler.js';
import { TRAIL_VERIFIER } from './application/ports/trail-verifier.js';
import { VERIFICATION_RUNS } from './application/ports/verification-runs.js';
import { GetVerificationStatusHandler } from './application/queries/get-verification-status/get-verification-status.handler.js';
import { AuditCheckpoints } from './infrastructure/checkpoints/audit-checkpoints.js';
import { CheckpointCopies } from './infrastructure/checkpoints/checkpoint-copies.js';
import { AUDIT_KEYS } from './infrastructure/keys/audit-keys.js';
import { auditKeysProvider } from './infrastructure/keys/load-audit-keys.js';
import { AuditTrailSchedule } from './infrastructure/schedule/audit-trail-schedule.js';
import { PostgresTrailVerifier } from './infrastructure/verification/postgres-trail-verifier.js';
import { PostgresVerificationRuns } from './infrastructure/verification/postgres-verification-runs.js';
import { AUDIT_TRAIL_READER } from './application/ports/audit-trail.reader.js';
import { BUSINESS_TIME_SOURCE } from './application/ports/business-time-source.js';
import { DATA_EXPORT_REPOSITORY } from './application/ports/data-export.repository.js';
import { EXPORT_FILE_WRITERS } from './application/ports/export-file-writer.js';
import { EXPORT_QUEUE } from './application/ports/export-queue.js';
import { EXPORT_STATEMENT_SIGNER } from './application/ports/export-statement-signer.js';
import { EXPORT_STORAGE } from './application/ports/export-storage.js';
import { REQUEST_FACTS_READER } from './application/ports/request-facts.reader.js';
import { GetRequestTimelineHandler } from './application/queries/get-request-timeline/get-request-timeline.handler.js';
import { GetSlaReportHandler } from './application/queries/get-sla-report/get-sla-report.handler.js';
import { ListExportsHandler } from './application/queries/list-exports/list-exports.handler.js';
import { SearchAuditTrailHandler } from './application/queries/search-audit-trail/search-audit-trail.handler.js';
import { SlaModule } from '../sla/sla.module.js';
import { OfficialBusinessTime } from './infrastructure/calendar/official-business-time.js';
import { ChainedAuditLog } from './infrastructure/chained-audit-log.js';
import { StreamingExportFileWriters } from './infrastructure/files/export-file-writers.js';
import { ObjectStoreExportStorage } from './infrastructure/files/object-store-export-storage.js';
import { CheckpointedExportStatementSigner } from './infrastructure/statements/checkpointed-export-statement-signer.js';
import { PostgresAuditTrailReader } from './infrastructure/postgres/postgres-audit-trail.reader.js';
import { PostgresAuditTrailHealth } from './infrastructure/postgres/postgres-audit-trail-health.js';
import { AuditStrayQuarantine } from './infrastructure/postgres/audit-stray-quarantine.js';
import { PostgresRequestFactsReader } from './infrastructure/postgres/postgres-request-facts.reader.js';
import { BullExportQueue } from './infrastructure/queue/bull-export-queue.js';
import { DeferredExportQueue } from './infrastructure/queue/deferred-export-queue.js';
import { ExportWorker } from './infrastructure/queue/export-worker.js';
import { exportsQueueProvider } from './infrastructure/queue/exports-queue.provider.js';
import { ExportHousekeeping } from './infrastructure/schedule/export-housekeeping.js';
import { AuditMetrics } from './infrastructure/metrics/audit-metrics.js';
import { ExportsQueueMetrics } from './infrastructure/metrics/exports-queue-metrics.js';
import { TypeormDataExportRepository } from './infrastructure/typeorm/typeorm-data-export.repository.js';
import { AuditController } from './interface/web/audit.controller.js';
import { ExportsController } from './interface/web/exports.controller.js';
import { ReportsController } from './interface/web/reports.controller.js';

export interface AuditModuleOptions {
  /** Run the export queue's worker and the scheduled housekeeping (the server, never the CLI). */
  workers: boolean;
}

const controllers = [AuditController, ExportsController, ReportsController];
const commandHandlers = [
  VerifyAuditChainHandler,
  RunFullVerificationHandler,
  RequestExportHandler,
  RunExportHandler,
  DownloadExportHandler,
  DownloadExportChecksumHandler,
  DownloadExportStatementHandler,
  RemoveExpiredExportsHandler,
  ResumeStalledExportsHandler,
];
const queryHandlers = [
  SearchAuditTrailHandler,
  GetVerificationStatusHandler,
  ListExportsHandler,
  GetSlaReportHandler,
  GetRequestTimelineHandler,
];
const adapters = [
  // Issue 18: the trail's keys (files, never the database), checkpoints and verification.
  auditKeysProvider,
  CheckpointCopies,
  AuditCheckpoints,
  { provide: TRAIL_VERIFIER, useClass: PostgresTrailVerifier },
  { provide: VERIFICATION_RUNS, useClass: PostgresVerificationRuns },
  ChainedAuditLog,
  { provide: AUDIT_LOG, useExisting: ChainedAuditLog },
  { provide: AUDIT_TRAIL_HEALTH, useClass: PostgresAuditTrailHealth },
  AuditStrayQuarantine,
  { provide: AUDIT_TRAIL_READER, useClass: PostgresAuditTrailReader },
  { provide: REQUEST_FACTS_READER, useClass: PostgresRequestFactsReader },
  { provide: DATA_EXPORT_REPOSITORY, useClass: TypeormDataExportRepository },
  { provide: EXPORT_STORAGE, useClass: ObjectStoreExportStorage },
  { provide: EXPORT_FILE_WRITERS, useClass: StreamingExportFileWriters },
  { provide: EXPORT_STATEMENT_SIGNER, useClass: CheckpointedExportStatementSigner },
  // Plain weekdays until the official calendar's adapter is bound here.
  { provide: BUSINESS_TIME_SOURCE, useClass: OfficialBusinessTime },
];

/**
 * The audit context: the hash-chained trail every context records through
 * (the AuditLog port it exports), and the auditors' search, verification,
 * exports and reports.
 */
@Global()
@Module({})
export class AuditModule {
  static register(options: AuditModuleOptions): DynamicModule {
    const workers = options.workers
      ? [
          exportsQueueProvider,
          { provide: EXPORT_QUEUE, useClass: BullExportQueue },
          ExportWorker,
          ExportHousekeeping,
          AuditTrailSchedule,
          ExportsQueueMetrics,
        ]
      : [{ provide: EXPORT_QUEUE, useClass: DeferredExportQueue }];
    return {
      module: AuditModule,
      imports: [SlaModule],
      controllers,
      providers: [...commandHandlers, ...queryHandlers, ...adapters, AuditMetrics, ...workers],
      exports: [AUDIT_LOG, AUDIT_TRAIL_HEALTH, AUDIT_KEYS, AuditCheckpoints],
    };
  }
}
