export const REJECT_REASONS = [
  'DOCUMENT_UNCLEAR',
  'DOCUMENT_MISSING',
  'DOCUMENT_INVALID',
  'INFO_MISMATCH',
  'AUTHORIZATION_LETTER_INVALID',
  'ACCOUNT_HOLDS_OTHER_SUBJECT',
  'SUSPECTED_FRAUD',
  'OTHER',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  DOCUMENT_UNCLEAR: 'A document is not clear enough to read',
  DOCUMENT_MISSING: 'A required document is missing',
  DOCUMENT_INVALID: 'A document is expired or not authentic',
  INFO_MISMATCH: 'The information does not match the filing record',
  AUTHORIZATION_LETTER_INVALID: 'The authorization letter is invalid or not stamped',
  ACCOUNT_HOLDS_OTHER_SUBJECT: 'The Alibaba Cloud account already holds another filing subject',
  SUSPECTED_FRAUD: 'Suspected fraud',
  OTHER: 'Other',
};
