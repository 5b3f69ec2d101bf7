import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CreateStaffMemberCommand } from '../identity/application/commands/create-staff-member/create-staff-member.command.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../identity/application/ports/staff-member.repository.js';
import { systemActor } from '../shared/domain/actor.js';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';

/**
 * Fills an empty demo database: staff for every role. Runs only once per
 * database (it does nothing when the demo staff already exist).
 */
export async function seedDemo(
  app: INestApplicationContext,
  log: (line: string) => void,
): Promise<void> {
  const staff = app.get<StaffMemberRepository>(STAFF_MEMBER_REPOSITORY);
  if (await staff.findByEmail(DEMO_STAFF[0]!.email)) return;
  log('Seeding demo data…');
  const commands = app.get(CommandBus);
  const actor = systemActor('demo-seed');
  for (const member of DEMO_STAFF) {
    await commands.execute(
      new CreateStaffMemberCommand(actor, member.email, member.name, member.role, DEMO_PASSWORD),
    );
  }
}

export function describeDemoLogins(): string {
  const width = Math.max(...DEMO_STAFF.map((member) => member.email.length));
  return [
    `Demo staff (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_STAFF.map(
      (member) => `  ${member.email.padEnd(width)}  ${member.role.padEnd(15)}  ${member.name}`,
    ),
  ].join('\n');
}
