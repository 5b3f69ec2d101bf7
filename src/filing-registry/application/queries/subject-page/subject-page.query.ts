import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { Message } from '../../../../shared/i18n/message.js';
import type { SubjectRequest } from '../../../contracts/subject-requests.js';

/** A past account email of the subject, and what replaced it. */
export interface EmailHistoryRow {
  email: string;
  aliyunAccountId: string | null;
  /** Null: it predates the desk (the HiChina era). */
  from: Date | null;
  to: Date;
  /** "Replaced on approval of" / "Corrected by the legacy registry import". */
  how: Message;
  /** The request whose approval replaced it, when there is one. */
  request: { reference: string | null; href: string | null } | null;
}

export interface SubjectPageView {
  id: string;
  name: string;
  filingNumber: string;
  typeLabel: Message;
  /** Masked: the page is no request's workspace (as in the queue). */
  credentialNumber: string;
  province: string;
  accountEmail: string;
  aliyunAccountId: string | null;
  accountEmailChangedAt: Date | null;
  websites: { filingNumber: string; domain: string }[];
  /** Newest first. */
  emailHistory: EmailHistoryRow[];
  /** Newest first (by receipt). */
  requests: SubjectRequest[];
  moreRequests: boolean;
}

/**
 * A filing subject as a reader of the desk sees it: the registry record, its websites,
 * its account-email history and the requests for it. Throws FilingSubjectNotFoundError.
 */
export class SubjectPageQuery extends Query<SubjectPageView> {
  constructor(
    readonly subjectId: string,
    readonly viewer: StaffActor,
  ) {
    super();
  }
}
