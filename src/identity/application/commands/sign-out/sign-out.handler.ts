import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { SignOutCommand } from './sign-out.command.js';

/** Records the sign-out; the web layer ends the session itself. */
@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: SignOutCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      this.audit.record({ actor: command.actor, action: 'staff.signed_out', ip: command.ip });
    });
  }
}
