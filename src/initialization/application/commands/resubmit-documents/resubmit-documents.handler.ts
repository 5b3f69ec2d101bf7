import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { CORRECTABLE_FIELDS } from '../../../domain/correctable-field.js';
import type { Resubmission } from '../../../domain/initialization-request.js';
import { RequestNotFoundError } from '../../../domain/initialization-request.errors.js';
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
import { RequestChanges } from '../../request-changes.js';
import { assessApplication } from '../../risk-assessor.js';
import { withStagedDocuments } from '../../staged-documents.js';
import { ResubmitDocumentsCommand } from './resubmit-documents.command.js';

/**
 * Takes the applicant's answer: the corrected values and new document versions replace
 * the current ones (nothing earlier is overwritten or deleted), the risk is assessed
 * again on the request as the answer leaves it, and the request returns to its reviewer
 * as a new receipt.
 */
@CommandHandler(ResubmitDocumentsCommand)
export class ResubmitDocumentsHandler implements ICommandHandler<ResubmitDocumentsCommand> {
  constructor(
    private readonly changes: RequestChanges,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(DEADLINE_POLICY) private readonly deadlines: DeadlinePolicy,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(FILING_REGISTRY_GATEWAY) private readonly registry: FilingRegistryGateway,
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
  ) {}

  async execute(
    command: ResubmitDocumentsCommand,
  ): Promise<{ id: string; status: string; dueAt: string | null }> {
    const context = {
      actor: { kind: 'INTAKE_CLIENT' as const, name: command.intakeClient },
      ip: command.ip,
    };
    return withStagedDocuments({ store: this.store, ids: this.ids }, command.documents, (staged) =>
      this.changes.apply({ requestId: command.requestId }, context, async (request, now) => {
        if (request.toProps().intakeClient !== command.intakeClient)
          throw new RequestNotFoundError(command.requestId);
        const answer: Resubmission = { documents: staged.versionsAt(now), values: command.values };
        // Refused before anything is looked up; resubmit() checks it again.
        request.checkResubmission({
          documents: answer.documents.map((document) => document.kind),
          fields: CORRECTABLE_FIELDS.filter((field) => answer.values[field] !== undefined),
        });
        const assessment = await assessApplication(
          { registry: this.registry, requests: this.requests },
          request.assessableAfter(answer),
          { receivedAt: now, requestId: request.id },
        );
        request.resubmit(answer, assessment, await this.deadlines.deadlineFor(now), now);
        const props = request.toProps();
        return {
          id: props.id,
          status: props.status,
          dueAt: props.sla.dueAt?.toISOString() ?? null,
        };
      }),
    );
  }
}
