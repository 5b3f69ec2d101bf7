import type { StaffRole } from '../../shared/domain/staff-role.js';
import { isStaffRole } from '../../shared/domain/staff-role.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import {
  InvalidStaffDetailsError,
  StaffMemberAlreadyInactiveError,
} from './staff-member.errors.js';

export interface StaffMemberProps {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  /** The language the desk speaks to them, once they chose one. */
  locale: Locale | null;
  passwordHash: string;
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
    const problems: Message[] = [];
    if (!EMAIL.test(email) || email.length > 254)
      problems.push(msg('identity.staff.problem.email', { email: input.email }));
    if (displayName.length === 0 || displayName.length > 120)
      problems.push(msg('identity.staff.problem.name', { max: 120 }));
    if (!isStaffRole(input.role)) {
      problems.push(msg('identity.staff.problem.role', { role: input.role }));
    }
    if (problems.length > 0 || !isStaffRole(input.role))
      throw new InvalidStaffDetailsError(problems);
    return new StaffMember({
      id: input.id,
      email,
      displayName,
      role: input.role,
      active: true,
      locale: null,
      passwordHash: input.passwordHash,
      createdAt: input.now,
      updatedAt: input.now,
    });
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

  toProps(): Readonly<StaffMemberProps> {
    return { ...this.props };
  }
}
