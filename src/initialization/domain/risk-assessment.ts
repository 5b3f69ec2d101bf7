import type { RiskFlag } from './risk-flag.js';
import type { SubjectType } from './subject-type.js';

/** What is known about a new request when it arrives, gathered by the intake use case. */
export interface IntakeFacts {
  subjectType: SubjectType;
  receivedAt: Date;
  /** The subject's own credential number passes its checksum (GB 11643 or GB 32100). */
  credentialChecksumValid: boolean;
  /** The registry subject with this filing number, if any. */
  registered: {
    id: string;
    type: SubjectType;
    /** The name matches the application's (after normalising). */
    nameMatches: boolean;
    /** The credential number matches (a current credit code matches the old organization code it contains). */
    credentialMatches: boolean;
    accountEmailChangedAt: Date | null;
  } | null;
  /** The subject the Alibaba Cloud account is bound to, if any. */
  accountBoundToSubjectId: string | null;
  /** Another request for the same subject is still open. */
  openRequestForSameSubject: boolean;
  /** A file of this request was sent before with a request for a different subject. */
  documentSeenWithOtherSubject: boolean;
}

const RECENT_CHANGE_DAYS = 30;

/** The risk flags a reviewer must see, computed once at intake. */
export function assessRisk(facts: IntakeFacts): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const { registered } = facts;
  if (!registered) flags.push('SUBJECT_NOT_FOUND');
  else if (
    registered.type !== facts.subjectType ||
    !registered.nameMatches ||
    !registered.credentialMatches
  ) {
    flags.push('SUBJECT_MISMATCH');
  }
  if (facts.accountBoundToSubjectId !== null && facts.accountBoundToSubjectId !== registered?.id) {
    flags.push('ACCOUNT_HOLDS_OTHER_SUBJECT');
  }
  if (!facts.credentialChecksumValid) {
    flags.push(
      facts.subjectType === 'INDIVIDUAL' ? 'INVALID_ID_CHECKSUM' : 'INVALID_USCC_CHECKSUM',
    );
  }
  if (facts.openRequestForSameSubject) flags.push('DUPLICATE_OPEN_REQUEST');
  if (facts.documentSeenWithOtherSubject) flags.push('DOCUMENT_REUSED');
  const changedAt = registered?.accountEmailChangedAt;
  if (
    changedAt &&
    facts.receivedAt.getTime() - changedAt.getTime() < RECENT_CHANGE_DAYS * 86_400_000
  ) {
    flags.push('RECENT_EMAIL_CHANGE');
  }
  return flags;
}
