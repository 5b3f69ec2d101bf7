import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
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
import { DEMO_INTAKE_CLIENT, DemoHistory } from './demo-history.js';
import { loadDemoDocumentPackages } from './document-images.js';
import { demoRegistry, seededRandom } from './demo-registry.js';
import { DEMO_PASSWORD, DEMO_STAFF, FEATURED_REVIEWER } from './demo-staff.js';

const HISTORY_DAYS = 30;

/**
 * Fills the demo database: staff for every role, a registry of subjects with
 * websites, and a month of requests played through the real commands with a
 * moving clock. Each part is seeded only if it is missing, so an interrupted
 * start is completed by the next one; a complete database is left untouched.
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
    // Each part is seeded only when it is missing, so a start interrupted part-way
    // finishes the job next time, and a fully seeded database is left as it is.
    const dataSource = app.get(DataSource);
    const staff = app.get<StaffMemberRepository>(STAFF_MEMBER_REPOSITORY);
    const commands = app.get(CommandBus);
    const actor = systemActor('demo-seed');
    const random = seededRandom(20261125);
    const subjects = demoRegistry(240, random);
    const known = new Set(
      (
        await dataSource.query<{ credential_number: string }[]>(
          `SELECT credential_number FROM filing_subjects WHERE credential_number = ANY($1)`,
          [subjects.map((subject) => subject.credentialNumber)],
        )
      ).map((row) => row.credential_number),
    );
    const missingSubjects = subjects.filter((subject) => !known.has(subject.credentialNumber));
    const [{ count: requestCount }] = await dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM initialization_requests WHERE intake_client = $1`,
      [DEMO_INTAKE_CLIENT],
    );
    const existingStaff = await Promise.all(
      DEMO_STAFF.map((member) => staff.findByEmail(member.email)),
    );
    if (missingSubjects.length === 0 && requestCount > 0 && existingStaff.every(Boolean)) return;

    // Playing the history draws documents with development dependencies: fail before writing.
    if (requestCount === 0) await loadDemoDocumentPackages();
    log('Seeding demo data (once; about a minute)…');
    const cast: StaffActor[] = [];
    for (const [index, member] of DEMO_STAFF.entries()) {
      const existing = existingStaff[index];
      const id = existing
        ? existing.id
        : (
            await commands.execute(
              new CreateStaffMemberCommand(
                actor,
                member.email,
                member.name,
                member.role,
                DEMO_PASSWORD,
              ),
            )
          ).id;
      cast.push({ kind: 'STAFF', id, role: member.role, name: member.name });
    }

    for (const subject of missingSubjects) {
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
      `  ${missingSubjects.length} filing subjects with ${missingSubjects.reduce((sum, s) => sum + s.websites.length, 0)} websites`,
    );

    // The history goes through the real commands, whose audit events cannot be taken
    // back: once it has started it is kept, even if an earlier start stopped within it.
    if (requestCount > 0) {
      log(`  keeping the ${requestCount} demo requests already played`);
      return;
    }
    const calendar = await app.get(BusinessCalendarSource).current();
    const history = new DemoHistory(
      app,
      clock,
      calendar,
      subjects,
      {
        reviewers: cast.filter((member) => member.role === 'REVIEWER'),
        seniors: cast.filter((member) => member.role === 'SENIOR_REVIEWER'),
        featured: cast.find((member) => member.name === FEATURED_REVIEWER)!,
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
