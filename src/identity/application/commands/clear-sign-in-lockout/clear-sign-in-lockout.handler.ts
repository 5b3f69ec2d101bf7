import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { isFailureScope } from '../../../domain/sign-in-allowance.js';
import { SIGN_IN_THROTTLE, type SignInThrottle } from '../../ports/sign-in-throttle.js';
import { ClearSignInLockoutCommand } from './clear-sign-in-lockout.command.js';

/**
 * Forgets the failures behind one lockout, and audits it in the same transaction.
 * A lockout no longer in force (it ended, or somebody cleared it first) changes
 * nothing and is not audited.
 */
@CommandHandler(ClearSignInLockoutCommand)
export class ClearSignInLockoutHandler implements ICommandHandler<ClearSignInLockoutCommand> {
  constructor(
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ClearSignInLockoutCommand): Promise<boolean> {
    const { scope } = command;
    if (!isFailureScope(scope)) return false;
    const email = scope === 'address' ? null : command.email.trim().toLowerCase() || null;
    const address = scope === 'account' ? null : command.address.trim() || null;
    if ((scope !== 'address' && !email) || (scope !== 'account' && !address)) return false;
    return this.unitOfWork.run(async () => {
      const cleared = await this.throttle.clear({ scope, email, address }, this.clock.now());
      if (cleared) {
        this.audit.record({
          actor: command.actor,
          action: 'staff.lockout_cleared',
          // Which lockout it was shows in what is named: the account, the address, or both.
          details: { ...(email ? { email } : {}), ...(address ? { address } : {}) },
          ip: command.ip,
        });
      }
      return cleared;
    });
  }
}
