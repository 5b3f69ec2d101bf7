import { Controller, Get, Inject, Query, Render, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { pageLocale } from '../../../shared/interface/http/request-locale.js';
import { selectOptions } from '../../../shared/interface/web/select-options.js';
import { writeCursor } from '../../application/queries/queue/queue.handler.js';
import {
  QueueQuery,
  type QueueRequest,
  type QueueView,
} from '../../application/queries/queue/queue.query.js';
import { presentQueueRows } from './queue-rows.presenter.js';
import { SlaBadgesQuery } from '../../application/queries/sla-badges/sla-badges.query.js';

/** Address parameters of the queue page and the view model fields they carry. */
const PARAMETERS = {
  subjectType: 'subjectType',
  province: 'province',
  riskFlag: 'riskFlag',
  assignee: 'assignee',
  search: 'q',
} as const;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, 200) : undefined;

/** The queue's address for a tab, the filters in force and a page (after or before a row). */
function queueHref(
  tab: string,
  filters: QueueView['filters'],
  page?: { after: string } | { before: string },
): string {
  const parameters = new URLSearchParams({ tab });
  for (const [field, name] of Object.entries(PARAMETERS)) {
    const value = filters[field as keyof typeof PARAMETERS];
    if (value) parameters.set(name, value);
  }
  if (page && 'after' in page) parameters.set('after', page.after);
  if (page && 'before' in page) parameters.set('before', page.before);
  return `/queue?${parameters.toString()}`;
}

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
    const words = this.translator.words(response.locals.locale as Locale);
    return {
      pageTitle: msg('queue.pageTitle', { tab: view.tabLabel }),
      ...view,
      rows: presentQueueRows(view.rows, words),
      choices: {
        subjectTypes: selectOptions(words, view.options.subjectTypes),
        provinces: selectOptions(words, view.options.provinces),
        riskFlags: selectOptions(words, view.options.riskFlags),
        // Staff members' names are data; "nobody" is words.
        assignees: selectOptions(
          words,
          view.options.assignees,
          (option) => option.value !== 'none',
        ),
      },
      tabs: view.tabs.map((tab) => ({ ...tab, href: queueHref(tab.key, view.filters) })),
      nextHref: view.next
        ? queueHref(view.tab, view.filters, { after: writeCursor(view.next) })
        : null,
      previousHref: view.previous
        ? queueHref(view.tab, view.filters, { before: writeCursor(view.previous) })
        : null,
      firstHref: view.paged ? queueHref(view.tab, view.filters) : null,
      clearHref: queueHref(view.tab, { ...view.filters, ...EMPTY_FILTERS }),
    };
  }

  /**
   * `{"badges":[{id, state, label, tone, timeLeft}]}` for `?ids=a,b,c` (desk.js, every
   * minute), the words in the page's language.
   */
  @Get('sla-badges')
  async slaBadges(@Query('ids') ids: unknown, @Req() request: Request): Promise<object> {
    const list = typeof ids === 'string' ? ids.split(',').map((id) => id.trim()) : [];
    const badges = await this.queries.execute(new SlaBadgesQuery(list));
    const words = this.translator.words(pageLocale(request, this.config.DEFAULT_LOCALE));
    return {
      badges: badges.map((badge) => ({
        ...badge,
        label: words.text(badge.label),
        timeLeft: words.text(badge.timeLeft),
      })),
    };
  }
}

const EMPTY_FILTERS: QueueView['filters'] = {
  subjectType: '',
  province: '',
  riskFlag: '',
  assignee: '',
  search: '',
};
