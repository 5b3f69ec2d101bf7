import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
} from '../../../../shared/application/domain-events.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  InitializationRequest,
  type RequestDocument,
} from '../../../domain/initialization-request.js';
import { DEADLINE_POLICY, type DeadlinePolicy } from '../../ports/deadline-policy.js';
import { DOCUMENT_STORE, type DocumentStore } from '../../ports/document-store.js';
import {
  FILING_REGISTRY_GATEWAY,
  type FilingRegistryGateway,
} from '../../ports/filing-registry.gateway.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { summarise, type RequestSummary } from '../../queries/request-summary.js';
import { assessApplication } from '../../risk-assessor.js';
import { withStagedDocuments } from '../../staged-documents.js';
import { SubmitRequestCommand } from './submit-request.command.js';

@CommandHandler(SubmitRequestCommand)
export class SubmitRequestHandler implements ICommandHandler<SubmitRequestCommand> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(FILING_REGISTRY_GATEWAY) private readonly registry: FilingRegistryGateway,
    @Inject(DEADLINE_POLICY) private readonly deadlines: DeadlinePolicy,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DOMAIN_EVENT_RECORDER) private readonly events: DomainEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(
    command: SubmitRequestCommand,
  ): Promise<{ request: RequestSummary; replay: boolean }> {
    const { application, intakeClient } = command;
    const earlier = await this.requests.findByExternalId(intakeClient, application.externalId);
    if (earlier) return { request: summarise(earlier), replay: true };

    return withStagedDocuments(
      { store: this.store, ids: this.ids },
      command.documents,
      (staged) =>
        this.unitOfWork.run(async () => {
          const now = this.clock.now();
          const documents: RequestDocument[] = staged.versionsAt(now).map((document) => ({
            ...document,
            supersededAt: null,
            replacesDocumentId: null,
            purgedAt: null,
          }));
          const assessment = await assessApplication(
            { registry: this.registry, requests: this.requests },
            {
              subjectType: application.subjectType,
              subjectFilingNumber: application.subjectFilingNumber,
              subjectName: application.subjectName,
              credentialNumber: application.credentialNumber,
              aliyunAccountId: application.aliyunAccountId,
              documentHashes: documents.map((document) => document.sha256),
            },
            { receivedAt: application.receivedAt },
          );
          const request = InitializationRequest.submit(
            {
              id: this.ids.newId(),
              reference: await this.requests.nextReference(application.receivedAt),
              externalId: application.externalId,
              intakeClient,
              receivedAt: application.receivedAt,
              subjectType: application.subjectType,
              filing: {
                filingNumber: application.filingNumber,
                subjectFilingNumber: application.subjectFilingNumber,
                province: application.province,
                subjectName: application.subjectName,
                credentialNumber: application.credentialNumber,
              },
              applicant: application.applicant,
              newAccountEmail: application.newAccountEmail,
              aliyunAccountId: application.aliyunAccountId,
              subjectId: assessment.subjectId,
              riskFlags: assessment.riskFlags,
              documents,
            },
            await this.deadlines.deadlineFor(application.receivedAt),
            now,
          );
          if ((await this.requests.insert(request)) === 'duplicate') {
            // Another delivery of the same externalId won the race; answer with its result.
            const first = await this.requests.findByExternalId(
              intakeClient,
              application.externalId,
            );
            return { request: summarise(first!), replay: true };
          }
          await this.events.record(request.pullEvents(), {
            actor: { kind: 'INTAKE_CLIENT', name: intakeClient },
            ip: command.ip,
          });
          return { request: summarise(request), replay: false };
        }),
      (outcome) => !outcome.replay,
    );
  }
}
