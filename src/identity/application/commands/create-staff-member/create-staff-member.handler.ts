import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { StaffMember } from '../../../domain/staff-member.js';
import { InvalidStaffDetailsError } from '../../../domain/staff-member.errors.js';
import { PasswordRules } from '../../password-rules.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../../ports/password-hasher.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { CreateStaffMemberCommand } from './create-staff-member.command.js';

@CommandHandler(CreateStaffMemberCommand)
export class CreateStaffMemberHandler implements ICommandHandler<CreateStaffMemberCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    private readonly rules: PasswordRules,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(command: CreateStaffMemberCommand): Promise<{ id: string }> {
    // The details and the password are refused together, every problem beside its field.
    const problems = StaffMember.problemsOfDetails(command);
    const passwordProblems = this.rules.problemsOf(command.password, {
      email: command.email,
      displayName: command.displayName,
    });
    if (passwordProblems.length > 0) problems.password = passwordProblems;
    if (Object.keys(problems).length > 0) throw new InvalidStaffDetailsError(problems);
    const passwordHash = await this.hasher.hash(command.password);
    return this.unitOfWork.run(async () => {
      const member = StaffMember.register({
        id: this.ids.newId(),
        email: command.email,
        displayName: command.displayName,
        role: command.role,
        passwordHash,
        now: this.clock.now(),
      });
      await this.staff.save(member);
      this.audit.record({
        actor: command.actor,
        action: 'staff.created',
        details: {
          staffId: member.id,
          email: member.email,
          displayName: member.displayName,
          role: member.role,
        },
        ip: command.ip,
      });
      return { id: member.id };
    });
  }
}
