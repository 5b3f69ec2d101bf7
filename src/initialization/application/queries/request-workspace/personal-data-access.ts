import type { StaffActor } from '../../../../shared/domain/actor.js';
import { msg, type Message } from '../../../../shared/i18n/message.js';
import type { RequestStatus } from '../../../domain/request-status.js';

/** What decides whether a viewer reads a request's ID and phone numbers in full. */
export interface PersonalDataContext {
  status: RequestStatus;
  /** Whether the request is decided (approved, rejected, expired, withdrawn). */
  decided: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
}

export interface PersonalDataAccess {
  /** ID and phone numbers in full. */
  full: boolean;
  /** Why they are masked, in words, for a reviewer who might expect them (null otherwise). */
  why: Message | null;
}

const REVIEW_ROLES: readonly string[] = ['REVIEWER', 'SENIOR_REVIEWER'];

/**
 * Personal data in full only in the workspace of a request the viewer may review:
 * a reviewer or senior, on an open request that nobody holds (it can be claimed), that
 * the viewer holds, or that a senior may reassign or give the second approval.
 * Masked for decided requests, for a plain reviewer on a request someone else holds,
 * and for auditors and administrators.
 */
export function personalDataAccessOf(
  request: PersonalDataContext,
  viewer: Pick<StaffActor, 'id' | 'role'>,
): PersonalDataAccess {
  if (!REVIEW_ROLES.includes(viewer.role)) return { full: false, why: null };
  if (request.decided) return { full: false, why: msg('workspace.personalData.maskedDecided') };
  if (
    request.assigneeId === null ||
    request.assigneeId === viewer.id ||
    viewer.role === 'SENIOR_REVIEWER'
  )
    return { full: true, why: null };
  return {
    full: false,
    why: msg('workspace.personalData.maskedHeld', {
      holder: request.assigneeName ?? msg('workspace.anotherReviewer'),
    }),
  };
}
