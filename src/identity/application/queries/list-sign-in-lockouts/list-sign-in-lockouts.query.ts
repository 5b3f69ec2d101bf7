import { Query } from '@nestjs/cqrs';
import type { FailureScope } from '../../../domain/sign-in-allowance.js';
import type { Message } from '../../../../shared/i18n/message.js';

/** One lockout in force, as the admin's list shows it. */
export interface SignInLockoutItem {
  scope: FailureScope;
  /** "This address, for this account" · "This address, for every account" · "Account slowed down" */
  kind: Message;
  /** The account's email as typed at sign-in; null for an address locked out of every account. */
  email: string | null;
  /** The staff member with that email, if there is one. */
  staffName: string | null;
  /** Null for an account slowed down from every address. */
  address: string | null;
  failures: number;
  lastFailureAt: Date;
  /** When it ends if nothing else fails. */
  endsAt: Date;
}

export interface SignInLockoutList {
  items: SignInLockoutItem[];
  /** Set when there are more than the list shows: "Showing the latest 100 of 130." */
  more: Message | null;
}

/** The sign-in lockouts and slow-downs in force now, the latest failure first. */
export class ListSignInLockoutsQuery extends Query<SignInLockoutList> {}
