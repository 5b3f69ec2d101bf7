import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  DocumentAccessError,
  DocumentNotFoundError,
  DocumentPurgedError,
} from '../../../domain/initialization-request.errors.js';
import {
  DOCUMENT_STORE,
  DocumentMissingError,
  type DocumentStore,
} from '../../ports/document-store.js';
import { REQUEST_READ_MODEL, type RequestReadModel } from '../../ports/request-read-model.js';
import { ViewDocumentCommand, type OpenedDocument } from './view-document.command.js';

/** Who may see the documents of a request: everyone who may see the request. */
const MAY_VIEW = ['REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR'];

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

@CommandHandler(ViewDocumentCommand)
export class ViewDocumentHandler implements ICommandHandler<ViewDocumentCommand> {
  constructor(
    @Inject(REQUEST_READ_MODEL) private readonly readModel: RequestReadModel,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: ViewDocumentCommand): Promise<OpenedDocument> {
    if (!MAY_VIEW.includes(command.viewer.role)) throw new DocumentAccessError();
    const document = await this.readModel.document(command.requestId, command.documentId);
    if (!document) throw new DocumentNotFoundError();
    // Nothing to hand over, so nothing viewed: the answer says when and why it went.
    if (document.purgedAt) throw new DocumentPurgedError(document.purgedAt);
    let content;
    try {
      content = await this.store.open(document);
    } catch (error) {
      // A store that is down (503) or a key that does not open the file says so; only a
      // file that is not there is "not found".
      if (error instanceof DocumentMissingError) throw new DocumentNotFoundError();
      throw error;
    }
    try {
      await this.unitOfWork.run(async () => {
        this.audit.record({
          actor: command.viewer,
          action: 'document.viewed',
          requestId: document.requestId,
          subjectId: document.subjectId,
          details: {
            reference: document.requestReference,
            documentId: document.id,
            kind: document.kind,
            superseded: document.superseded,
          },
          ip: command.ip,
        });
      });
    } catch (error) {
      content.destroy();
      throw error;
    }
    return {
      mediaType: document.mediaType,
      sizeBytes: document.sizeBytes,
      fileName: `${document.requestReference}-${document.kind}.${EXTENSIONS[document.mediaType] ?? 'bin'}`,
      content,
    };
  }
}
