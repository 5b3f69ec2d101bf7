import { DomainError } from '../../shared/domain/domain-error.js';
import type { Message } from '../../shared/i18n/message.js';
import {
  InitializationRequest,
  type RegistryView,
  type Reviewer,
} from './initialization-request.js';

export const REVIEW_ACTIONS = [
  'claim',
  'release',
  'recordChecks',
  'approve',
  'reject',
  'requestInformation',
  'giveSecondApproval',
  'returnForReview',
  'reassign',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Whether a person may take an action now, and if not, why (the aggregate's sentences, to render). */
export interface ActionAvailability {
  allowed: boolean;
  reasons: Message[];
}

/**
 * What `viewer` may do to the request now. Each action is tried on a copy of
 * the request with well-formed input, so the answer (and the reason it is
 * refused) is exactly what the aggregate would say to the real form; approval
 * lists every obstacle at once. Nothing here changes the request.
 */
export function reviewActionsFor(
  request: InitializationRequest,
  viewer: Reviewer,
  registry: RegistryView,
  now: Date,
): Record<ReviewAction, ActionAvailability> {
  const tryOn = (action: (copy: InitializationRequest) => unknown): ActionAvailability => {
    const copy = InitializationRequest.restore(request.toProps());
    try {
      action(copy);
      return { allowed: true, reasons: [] };
    } catch (error) {
      if (error instanceof DomainError) return { allowed: false, reasons: [error.sentence] };
      throw error;
    }
  };
  const anyDocument = request.currentDocuments[0]?.id ?? '';
  const obstacles = request.approvalObstacles(viewer);
  // Only tried on a copy: nobody reads this name.
  const someoneElse: Reviewer = {
    kind: 'STAFF',
    id: `${viewer.id}:another`,
    role: 'REVIEWER',
    name: '',
  };
  return {
    claim: tryOn((copy) => copy.claim(viewer, now)),
    release: tryOn((copy) => copy.release(viewer, now)),
    recordChecks: tryOn((copy) =>
      copy.recordChecks(
        viewer,
        [
          {
            documentId: anyDocument,
            legible: true,
            authentic: true,
            valid: true,
            matchesApplication: true,
            note: '',
          },
        ],
        now,
      ),
    ),
    approve:
      obstacles.length > 0
        ? { allowed: false, reasons: obstacles }
        : tryOn((copy) => copy.approve(viewer, registry, now)),
    reject: tryOn((copy) => copy.reject(viewer, ['OTHER'], 'A message.', now)),
    requestInformation: tryOn((copy) =>
      copy.requestInformation(
        viewer,
        { documents: [], fields: ['applicant.phone'], message: 'A message.' },
        now,
        now,
      ),
    ),
    giveSecondApproval: tryOn((copy) => copy.giveSecondApproval(viewer, registry, now)),
    returnForReview: tryOn((copy) => copy.returnForReview(viewer, 'A note.', now)),
    reassign: tryOn((copy) => copy.reassign(viewer, someoneElse, now)),
  };
}
