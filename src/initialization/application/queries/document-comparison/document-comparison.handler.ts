import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isUuid } from '../../../../shared/domain/uuid.js';
import { msg } from '../../../../shared/i18n/message.js';
import type { DocumentKind } from '../../../domain/document-kind.js';
import { RequestNotFoundError } from '../../../domain/initialization-request.errors.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import {
  DocumentComparisonQuery,
  type ComparisonPane,
  type DocumentComparisonView,
} from './document-comparison.query.js';

/** The two documents that show the applicant's face, in the order they are compared. */
const COMPARED: readonly DocumentKind[] = ['ID_FRONT', 'HALF_LENGTH_PHOTO'];

@QueryHandler(DocumentComparisonQuery)
export class DocumentComparisonHandler implements IQueryHandler<DocumentComparisonQuery> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
  ) {}

  async execute(query: DocumentComparisonQuery): Promise<DocumentComparisonView> {
    // A malformed id names no request (and must not reach PostgreSQL's uuid parser).
    const request = isUuid(query.requestId) ? await this.requests.findById(query.requestId) : null;
    if (!request) throw new RequestNotFoundError(query.requestId);
    const p = request.toProps();
    const current = request.currentDocuments;
    const panes = COMPARED.map((kind): ComparisonPane => {
      const kindLabel = msg(`request.document.${kind}`);
      const document = current.find((candidate) => candidate.kind === kind);
      return {
        kind,
        kindLabel,
        document: document
          ? {
              id: document.id,
              href: `/requests/${p.id}/documents/${document.id}`,
              isImage: !document.purgedAt && document.mediaType.startsWith('image/'),
              mediaType: document.mediaType,
              originalName: document.originalName,
              uploadedAt: document.uploadedAt,
              alt: msg('workspace.compareView.imageAlt', {
                kind: kindLabel,
                reference: p.reference,
              }),
              purged: document.purgedAt
                ? msg('workspace.compareView.purged', { kind: kindLabel, at: document.purgedAt })
                : null,
            }
          : null,
        missing: document ? null : msg('workspace.compareView.missing', { kind: kindLabel }),
      };
    });
    return {
      id: p.id,
      reference: p.reference,
      statusLabel: msg(`request.status.${p.status}`),
      workspaceHref: `/requests/${p.id}`,
      panes,
    };
  }
}
