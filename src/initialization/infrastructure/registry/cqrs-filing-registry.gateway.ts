import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ReplaceSubjectAccountEmailCommand } from '../../../filing-registry/application/commands/replace-subject-account-email/replace-subject-account-email.command.js';
import type { FilingSubjectSnapshot } from '../../../filing-registry/contracts/filing-subject.js';
import { FindSubjectAndAccountHolderQuery } from '../../../filing-registry/application/queries/find-subject-and-account-holder/find-subject-and-account-holder.query.js';
import type { EventContext } from '../../../shared/application/domain-events.js';
import type {
  FilingRegistryGateway,
  RegisteredSubject,
} from '../../application/ports/filing-registry.gateway.js';

/** The filing-registry context through its published queries and command (they join the caller's transaction). */
@Injectable()
export class CqrsFilingRegistryGateway implements FilingRegistryGateway {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  async findSubjectAndAccountHolder(
    subjectFilingNumber: string,
    aliyunAccountId: string,
  ): Promise<{ subject: RegisteredSubject | null; accountHolder: RegisteredSubject | null }> {
    const found = await this.queries.execute(
      new FindSubjectAndAccountHolderQuery(subjectFilingNumber, aliyunAccountId),
    );
    return { subject: toSubject(found.subject), accountHolder: toSubject(found.accountHolder) };
  }

  async replaceAccountEmail(
    change: { subjectId: string; newEmail: string; aliyunAccountId: string; requestId: string },
    context: EventContext,
  ): Promise<void> {
    await this.commands.execute(
      new ReplaceSubjectAccountEmailCommand({ ...change, actor: context.actor, ip: context.ip }),
    );
  }
}

function toSubject(snapshot: FilingSubjectSnapshot | null): RegisteredSubject | null {
  if (!snapshot) return null;
  return {
    id: snapshot.id,
    type: snapshot.type,
    name: snapshot.name,
    credentialNumber: snapshot.credentialNumber,
    province: snapshot.province,
    filingNumber: snapshot.filingNumber,
    accountEmail: snapshot.accountEmail,
    aliyunAccountId: snapshot.aliyunAccountId,
    accountEmailChangedAt: snapshot.accountEmailChangedAt,
    websites: snapshot.websites,
  };
}
