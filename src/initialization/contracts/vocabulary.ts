/**
 * The request vocabulary other contexts may use: statuses, reject reasons, risk flags,
 * subject types, document kinds and correctable fields. The definitions live in this
 * context's domain; this module is the only way in for the others.
 */
export {
  CLOCK_RUNNING_STATUSES,
  REQUEST_STATUSES,
  TERMINAL_STATUSES,
  isTerminal,
  type RequestStatus,
} from '../domain/request-status.js';
export { REJECT_REASONS, type RejectReason } from '../domain/reject-reason.js';
export { BLOCKING_FLAGS, RISK_FLAGS, type RiskFlag } from '../domain/risk-flag.js';
export {
  APPLICANT_ROLES,
  SUBJECT_TYPES,
  type ApplicantRole,
  type SubjectType,
} from '../domain/subject-type.js';
export {
  DOCUMENT_KINDS,
  isDocumentKind,
  requiredDocuments,
  type DocumentKind,
} from '../domain/document-kind.js';
export {
  CORRECTABLE_FIELDS,
  auditedValue,
  isCorrectableField,
  type CorrectableField,
  type CorrectedValues,
  type FieldChange,
} from '../domain/correctable-field.js';
