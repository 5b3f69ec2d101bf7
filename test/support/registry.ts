import { CommandBus } from '@nestjs/cqrs';
import { RegisterFilingSubjectCommand } from '../../src/filing-registry/application/commands/register-filing-subject/register-filing-subject.command.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import type { TestApp } from './test-app.js';

export interface TestSubject {
  id: string;
  type: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  credentialNumber: string;
  filingNumber: string;
  accountEmail: string;
  aliyunAccountId: string | null;
}

/** A registry subject created through the registry's own command. */
export async function registerSubject(
  t: TestApp,
  subject: {
    type: 'INDIVIDUAL' | 'ORGANIZATION';
    name: string;
    credentialNumber: string;
    filingNumber: string;
    aliyunAccountId?: string;
    accountEmail?: string;
    /** Pretend the desk replaced its account email this many days ago. */
    accountEmailChangedDaysAgo?: number;
  },
): Promise<TestSubject> {
  const accountEmail =
    subject.accountEmail ?? `old-${Math.random().toString(36).slice(2, 10)}@example.cn`;
  const { id } = await t.app.get(CommandBus).execute(
    new RegisterFilingSubjectCommand({
      actor: systemActor('test'),
      type: subject.type,
      name: subject.name,
      credentialNumber: subject.credentialNumber,
      filingNumber: subject.filingNumber,
      accountEmail,
      aliyunAccountId: subject.aliyunAccountId ?? null,
      websites: [
        { filingNumber: `${subject.filingNumber}-1`, domain: `site-${id36()}.example.cn` },
      ],
    }),
  );
  if (subject.accountEmailChangedDaysAgo !== undefined) {
    const now = t.clock?.now() ?? new Date();
    await t.dataSource.query(
      `UPDATE filing_subjects SET account_email_changed_at = $2 WHERE id = $1`,
      [id, new Date(now.getTime() - subject.accountEmailChangedDaysAgo * 86_400_000)],
    );
  }
  return {
    id,
    type: subject.type,
    name: subject.name,
    credentialNumber: subject.credentialNumber,
    filingNumber: subject.filingNumber,
    accountEmail,
    aliyunAccountId: subject.aliyunAccountId ?? null,
  };
}

const id36 = (): string => Math.random().toString(36).slice(2, 10);
