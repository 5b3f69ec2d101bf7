import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  AccountHoldsOtherSubjectError,
  FilingSubjectNotFoundError,
} from '../../../domain/filing-subject.errors.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import {
  ReplaceSubjectAccountEmailCommand,
  type AccountEmailReplaced,
} from './replace-subject-account-email.command.js';

@CommandHandler(ReplaceSubjectAccountEmailCommand)
export class ReplaceSubjectAccountEmailHandler implements ICommandHandler<ReplaceSubjectAccountEmailCommand> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReplaceSubjectAccountEmailCommand): Promise<AccountEmailReplaced> {
    const { subjectId, newEmail, aliyunAccountId, requestId, actor, ip } = command.input;
    return this.unitOfWork.run(async () => {
      const subject = await this.subjects.findByIdForUpdate(subjectId);
      if (!subject) throw new FilingSubjectNotFoundError(subjectId);
      // Checked before writing, so the caller's transaction never sees a failed statement;
      // the unique index stays the last word when two approvals race.
      const holder = await this.subjects.findByAliyunAccountId(aliyunAccountId.trim());
      if (holder && holder.id !== subject.id) {
        throw new AccountHoldsOtherSubjectError(aliyunAccountId.trim(), holder.filingNumber);
      }
      const now = this.clock.now();
      const previous = subject.replaceAccountEmail({ newEmail, aliyunAccountId, requestId, now });
      await this.subjects.save(subject);
      this.audit.record({
        actor,
        action: 'registry.account_email_replaced',
        requestId,
        subjectId: subject.id,
        details: {
          filingNumber: subject.filingNumber,
          previousEmail: previous.previousEmail,
          newEmail: subject.accountEmail,
          previousAliyunAccountId: previous.previousAliyunAccountId,
          aliyunAccountId: subject.aliyunAccountId,
        },
        ip: ip ?? null,
      });
      return {
        subjectId: subject.id,
        filingNumber: subject.filingNumber,
        previousEmail: previous.previousEmail,
        newEmail: subject.accountEmail,
        previousAliyunAccountId: previous.previousAliyunAccountId,
        aliyunAccountId: subject.aliyunAccountId!,
        changedAt: now,
      };
    });
  }
}
