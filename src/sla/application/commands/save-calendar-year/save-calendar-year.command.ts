import { Command } from '@nestjs/cqrs';
import type { YearArrangement } from '@lib/business-calendar';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** What a saved arrangement moved. */
export interface CalendarYearSaved {
  /** Open requests whose deadline moved. */
  deadlines: number;
  /** Requests waiting for the applicant whose reply deadline moved. */
  replyDeadlines: number;
}

/**
 * An admin adds or corrects a year's official arrangement, having seen what it changes:
 * `basis` is the stored calendar that preview was made from (`CalendarChangePlan.basis`);
 * when the calendar has moved on since, nothing is saved (CalendarChangedMeanwhileError).
 */
export class SaveCalendarYearCommand extends Command<CalendarYearSaved> {
  constructor(
    readonly admin: StaffActor,
    readonly arrangement: YearArrangement,
    readonly ip: string | null,
    readonly basis?: string,
  ) {
    super();
  }
}
