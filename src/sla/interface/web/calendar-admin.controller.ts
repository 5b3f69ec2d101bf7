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
import { PreviewCalendarYearQuery } from '../../application/queries/preview-calendar-year/preview-calendar-year.query.js';
import {
  CalendarChangedMeanwhileError,
  InvalidCalendarError,
} from '../../domain/calendar.errors.js';
import type { ParsedArrangementForm } from './arrangement-form.js';
import { parseCalendarForm } from './calendar-form.js';
import {
  arrangementHelp,
  formProblems,
  previewView,
  type FormProblems,
  type PreviewView,
  type TypedArrangement,
} from './calendar-preview.presenter.js';
import { calendarNames } from './calendar-names.js';

const PAGE = 'pages/sla/calendar';

/**
 * The official calendar, a year at a time, and its edit in two steps: the form's text is
 * checked and what it would change is shown (days, and how many deadlines move), then the
 * preview's button, carrying the same text, saves it.
 */
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
  @Render(PAGE)
  async show(@Req() request: Request, @Query('year') year?: string): Promise<object> {
    const requested = Number(year);
    return this.page(
      request,
      Number.isInteger(requested) && requested >= 2000 && requested <= 2100
        ? requested
        : this.thisYear(),
    );
  }

  @Post()
  async save(
    @Body() body: unknown,
    @CurrentActor() admin: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { parsed, typed, basis, confirmed } = parseCalendarForm(body);
    if (parsed.ok && parsed.arrangement && confirmed && basis) {
      try {
        const moved = await this.commands.execute(
          new SaveCalendarYearCommand(admin, parsed.arrangement, ip, basis),
        );
        flash(
          request,
          'success',
          msg('sla.calendar.saved', { year: parsed.arrangement.year, ...moved }),
        );
        response.redirect(303, `/admin/calendar?year=${parsed.arrangement.year}`);
        return;
      } catch (error) {
        if (error instanceof CalendarChangedMeanwhileError)
          return this.check(request, response, parsed, typed, true);
        if (error instanceof InvalidCalendarError)
          return this.render(request, response, 422, parsed.arrangement.year, {
            form: typed,
            problems: { all: [...error.problems], source: [], daysOff: [], makeUpWorkdays: [] },
          });
        throw error;
      }
    }
    // Not confirmed (or the confirmation lost its basis): check it and show what it changes.
    return this.check(request, response, parsed, typed, false);
  }

  /** The form again with every problem (422), or the preview of what saving changes. */
  private async check(
    request: Request,
    response: Response,
    parsed: ParsedArrangementForm,
    typed: TypedArrangement,
    changedMeanwhile: boolean,
  ): Promise<void> {
    const year = parsed.arrangement?.year ?? this.thisYear();
    const checked = parsed.arrangement
      ? await this.queries.execute(new PreviewCalendarYearQuery(parsed.arrangement, parsed.ok))
      : { problems: [], preview: null };
    const problems = formProblems(parsed, checked.problems);
    if (problems || !checked.preview)
      return this.render(request, response, 422, year, { form: typed, problems, changedMeanwhile });
    return this.render(request, response, changedMeanwhile ? 409 : 200, year, {
      form: typed,
      preview: previewView(checked.preview, parsed.lines, typed, changedMeanwhile),
    });
  }

  private async render(
    request: Request,
    response: Response,
    status: number,
    year: number,
    state: {
      form: TypedArrangement;
      problems?: FormProblems | null;
      preview?: PreviewView;
      changedMeanwhile?: boolean;
    },
  ): Promise<void> {
    const page = await this.page(request, year);
    response.status(status).render(PAGE, {
      ...page,
      form: state.form,
      problems: state.problems ?? null,
      preview: state.preview ?? null,
      changedMeanwhile: state.changedMeanwhile ?? false,
    });
  }

  private async page(request: Request, year: number) {
    const view = await this.queries.execute(new GetCalendarYearQuery(year, this.clock.now()));
    const names = calendarNames(pageLocale(request, this.config.DEFAULT_LOCALE));
    return {
      pageTitle: msg('sla.calendar.title', { year }),
      ...view,
      months: view.months.map((month) => ({ ...month, name: names.months[month.month - 1] })),
      weekdays: names.weekdays,
      previousYear: year - 1,
      nextYear: year + 1,
      help: arrangementHelp(year),
    };
  }

  private thisYear(): number {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.config.TZ_BUSINESS }).year;
  }
}
