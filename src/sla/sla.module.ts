import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DEADLINE_POLICY, SLA_DESCRIBER } from '../initialization/contracts/sla.js';
import { CLOCK, type Clock } from '../shared/application/clock.js';
import { msg } from '../shared/i18n/message.js';
import { LayoutBanners } from '../shared/interface/web/layout-banners.js';
import { BusinessCalendarSource } from './application/business-calendar-source.js';
import { CalendarChangePlanner } from './application/calendar-change-plan.js';
import { CalendarDeadlinePolicy } from './application/calendar-deadline-policy.js';
import { RunSlaWatchHandler } from './application/commands/run-sla-watch/run-sla-watch.handler.js';
import { SaveCalendarYearHandler } from './application/commands/save-calendar-year/save-calendar-year.handler.js';
import { CALENDAR_REPOSITORY } from './application/ports/calendar-repository.js';
import { SLA_FLAGGER } from './application/ports/sla-flagger.js';
import { GetCalendarYearHandler } from './application/queries/get-calendar-year/get-calendar-year.handler.js';
import { PreviewCalendarYearHandler } from './application/queries/preview-calendar-year/preview-calendar-year.handler.js';
import { InitializationSlaFlagger } from './infrastructure/initialization/initialization-sla-flagger.js';
import { TypeormCalendarRepository } from './infrastructure/typeorm-calendar.repository.js';
import { SlaWatchSchedule } from './interface/schedule/sla-watch.schedule.js';
import { CalendarAdminController } from './interface/web/calendar-admin.controller.js';

const controllers = [CalendarAdminController];
const commandHandlers = [RunSlaWatchHandler, SaveCalendarYearHandler];
const queryHandlers = [GetCalendarYearHandler, PreviewCalendarYearHandler];
const services = [
  BusinessCalendarSource,
  CalendarDeadlinePolicy,
  CalendarChangePlanner,
  SlaWatchSchedule,
];
const adapters = [
  { provide: CALENDAR_REPOSITORY, useClass: TypeormCalendarRepository },
  { provide: SLA_FLAGGER, useClass: InitializationSlaFlagger },
  { provide: DEADLINE_POLICY, useExisting: CalendarDeadlinePolicy },
  { provide: SLA_DESCRIBER, useExisting: CalendarDeadlinePolicy },
];

/** Business-day deadlines on the official calendar, and the SLA watch. */
@Module({
  controllers,
  providers: [...commandHandlers, ...queryHandlers, ...services, ...adapters],
  exports: [DEADLINE_POLICY, SLA_DESCRIBER, BusinessCalendarSource],
})
export class SlaModule implements OnModuleInit {
  constructor(
    private readonly banners: LayoutBanners,
    private readonly calendars: BusinessCalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every signed-in page warns while this year or next has no official arrangement. */
  onModuleInit(): void {
    this.banners.register(async () => {
      const calendar = await this.calendars.current();
      const year = Number(calendar.calendarDayOf(this.clock.now()).slice(0, 4));
      return calendar.yearsWithoutArrangement([year, year + 1]).map((missing) => ({
        level: 'warning' as const,
        text: msg('sla.banner.noOfficialCalendar', { year: missing }),
      }));
    });
  }
}
