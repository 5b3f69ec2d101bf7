import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RescheduleDeadlinesCommand } from '../../../../initialization/application/commands/reschedule-deadlines/reschedule-deadlines.command.js';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  CalendarChangedMeanwhileError,
  InvalidCalendarError,
} from '../../../domain/calendar.errors.js';
import { BusinessCalendarSource } from '../../business-calendar-source.js';
import { calendarBasis, CalendarChangePlanner } from '../../calendar-change-plan.js';
import { CALENDAR_REPOSITORY, type CalendarRepository } from '../../ports/calendar-repository.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { SaveCalendarYearCommand, type CalendarYearSaved } from './save-calendar-year.command.js';

/**
 * Stores a year's arrangement and moves the deadlines of open requests whose business
 * days changed, in one transaction with its audit event: the calendar and the deadlines
 * never disagree, and a failure leaves both as they were. Calendar changes wait for
 * each other (one at a time, each checked against the calendar the one before left).
 */
@CommandHandler(SaveCalendarYearCommand)
export class SaveCalendarYearHandler implements ICommandHandler<SaveCalendarYearCommand> {
  constructor(
    @Inject(CALENDAR_REPOSITORY) private readonly calendars: CalendarRepository,
    private readonly source: BusinessCalendarSource,
    private readonly planner: CalendarChangePlanner,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: SaveCalendarYearCommand): Promise<CalendarYearSaved> {
    const { arrangement } = command;
    return this.unitOfWork.run(async () => {
      await this.calendars.lockForChange();
      const stored = await this.calendars.loadArrangements();
      if (command.basis !== undefined && command.basis !== calendarBasis(stored))
        throw new CalendarChangedMeanwhileError();
      const { problems, plan } = this.planner.plan(stored, arrangement);
      if (!plan) throw new InvalidCalendarError(problems.map((problem) => problem.message));
      await this.calendars.saveYear(arrangement, command.admin.name, this.clock.now());
      // Worked out on the calendar as saved, not the cached one: a rolled-back save leaves no trace.
      const moved = await this.commands.execute(
        new RescheduleDeadlinesCommand(plan.clockStartedFrom, plan.policy),
      );
      const { before, changes } = plan;
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
          daysAdded: changes.added,
          daysRemoved: changes.removed,
          daysChanged: changes.changed,
          yearBeforeDays: plan.yearBeforeDays,
          deadlinesMoved: moved.deadlines,
          replyDeadlinesMoved: moved.replyDeadlines,
        },
        ip: command.ip,
      });
      this.unitOfWork.afterCommit(() => this.source.invalidate());
      return { deadlines: moved.deadlines, replyDeadlines: moved.replyDeadlines };
    });
  }
}
