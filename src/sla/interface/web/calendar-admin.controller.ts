import { Body, Controller, Get, Inject, Post, Query, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { DateTime } from 'luxon';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { msg } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { pageLocale } from '../../../shared/interface/http/request-locale.js';
import { flash } from '../../../shared/interface/web/session.js';
import { SaveCalendarYearCommand } from '../../application/commands/save-calendar-year/save-calendar-year.command.js';
import { GetCalendarYearQuery } from '../../application/queries/get-calendar-year/get-calendar-year.query.js';
import { InvalidCalendarError } from '../../domain/calendar.errors.js';
import { parseArrangementForm, type ArrangementForm } from './arrangement-form.js';
import { calendarNames } from './calendar-names.js';

@Controller('admin/calendar')
@Roles('ADMIN')
export class CalendarAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/sla/calendar')
  async show(@Req() request: Request, @Query('year') year?: string): Promise<object> {
    const now = this.clock.now();
    const requested = Number(year);
    const shown =
      Number.isInteger(requested) && requested >= 2000 && requested <= 2100
        ? requested
        : DateTime.fromJSDate(now, { zone: this.config.TZ_BUSINESS }).year;
    const view = await this.queries.execute(new GetCalendarYearQuery(shown, now));
    const names = calendarNames(pageLocale(request, this.config.DEFAULT_LOCALE));
    return {
      pageTitle: msg('sla.calendar.title', { year: shown }),
      ...view,
      months: view.months.map((month) => ({ ...month, name: names.months[month.month - 1] })),
      weekdays: names.weekdays,
      previousYear: shown - 1,
      nextYear: shown + 1,
    };
  }

  @Post()
  async save(
    @Body() form: ArrangementForm,
    @CurrentActor() admin: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const parsed = parseArrangementForm(form);
    if (!parsed.ok) throw new InvalidCalendarError(parsed.problems);
    const { rescheduled } = await this.commands.execute(
      new SaveCalendarYearCommand(admin, parsed.arrangement, ip),
    );
    flash(
      request,
      'success',
      msg('sla.calendar.saved', { year: parsed.arrangement.year, rescheduled }),
    );
    response.redirect(303, `/admin/calendar?year=${parsed.arrangement.year}`);
  }
}
