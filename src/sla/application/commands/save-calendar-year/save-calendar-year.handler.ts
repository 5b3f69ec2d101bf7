import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { arrangementProblems } from '@lib/business-calendar';
import { DateTime } from 'luxon';
import { RescheduleDeadlinesCommand } from '../../../../initialization/application/commands/reschedule-deadlines/reschedule-deadlines.command.js';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { arrangementProblem, InvalidCalendarError } from '../../../domain/calendar.errors.js';
import { BusinessCalendarSource } from '../../business-calendar-source.js';
import { CALENDAR_REPOSITORY, type CalendarRepository } from '../../ports/calendar-repository.js';
import { SaveCalendarYearCommand } from './save-calendar-year.command.js';

/**
 * Stores a year's arrangement (audited), then moves the deadlines of open
 * requests whose clock runs into the edited period, since their business days changed.
 */
@CommandHandler(SaveCalendarYearCommand)
export class SaveCalendarYearHandler implements ICommandHandler<SaveCalendarYearCommand> {
  constructor(
    @Inject(CALENDAR_REPOSITORY) private readonly calendars: CalendarRepository,
    private readonly source: BusinessCalendarSource,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: SaveCalendarYearCommand): Promise<{ rescheduled: number }> {
    const { arrangement } = command;
    const others = (await this.calendars.loadArrangements()).filter(
      (stored) => stored.year !== arrangement.year,
    );
    const problems = arrangementProblems([...others, arrangement]);
    if (problems.length > 0) throw new InvalidCalendarError(problems.map(arrangementProblem));
    await this.unitOfWork.run(async () => {
      const before =
        (await this.calendars.loadArrangements()).find(
          (stored) => stored.year === arrangement.year,
        ) ?? null;
      await this.calendars.saveYear(arrangement, command.admin.name, this.clock.now());
      this.audit.record({
        actor: command.admin,
        action: before ? 'calendar.year_changed' : 'calendar.year_added',
        details: {
          year: arrangement.year,
          source: arrangement.source,
          daysOff: arrangement.daysOff,
          makeUpWorkdays: arrangement.makeUpWorkdays,
          ...(before
            ? {
                previous: {
                  source: before.source,
                  daysOff: before.daysOff,
                  makeUpWorkdays: before.makeUpWorkdays,
                },
              }
            : {}),
        },
        ip: command.ip,
      });
    });
    this.source.invalidate();
    return this.commands.execute(
      new RescheduleDeadlinesCommand(this.earliestAffectedStart(arrangement.year)),
    );
  }

  /**
   * An arrangement can list days from December 1 of the year before. A request whose clock
   * started a little earlier (late November) can have its deadline in that December, so
   * every request whose clock started from November 1 of the year before is worked out
   * again (a month covers any deadline of a few business days; unchanged ones stay as
   * they are).
   */
  private earliestAffectedStart(year: number): Date {
    return DateTime.fromObject(
      { year: year - 1, month: 11, day: 1 },
      { zone: this.source.options.zone },
    ).toJSDate();
  }
}
