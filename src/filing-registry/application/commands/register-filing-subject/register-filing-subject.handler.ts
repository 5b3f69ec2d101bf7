import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { FilingSubject } from '../../../domain/filing-subject.js';
import {
  AccountHoldsOtherSubjectError,
  FilingNumberTakenError,
  InvalidSubjectDetailsError,
} from '../../../domain/filing-subject.errors.js';
import { SubjectDetails } from '../../../domain/subject-details.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import { RegisterFilingSubjectCommand } from './register-filing-subject.command.js';

@CommandHandler(RegisterFilingSubjectCommand)
export class RegisterFilingSubjectHandler implements ICommandHandler<RegisterFilingSubjectCommand> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(command: RegisterFilingSubjectCommand): Promise<{ id: string }> {
    const { actor, websites = [], ip, ...raw } = command.input;
    const now = this.clock.now();
    const checked = SubjectDetails.check(raw, now);
    if (!checked.ok) throw new InvalidSubjectDetailsError(checked.problems);
    const details = checked.details;
    return this.unitOfWork.run(async () => {
      if (await this.subjects.findByFilingNumber(details.filingNumber)) {
        throw new FilingNumberTakenError(details.filingNumber);
      }
      if (details.aliyunAccountId !== null) {
        const holder = await this.subjects.findByAliyunAccountId(details.aliyunAccountId);
        if (holder)
          throw new AccountHoldsOtherSubjectError(details.aliyunAccountId, holder.filingNumber);
      }
      const subject = FilingSubject.register({ id: this.ids.newId(), details, now });
      for (const website of websites) subject.recordWebsite(website, now);
      await this.subjects.save(subject);
      this.audit.record({
        actor,
        action: 'registry.subject_registered',
        subjectId: subject.id,
        details: {
          type: subject.type,
          name: subject.name,
          filingNumber: subject.filingNumber,
          accountEmail: subject.accountEmail,
          aliyunAccountId: subject.aliyunAccountId,
          websites: subject.websites.map((site) => site.filingNumber),
        },
        ip: ip ?? null,
      });
      return { id: subject.id };
    });
  }
}
