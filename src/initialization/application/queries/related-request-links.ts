import type { StaffActor } from '../../../shared/domain/actor.js';

/**
 * Who may open a request's workspace and a filing subject's page: reviewers, senior
 * reviewers and auditors (administrators run the desk; they do not read requests).
 */
const MAY_OPEN_RECORDS: readonly string[] = ['REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR'];

export function mayOpenRecords(viewer: Pick<StaffActor, 'role'>): boolean {
  return MAY_OPEN_RECORDS.includes(viewer.role);
}

/** The request's workspace, for a viewer who may open it (null otherwise). */
export function workspaceHrefFor(
  viewer: Pick<StaffActor, 'role'>,
  requestId: string,
): string | null {
  return mayOpenRecords(viewer) ? `/requests/${requestId}` : null;
}

/** A filing subject's page, for a viewer who may open it (null otherwise). */
export function subjectHrefFor(viewer: Pick<StaffActor, 'role'>, subjectId: string): string | null {
  return mayOpenRecords(viewer) ? `/subjects/${subjectId}` : null;
}
