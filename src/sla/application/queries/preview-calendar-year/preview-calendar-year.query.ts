import { Query } from '@nestjs/cqrs';
import type { YearArrangement } from '@lib/business-calendar';
import type { DayChanges } from '../../../domain/day-changes.js';
import type { CalendarProblem } from '../../calendar-change-plan.js';

/** What saving an arrangement would change, for the administrator to confirm. */
export interface CalendarYearPreview {
  year: number;
  /** The year has an arrangement already (saving replaces it). */
  replaces: boolean;
  /** The stored calendar the preview was made from; the confirmation carries it. */
  basis: string;
  changes: DayChanges;
  /** Changed days of the year before (late December). */
  yearBeforeDays: string[];
  /** Open requests whose deadline would move (null when only the problems were asked for). */
  deadlines: number | null;
  /** Requests waiting for the applicant whose reply deadline would move. */
  replyDeadlines: number | null;
}

/**
 * Checks an arrangement against the stored calendar and, when it can be saved, says what
 * saving it would change; `countMoves: false` only checks it (a form with other problems).
 */
export class PreviewCalendarYearQuery extends Query<
  { problems: CalendarProblem[]; preview: null } | { problems: []; preview: CalendarYearPreview }
> {
  constructor(
    readonly arrangement: YearArrangement,
    readonly countMoves = true,
  ) {
    super();
  }
}
