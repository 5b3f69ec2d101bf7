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
