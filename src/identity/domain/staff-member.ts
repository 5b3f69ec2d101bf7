import type { StaffRole } from '../../shared/domain/staff-role.js';
import { isStaffRole } from '../../shared/domain/staff-role.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import {
  InvalidStaffDetailsError,
  StaffMemberAlreadyInactiveError,
  type StaffDetailsField,
} from './staff-member.errors.js';
import { PasswordResetOfInactiveAccountError } from './password.errors.js';
import type { EndedSessions } from './ended-sessions.js';
import {
  StaffMemberAlreadyActiveError,
  StaffRoleUnchangedError,
  UnknownStaffRoleError,
} from './staff-lifecycle.errors.js';

export interface StaffMemberProps {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  /** The language the desk speaks to them, once they chose one. */
  locale: Locale | null;
  passwordHash: string;
  /**
   * When every session signed in until then was ended (a password reset, a role change,
   * "sign out my other sessions"); null: never.
   */
  sessionsEndedAt: Date | null;
  /** The one session that went on when the others were ended (a reference to it); null: none. */
  sessionKept: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A member of staff who can sign in to the desk with one role. */
export class StaffMember {
  private constructor(private props: StaffMemberProps) {}

  static register(input: {
    id: string;
    email: string;
    displayName: string;
    role: string;
    passwordHash: string;
    now: Date;
  }): StaffMember {
    const email = StaffMember.normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    const problems = StaffMember.problemsOfDetails(input);
    if (Object.keys(problems).length > 0 || !isStaffRole(input.role))
      throw new InvalidStaffDetailsError(problems);
    return new StaffMember({
      id: input.id,
      email,
      displayName,
      role: input.role,
      active: true,
      locale: null,
      passwordHash: input.passwordHash,
      sessionsEndedAt: null,
      sessionKept: null,
      createdAt: input.now,
      updatedAt: input.now,
    });
  }

  /** What is wrong with the details of a new account, by field; empty when nothing is. */
  static problemsOfDetails(input: {
    email: string;
    displayName: string;
    role: string;
  }): Partial<Record<StaffDetailsField, Message[]>> {
    const email = StaffMember.normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    const problems: Partial<Record<StaffDetailsField, Message[]>> = {};
    if (!EMAIL.test(email) || email.length > 254)
      problems.email = [msg('identity.staff.problem.email', { email: input.email })];
    if (displayName.length === 0 || displayName.length > 120)
      problems.displayName = [msg('identity.staff.problem.name', { max: 120 })];
    if (!isStaffRole(input.role))
      problems.role = [msg('identity.staff.problem.role', { role: input.role })];
    return problems;
  }

  static restore(props: StaffMemberProps): StaffMember {
    return new StaffMember({ ...props });
  }

  static normaliseEmail(email: string): string {
    return email.trim().toLowerCase();
  }

  get id(): string {
    return this.props.id;
  }
  get email(): string {
    return this.props.email;
  }
  get displayName(): string {
    return this.props.displayName;
  }
  get role(): StaffRole {
    return this.props.role;
  }
  get active(): boolean {
    return this.props.active;
  }
  get passwordHash(): string {
    return this.props.passwordHash;
  }

  get locale(): Locale | null {
    return this.props.locale;
  }

  /** The desk speaks this language to them from now on, on every instance. */
  chooseLocale(locale: Locale, now: Date): void {
    if (this.props.locale === locale) return;
    this.props.locale = locale;
    this.props.updatedAt = now;
  }

  /** Only active staff may sign in; a deactivated account keeps its history. */
  canSignIn(): boolean {
    return this.props.active;
  }

  deactivate(now: Date): void {
    if (!this.props.active) throw new StaffMemberAlreadyInactiveError(this.props.email);
    this.props.active = false;
    this.props.updatedAt = now;
  }

  /** A deactivated account may sign in again; its history stays as it was. */
  reactivate(now: Date): void {
    if (this.props.active) throw new StaffMemberAlreadyActiveError(this.props.email);
    this.props.active = true;
    this.props.updatedAt = now;
  }

  /**
   * The account works in another role from now on. Its sessions end, so every page is
   * seen in the new role from the next sign-in. Returns the role it had.
   */
  changeRole(role: string, now: Date): StaffRole {
    if (!isStaffRole(role)) throw new UnknownStaffRoleError(role);
    const previous = this.props.role;
    if (role === previous) throw new StaffRoleUnchangedError(this.props.displayName, role);
    this.props.role = role;
    this.props.updatedAt = now;
    this.endAllSessions(now);
    return previous;
  }

  /** When their sessions were last ended, and which one went on; null: never. */
  get endedSessions(): EndedSessions | null {
    return this.props.sessionsEndedAt
      ? { at: this.props.sessionsEndedAt, kept: this.props.sessionKept }
      : null;
  }

  /** Every session signed in until now ends at its next request, on every instance. */
  endAllSessions(now: Date): void {
    this.props.sessionsEndedAt = now;
    this.props.sessionKept = null;
    this.props.updatedAt = now;
  }

  /** Every session but the one they asked from (`kept`, a reference to it) ends. */
  endOtherSessions(kept: string, now: Date): void {
    this.props.sessionsEndedAt = now;
    this.props.sessionKept = kept;
    this.props.updatedAt = now;
  }

  /**
   * An admin resets the password: the old one stops working at once (it is replaced by
   * `unusableHash`, the hash of a secret nobody holds) and every session ends, until
   * the staff member sets a new password with the link they are handed.
   */
  resetPassword(unusableHash: string, now: Date): void {
    if (!this.props.active) throw new PasswordResetOfInactiveAccountError(this.props.email);
    this.props.passwordHash = unusableHash;
    this.endAllSessions(now);
  }

  /** A new password, set with a set-password link. */
  setPassword(passwordHash: string, now: Date): void {
    if (!this.props.active) throw new PasswordResetOfInactiveAccountError(this.props.email);
    this.props.passwordHash = passwordHash;
    this.props.updatedAt = now;
  }

  /** They change their own password: every other session ends, the one they asked from goes on. */
  changePassword(passwordHash: string, keptSession: string, now: Date): void {
    this.props.passwordHash = passwordHash;
    this.endOtherSessions(keptSession, now);
  }

  toProps(): Readonly<StaffMemberProps> {
    return { ...this.props };
  }
}
