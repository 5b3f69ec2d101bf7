import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import { AppModule } from '../app.module.js';
import { RegisterFilingSubjectCommand } from '../filing-registry/application/commands/register-filing-subject/register-filing-subject.command.js';
import { CreateStaffMemberCommand } from '../identity/application/commands/create-staff-member/create-staff-member.command.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../identity/application/ports/staff-member.repository.js';
import { systemActor, type StaffActor } from '../shared/domain/actor.js';
import { SettableClock } from '../shared/infrastructure/clock/system-clock.js';
import type { AppConfig } from '../shared/infrastructure/config/app-config.js';
import { createRootLogger, PinoNestLogger } from '../shared/infrastructure/logging/logger.js';
import { BusinessCalendarSource } from '../sla/application/business-calendar-source.js';
import { DemoHistory } from './demo-history.js';
import { demoRegistry, seededRandom } from './demo-registry.js';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';

const HISTORY_DAYS = 30;

/**
 * Fills an empty demo database: staff for every role, a registry of subjects
 * with websites, and a month of requests played through the real commands
 * with a moving clock. Does nothing when the demo staff already exist.
 */
export async function seedDemo(config: AppConfig, log: (line: string) => void): Promise<void> {
  const now = new Date();
  const start = DateTime.fromJSDate(now, { zone: config.TZ_BUSINESS })
    .minus({ days: HISTORY_DAYS })
    .startOf('day')
    .toJSDate();
  const clock = new SettableClock(start);
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, clock, mode: 'cli' }),
    {
      logger: new PinoNestLogger(createRootLogger('warn', process.stderr)),
    },
  );
  try {
    const staff = app.get<StaffMemberRepository>(STAFF_MEMBER_REPOSITORY);
    if (await staff.findByEmail(DEMO_STAFF[0]!.email)) return;
    log('Seeding demo data (once; about a minute)…');
    const commands = app.get(CommandBus);
    const actor = systemActor('demo-seed');
    const cast: StaffActor[] = [];
    for (const member of DEMO_STAFF) {
      const { id } = await commands.execute(
        new CreateStaffMemberCommand(actor, member.email, member.name, member.role, DEMO_PASSWORD),
      );
      cast.push({ kind: 'STAFF', id, role: member.role, name: member.name });
    }

    const random = seededRandom(20261125);
    const subjects = demoRegistry(240, random);
    for (const subject of subjects) {
      await commands.execute(
        new RegisterFilingSubjectCommand({
          actor: systemActor('hichina-import'),
          type: subject.type,
          name: subject.name,
          credentialNumber: subject.credentialNumber,
          filingNumber: subject.filingNumber,
          accountEmail: subject.accountEmail,
          aliyunAccountId: subject.aliyunAccountId,
          websites: subject.websites,
        }),
      );
    }
    log(
      `  ${subjects.length} filing subjects with ${subjects.reduce((sum, s) => sum + s.websites.length, 0)} websites`,
    );

    const calendar = await app.get(BusinessCalendarSource).current();
    const history = new DemoHistory(
      app,
      clock,
      calendar,
      subjects,
      {
        reviewers: cast.filter((member) => member.role === 'REVIEWER'),
        seniors: cast.filter((member) => member.role === 'SENIOR_REVIEWER'),
        featured: cast.find((member) => member.name === 'Li Na')!,
      },
      random,
    );
    const submitted = await history.play(start, now, 13, log);
    log(`  ${submitted} requests over ${HISTORY_DAYS} days, reviewed by the demo staff`);
  } finally {
    await app.close();
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
