import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../shared/infrastructure/config/app-config.js';
import { ApprovalEffects } from './application/approval-effects.js';
import { AddNoteHandler } from './application/commands/add-note/add-note.handler.js';
import { ApproveRequestHandler } from './application/commands/approve-request/approve-request.handler.js';
import { ClaimRequestHandler } from './application/commands/claim-request/claim-request.handler.js';
import { ExpireRequestHandler } from './application/commands/expire-request/expire-request.handler.js';
import { GiveSecondApprovalHandler } from './application/commands/give-second-approval/give-second-approval.handler.js';
import { ReassignRequestHandler } from './application/commands/reassign-request/reassign-request.handler.js';
import { RecordDocumentChecksHandler } from './application/commands/record-document-checks/record-document-checks.handler.js';
import { RejectRequestHandler } from './application/commands/reject-request/reject-request.handler.js';
import { ReleaseRequestHandler } from './application/commands/release-request/release-request.handler.js';
import { RequestInformationHandler } from './application/commands/request-information/request-information.handler.js';
import { RescheduleDeadlinesHandler } from './application/commands/reschedule-deadlines/reschedule-deadlines.handler.js';
import { ResubmitDocumentsHandler } from './application/commands/resubmit-documents/resubmit-documents.handler.js';
import { ReturnForReviewHandler } from './application/commands/return-for-review/return-for-review.handler.js';
import { SubmitRequestHandler } from './application/commands/submit-request/submit-request.handler.js';
import { WithdrawRequestHandler } from './application/commands/withdraw-request/withdraw-request.handler.js';
import { DOCUMENT_STORE } from './application/ports/document-store.js';
import { FILING_REGISTRY_GATEWAY } from './application/ports/filing-registry.gateway.js';
import { INITIALIZATION_REQUEST_REPOSITORY } from './application/ports/initialization-request.repository.js';
import { STAFF_DIRECTORY } from './application/ports/staff-directory.js';
import { ViewDocumentHandler } from './application/commands/view-document/view-document.handler.js';
import { ReleaseHeldRequestsHandler } from './application/commands/release-held-requests/release-held-requests.handler.js';
import { HeldRequestsHandler } from './application/queries/held-requests/held-requests.handler.js';
import { OverdueApplicantRepliesHandler } from './application/queries/overdue-applicant-replies/overdue-applicant-replies.handler.js';
import { FlagSlaLineHandler } from './application/commands/flag-sla-line/flag-sla-line.handler.js';
import { SLA_LINE_FLAGS } from './application/ports/sla-line-flags.js';
import { PostgresSlaLineFlags } from './infrastructure/postgres/postgres-sla-line-flags.js';
import { PurgeExpiredDocumentsHandler } from './application/commands/purge-expired-documents/purge-expired-documents.handler.js';
import { EXPIRED_DOCUMENTS } from './application/ports/expired-documents.js';
import { PostgresExpiredDocuments } from './infrastructure/postgres/postgres-expired-documents.js';
import { DocumentRetentionSchedule } from './interface/schedule/document-retention.schedule.js';
import { RELATED_REQUESTS } from './application/ports/related-requests.js';
import { DeadlinesToRescheduleHandler } from './application/queries/deadlines-to-reschedule/deadlines-to-reschedule.handler.js';
import { DocumentComparisonHandler } from './application/queries/document-comparison/document-comparison.handler.js';
import { RequestsOfSubjectHandler } from './application/queries/requests-of-subject/requests-of-subject.handler.js';
import { PostgresRelatedRequests } from './infrastructure/postgres/postgres-related-requests.js';
import { DocumentComparisonController } from './interface/web/document-comparison.controller.js';
import { REQUEST_NOTES } from './application/ports/request-notes.js';
import { REQUEST_READ_MODEL } from './application/ports/request-read-model.js';
import { QueueHandler } from './application/queries/queue/queue.handler.js';
import { RequestWorkspaceHandler } from './application/queries/request-workspace/request-workspace.handler.js';
import { SlaBadgesHandler } from './application/queries/sla-badges/sla-badges.handler.js';
import { PostgresRequestNotes } from './infrastructure/postgres/postgres-request-notes.js';
import { RequestMetrics } from './infrastructure/metrics/request-metrics.js';
import { PostgresRequestReadModel } from './infrastructure/postgres/postgres-request-read-model.js';
import { GetRequestStatusHandler } from './application/queries/get-request-status/get-request-status.handler.js';
import { RequestChanges } from './application/request-changes.js';
import { IdentityStaffDirectory } from './infrastructure/identity/identity-staff-directory.js';
import { CqrsFilingRegistryGateway } from './infrastructure/registry/cqrs-filing-registry.gateway.js';
import { EncryptedDocumentStore } from './infrastructure/storage/encrypted-document-store.js';
import { DOCUMENT_MAINTENANCE } from './application/ports/document-maintenance.js';
import { SweepOrphanDocumentsHandler } from './application/commands/sweep-orphan-documents/sweep-orphan-documents.handler.js';
import { RewrapDocumentKeysHandler } from './application/commands/rewrap-document-keys/rewrap-document-keys.handler.js';
import { EncryptLegacyDocumentsHandler } from './application/commands/encrypt-legacy-documents/encrypt-legacy-documents.handler.js';
import { DocumentSweepSchedule } from './interface/schedule/document-sweep.schedule.js';
import { TypeormInitializationRequestRepository } from './infrastructure/typeorm/typeorm-initialization-request.repository.js';
import { IntakeApiController } from './interface/api/intake-api.controller.js';
import { OpenApiController } from './interface/api/openapi.controller.js';
import { QueueController } from './interface/web/queue.controller.js';
import { RequestWorkspaceController } from './interface/web/request-workspace.controller.js';
import { RequestDecisionsController } from './interface/web/request-decisions.controller.js';
import { RequestNotesController } from './interface/web/request-notes.controller.js';

