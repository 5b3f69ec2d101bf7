import { Command } from '@nestjs/cqrs';
import type { YearArrangement } from '@lib/business-calendar';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** An admin adds or corrects a year's official arrangement. */
export class SaveCalendarYearCommand extends Command<{ rescheduled: number }> {
  constructor(
    readonly admin: StaffActor,
    readonly arrangement: YearArrangement,
    readonly ip: string | null,
  ) {
    super();
  }
}
