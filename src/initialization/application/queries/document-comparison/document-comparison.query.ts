import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';

/** One side of the comparison: a current document of the request, or why there is none. */
export interface ComparisonPane {
  /** `ID_FRONT`, `HALF_LENGTH_PHOTO`: names the pane's elements. */
  kind: string;
  kindLabel: Message;
  document: {
    id: string;
    /** Served by the audited document route. */
    href: string;
    isImage: boolean;
    mediaType: string;
    originalName: string;
    uploadedAt: Date;
    alt: Message;
    /** Said in place of the file once the retention job removed it (null: stored). */
    purged: Message | null;
  } | null;
  /** Said when the request holds no such document. */
  missing: Message | null;
}

export interface DocumentComparisonView {
  id: string;
  reference: string;
  statusLabel: Message;
  workspaceHref: string;
  /** The ID card's portrait side, then the half-length photo. */
  panes: ComparisonPane[];
}

/** The ID card's portrait side beside the half-length photo, to compare the faces. */
export class DocumentComparisonQuery extends Query<DocumentComparisonView> {
  constructor(readonly requestId: string) {
    super();
  }
}
