import type { DomainEvent } from '../../shared/domain/domain-event.js';

/**
 * The identity events other contexts react to, recorded through the domain event
 * recorder (the other staff actions are audited directly, with no reaction).
 */
export type StaffDeactivated = DomainEvent<
  'staff.deactivated',
  {
    readonly staffId: string;
    readonly email: string;
    readonly displayName: string;
    /** The requests the account held, given back, each in the state it kept. */
    readonly returnedRequests: readonly {
      readonly id: string;
      readonly reference: string;
      /** The request's status code (`IN_REVIEW`, …), as its context names it. */
      readonly status: string;
    }[];
    /** The senior reviewer they were reassigned to (null: released, nobody holds them). */
    readonly handedToId: string | null;
    readonly handedToName: string | null;
  }
>;

/** Every identity event recorded through the domain event recorder. */
export type IdentityEvent = StaffDeactivated;