const controllers = [
  IntakeApiController,
  OpenApiController,
  QueueController,
  RequestWorkspaceController,
  DocumentComparisonController,
  RequestDecisionsController,
  RequestNotesController,
];
const commandHandlers = [
  SubmitRequestHandler,
  WithdrawRequestHandler,
  ClaimRequestHandler,
  ReleaseRequestHandler,
  ReassignRequestHandler,
  RecordDocumentChecksHandler,
  ApproveRequestHandler,
  GiveSecondApprovalHandler,
  ReturnForReviewHandler,
  RejectRequestHandler,
  RequestInformationHandler,
  ResubmitDocumentsHandler,
  ExpireRequestHandler,
  RescheduleDeadlinesHandler,
  ViewDocumentHandler,
  AddNoteHandler,
  ReleaseHeldRequestsHandler,
  FlagSlaLineHandler,
  PurgeExpiredDocumentsHandler,
  SweepOrphanDocumentsHandler,
  RewrapDocumentKeysHandler,
  EncryptLegacyDocumentsHandler,
];
const queryHandlers = [
  GetRequestStatusHandler,
  QueueHandler,
  RequestWorkspaceHandler,
  SlaBadgesHandler,
  DocumentComparisonHandler,
  RequestsOfSubjectHandler,
  HeldRequestsHandler,
  OverdueApplicantRepliesHandler,
  DeadlinesToRescheduleHandler,
];
const services = [RequestChanges, ApprovalEffects];
/** Scheduled work (runs only where the scheduler is on). */
const schedules = [DocumentRetentionSchedule, DocumentSweepSchedule];
/** This context's series on /metrics. */
const metrics = [RequestMetrics];
const adapters = [
  { provide: INITIALIZATION_REQUEST_REPOSITORY, useClass: TypeormInitializationRequestRepository },
  EncryptedDocumentStore,
  { provide: DOCUMENT_STORE, useExisting: EncryptedDocumentStore },
  { provide: DOCUMENT_MAINTENANCE, useExisting: EncryptedDocumentStore },
  { provide: FILING_REGISTRY_GATEWAY, useClass: CqrsFilingRegistryGateway },
  { provide: STAFF_DIRECTORY, useClass: IdentityStaffDirectory },
  { provide: REQUEST_READ_MODEL, useClass: PostgresRequestReadModel },
  { provide: RELATED_REQUESTS, useClass: PostgresRelatedRequests },
  { provide: SLA_LINE_FLAGS, useClass: PostgresSlaLineFlags },
  { provide: EXPIRED_DOCUMENTS, useClass: PostgresExpiredDocuments },
  { provide: REQUEST_NOTES, useClass: PostgresRequestNotes },
];

/**
 * Initialization requests: intake, review, decisions. `sla` is the module that provides
 * this context's ports `DEADLINE_POLICY` and `SLA_DESCRIBER` (see `contracts/sla.ts`),
 * `history` the one that provides `REQUEST_HISTORY` (`contracts/request-history.ts`):
 * the composition root names them, so this context does not depend on its implementers.
 */
@Module({})
export class InitializationModule {
  static register(options: { sla: Type<unknown>; history: Type<unknown> }): DynamicModule {
    return {
      module: InitializationModule,
      imports: [
        options.sla,
        options.history,
        // Uploads stay in memory (bounded by the limits) until their content is checked.
        MulterModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            storage: memoryStorage(),
            limits: {
              fileSize: config.MAX_FILE_BYTES,
              files: 4,
              fields: 4,
              fieldSize: 256 * 1024,
              parts: 12,
            },
          }),
        }),
      ],
      controllers,
      providers: [
        ...commandHandlers,
        ...queryHandlers,
        ...services,
        ...adapters,
        ...metrics,
        ...schedules,
      ],
    };
  }
}
