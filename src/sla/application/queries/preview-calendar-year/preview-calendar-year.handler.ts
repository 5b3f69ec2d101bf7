import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DeadlinesToRescheduleQuery } from '../../../../initialization/application/queries/deadlines-to-reschedule/deadlines-to-reschedule.query.js';
import { CalendarChangePlanner } from '../../calendar-change-plan.js';
import { CALENDAR_REPOSITORY, type CalendarRepository } from '../../ports/calendar-repository.js';
import { PreviewCalendarYearQuery } from './preview-calendar-year.query.js';

/**
 * The plan the save would make, with the deadlines it would move counted by the
 * reschedule's own rule (`DeadlinesToRescheduleQuery`) on the calendar as it would be.
 */
@QueryHandler(PreviewCalendarYearQuery)
export class PreviewCalendarYearHandler implements IQueryHandler<PreviewCalendarYearQuery> {
  constructor(
    @Inject(CALENDAR_REPOSITORY) private readonly calendars: CalendarRepository,
    private readonly planner: CalendarChangePlanner,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: PreviewCalendarYearQuery) {
    const { problems, plan } = this.planner.plan(
      await this.calendars.loadArrangements(),
      query.arrangement,
    );
    if (!plan) return { problems, preview: null };
    const moves = query.countMoves
      ? await this.queries.execute(
          new DeadlinesToRescheduleQuery(plan.clockStartedFrom, plan.policy),
        )
      : null;
    return {
      problems: [] as [],
      preview: {
        year: plan.arrangement.year,
        replaces: plan.before !== null,
        basis: plan.basis,
        changes: plan.changes,
        yearBeforeDays: plan.yearBeforeDays,
        deadlines: moves?.deadlines ?? null,
        replyDeadlines: moves?.replyDeadlines ?? null,
      },
    };
  }
}
