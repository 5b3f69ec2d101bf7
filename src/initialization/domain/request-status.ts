export const REQUEST_STATUSES = [
  'PENDING_REVIEW',
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
  'AWAITING_APPLICANT',
  'APPROVED',
  'REJECTED',
  'EXPIRED',
  'WITHDRAWN',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const TERMINAL_STATUSES: readonly RequestStatus[] = [
  'APPROVED',
  'REJECTED',
  'EXPIRED',
  'WITHDRAWN',
];
/** Waiting for staff: the SLA clock runs. (AWAITING_APPLICANT stops it.) */
export const CLOCK_RUNNING_STATUSES: readonly RequestStatus[] = [
  'PENDING_REVIEW',
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
];

export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
