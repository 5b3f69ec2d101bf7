import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { msg } from '../../../shared/i18n/message.js';
import { Roles } from '../../../shared/interface/http/access.decorators.js';
import { UUID_PARAM } from '../../../shared/interface/http/uuid-param.pipe.js';
import { GetOutboxMessageQuery } from '../../application/queries/get-outbox-message/get-outbox-message.query.js';
import { ListOutboxMessagesQuery } from '../../application/queries/list-outbox-messages/list-outbox-messages.query.js';

/** The admin's view of outgoing mail: the outbox, and any one mail's text. */
@Controller('admin/mail')
@Roles('ADMIN')
export class MailAdminController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Render('pages/notifications/outbox')
  async outbox(@Query('before') before?: unknown): Promise<object> {
    const cursor = typeof before === 'string' && before ? before : null;
    const page = await this.queries.execute(new ListOutboxMessagesQuery(cursor));
    return {
      pageTitle: msg('notifications.outbox.title'),
      ...page,
      newestHref: cursor ? '/admin/mail' : null,
      olderHref: page.olderCursor
        ? `/admin/mail?before=${encodeURIComponent(page.olderCursor)}`
        : null,
    };
  }

  @Get(':id')
  @Render('pages/notifications/message')
  async message(@Param('id', UUID_PARAM) id: string): Promise<object> {
    const message = await this.queries.execute(new GetOutboxMessageQuery(id));
    return {
      pageTitle: msg('notifications.message.title', { subject: message.subject }),
      ...message,
    };
  }
}
