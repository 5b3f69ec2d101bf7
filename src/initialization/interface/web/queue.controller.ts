import { Controller, Get, Inject, Query, Render, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { pageLocale } from '../../../shared/interface/http/request-locale.js';
import { QueueQuery, type QueueRequest } from '../../application/queries/queue/queue.query.js';
import { SlaBadgesQuery } from '../../application/queries/sla-badges/sla-badges.query.js';
import { presentQueuePage, presentSlaBadges } from './queue-page.presenter.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, 200) : undefined;

/** The review queue: tabs, filters, keyset pages; the SLA badges' refresh. */
@Controller('queue')
@Roles('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR')
export class QueueController {
  constructor(
    private readonly queries: QueryBus,
    private readonly translator: Translator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/queue/index')
  async queue(
    @CurrentActor() viewer: StaffActor,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<object> {
    const request: QueueRequest = {
      tab: text(query.tab),
      subjectType: text(query.subjectType),
      province: text(query.province),
      riskFlag: text(query.riskFlag),
      assignee: text(query.assignee),
      search: text(query.q),
      after: text(query.after),
      before: text(query.before),
    };
    const view = await this.queries.execute(new QueueQuery(viewer, request));
    return presentQueuePage(view, this.translator.words(response.locals.locale as Locale));
  }

  /**
   * `{"badges":[{id, state, label, tone, timeLeft}]}` for `?ids=a,b,c` (desk.js, every
   * minute), the words in the page's language.
   */
  @Get('sla-badges')
  async slaBadges(@Query('ids') ids: unknown, @Req() request: Request): Promise<object> {
    const list = typeof ids === 'string' ? ids.split(',').map((id) => id.trim()) : [];
    const badges = await this.queries.execute(new SlaBadgesQuery(list));
    return presentSlaBadges(
      badges,
      this.translator.words(pageLocale(request, this.config.DEFAULT_LOCALE)),
    );
  }
}
