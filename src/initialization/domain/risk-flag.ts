export const RISK_FLAGS = [
  'SUBJECT_NOT_FOUND',
  'SUBJECT_MISMATCH',
  'ACCOUNT_HOLDS_OTHER_SUBJECT',
  'INVALID_ID_CHECKSUM',
  'INVALID_USCC_CHECKSUM',
  'DUPLICATE_OPEN_REQUEST',
  'DOCUMENT_REUSED',
  'RECENT_EMAIL_CHANGE',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** Flags that forbid approval while they hold (one Alibaba Cloud account, one subject). */
export const BLOCKING_FLAGS: readonly RiskFlag[] = ['ACCOUNT_HOLDS_OTHER_SUBJECT'];

/** One sentence per flag, as the reviewer reads it. */
export const RISK_FLAG_EXPLANATIONS: Record<RiskFlag, string> = {
  SUBJECT_NOT_FOUND: 'No filing subject with this ICP filing number is in the registry.',
  SUBJECT_MISMATCH: "The subject's name or credential number differs from the registry record.",
  ACCOUNT_HOLDS_OTHER_SUBJECT:
    'The Alibaba Cloud account already holds another filing subject; one account may hold only one, so this request cannot be approved.',
  INVALID_ID_CHECKSUM: "The subject's resident ID number fails its GB 11643 checksum.",
  INVALID_USCC_CHECKSUM: "The subject's unified social credit code fails its GB 32100 checksum.",
  DUPLICATE_OPEN_REQUEST: 'Another open initialization request exists for the same filing subject.',
  DOCUMENT_REUSED:
    'An uploaded file is identical to one sent with a request for a different subject.',
  RECENT_EMAIL_CHANGE: "The subject's filing account email changed within the last 30 days.",
};

export const RISK_FLAG_LABELS: Record<RiskFlag, string> = {
  SUBJECT_NOT_FOUND: 'Subject not found',
  SUBJECT_MISMATCH: 'Subject mismatch',
  ACCOUNT_HOLDS_OTHER_SUBJECT: 'Account holds other subject',
  INVALID_ID_CHECKSUM: 'Invalid ID checksum',
  INVALID_USCC_CHECKSUM: 'Invalid USCC checksum',
  DUPLICATE_OPEN_REQUEST: 'Duplicate open request',
  DOCUMENT_REUSED: 'Document reused',
  RECENT_EMAIL_CHANGE: 'Recent email change',
};
