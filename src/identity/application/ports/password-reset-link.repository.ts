import type { PasswordResetLink } from '../../domain/password-reset-link.js';

export interface PasswordResetLinkRepository {
  /** The link with this token hash; `forUpdate` locks it until the unit of work ends. */
  findByTokenHash(
    tokenHash: string,
    options?: { forUpdate?: boolean },
  ): Promise<PasswordResetLink | null>;
  /** The account's links that were neither used nor voided, locked until the unit of work ends. */
  findOpenForUpdate(staffId: string): Promise<PasswordResetLink[]>;
  save(link: PasswordResetLink): Promise<void>;
}
export const PASSWORD_RESET_LINK_REPOSITORY = Symbol('PasswordResetLinkRepository');
