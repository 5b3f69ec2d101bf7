import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { RequestNotFoundError } from '../../../domain/initialization-request.errors.js';
import { DEADLINE_POLICY, type DeadlinePolicy } from '../../ports/deadline-policy.js';
import {
  DOCUMENT_STORE,
  type DocumentStore,
  type StagedDocument,
} from '../../ports/document-store.js';
import { RequestChanges } from '../../request-changes.js';
import { ResubmitDocumentsCommand } from './resubmit-documents.command.js';

/** Replaces the documents asked for; the request returns to its reviewer as a new receipt. */
@CommandHandler(ResubmitDocumentsCommand)
export class ResubmitDocumentsHandler implements ICommandHandler<ResubmitDocumentsCommand> {
  constructor(
    private readonly changes: RequestChanges,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(DEADLINE_POLICY) private readonly deadlines: DeadlinePolicy,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(
    command: ResubmitDocumentsCommand,
  ): Promise<{ id: string; status: string; dueAt: string | null }> {
    const staged: StagedDocument[] = [];
    try {
      for (const document of command.documents)
        staged.push(await this.store.stage(document.content));
      const context = {
        actor: { kind: 'INTAKE_CLIENT' as const, name: command.intakeClient },
        ip: command.ip,
      };
      const result = await this.changes.apply(
        { requestId: command.requestId },
        context,
        async (request, now) => {
          if (request.toProps().intakeClient !== command.intakeClient)
            throw new RequestNotFoundError(command.requestId);
          const replacements = command.documents.map((document, index) => ({
            id: this.ids.newId(),
            kind: document.kind,
            mediaType: document.mediaType,
            sizeBytes: staged[index]!.sizeBytes,
            sha256: staged[index]!.sha256,
            originalName: document.originalName,
            uploadedAt: now,
            supersededAt: null,
          }));
          request.resubmit(replacements, await this.deadlines.deadlineFor(now), now);
          const props = request.toProps();
          return {
            id: props.id,
            status: props.status,
            dueAt: props.sla.dueAt?.toISOString() ?? null,
          };
        },
      );
      await Promise.all(staged.map((document) => document.commit()));
      return result;
    } catch (error) {
      await Promise.allSettled(staged.map((document) => document.discard()));
      throw error;
    }
  }
}
