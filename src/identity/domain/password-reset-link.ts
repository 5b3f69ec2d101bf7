import { PasswordLinkUnusableError } from './password.errors.js';

/** Where a set-password link stands: only a usable one sets a password. */
export type PasswordLinkState = 'usable' | 'used' | 'expired' | 'voided';

export interface PasswordResetLinkProps {
  id: string;
  staffId: string;
  /** SHA-256 of the link's secret token, hex; the token itself is never stored. */
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
  /** Who issued it (the admin's name as the audit trail names them). */
  issuedBy: string;
  usedAt: Date | null;
  /** When a newer link for the same account replaced it. */
  voidedAt: Date | null;
}

/**
 * A one-time link an admin issues so a staff member can set a new password: valid
 * for a number of hours, used once, voided by the next link issued for the account.
 */
export class PasswordResetLink {
  private constructor(private props: PasswordResetLinkProps) {}

  static issue(input: {
    id: string;
    staffId: string;
    tokenHash: string;
    issuedBy: string;
    validForHours: number;
    now: Date;
  }): PasswordResetLink {
    return new PasswordResetLink({
      id: input.id,
      staffId: input.staffId,
      tokenHash: input.tokenHash,
      issuedAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.validForHours * 3_600_000),
      issuedBy: input.issuedBy,
      usedAt: null,
      voidedAt: null,
    });
  }

  static restore(props: PasswordResetLinkProps): PasswordResetLink {
    return new PasswordResetLink({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get staffId(): string {
    return this.props.staffId;
  }
  get expiresAt(): Date {
    return this.props.expiresAt;
  }

  stateAt(now: Date): PasswordLinkState {
    if (this.props.usedAt) return 'used';
    if (this.props.voidedAt) return 'voided';
    if (now.getTime() >= this.props.expiresAt.getTime()) return 'expired';
    return 'usable';
  }

  /** Refuses, saying why, unless the link can still set a password. */
  assertUsable(now: Date): void {
    const state = this.stateAt(now);
    if (state !== 'usable') throw new PasswordLinkUnusableError(state);
  }

  /** The link sets a password, once. */
  use(now: Date): void {
    this.assertUsable(now);
    this.props.usedAt = now;
  }

  /** A newer link replaces this one (a used or voided link stays as it was). */
  void(now: Date): void {
    if (this.props.usedAt || this.props.voidedAt) return;
    this.props.voidedAt = now;
  }

  toProps(): Readonly<PasswordResetLinkProps> {
    return { ...this.props };
  }
}
