import { Body, Controller, Get, Param, Post, Query, Render, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { DomainError } from '../../../shared/domain/domain-error.js';
import { msg } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { UUID_PARAM } from '../../../shared/interface/http/uuid-param.pipe.js';
import { flash } from '../../../shared/interface/web/session.js';
import { ResendMessageCommand } from '../../application/commands/resend-message/resend-message.command.js';
import { GetOutboxMessageQuery } from '../../application/queries/get-outbox-message/get-outbox-message.query.js';
import { ListOutboxMessagesQuery } from '../../application/queries/list-outbox-messages/list-outbox-messages.query.js';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../domain/outbox-message.js';
import {
  MailAlreadyResentError,
  OnlyAbandonedMailIsResentError,
} from '../../domain/outbox-message.errors.js';
import { parseResendForm } from './resend-form.js';

const statusOf = (value: unknown): OutboxStatus | null =>
  OUTBOX_STATUSES.find((status) => status === value) ?? null;

/** `/admin/mail`, keeping the status filter. */
function outboxHref(status: OutboxStatus | null, before: string | null = null): string {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (before) query.set('before', before);
  const search = query.toString();
  return search ? `/admin/mail?${search}` : '/admin/mail';
}

/**
 * The admin's view of outgoing mail: the outbox (filtered by status), any one mail's
 * text, and the deliberate resend of a mail whose delivery is unknown.
 */
@Controller('admin/mail')
@Roles('ADMIN')
export class MailAdminController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Render('pages/notifications/outbox')
  async outbox(
    @Query('before') before?: unknown,
    @Query('status') statusParam?: unknown,
  ): Promise<object> {
    const cursor = typeof before === 'string' && before ? before : null;
    const status = statusOf(statusParam);
    const page = await this.queries.execute(new ListOutboxMessagesQuery(cursor, 50, status));
    return {
      pageTitle: msg('notifications.outbox.title'),
      ...page,
      statuses: OUTBOX_STATUSES.map((value) => ({
        value,
        label: msg(`notifications.status.${value}`),
        selected: value === status,
      })),
      filtered: status !== null,
      newestHref: cursor ? outboxHref(status) : null,
      olderHref: page.olderCursor ? outboxHref(status, page.olderCursor) : null,
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

  /** The confirmation step: the recipient may get the mail twice. */
  @Get(':id/resend')
  async confirmResend(
    @Param('id', UUID_PARAM) id: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const message = await this.queries.execute(new GetOutboxMessageQuery(id));
    if (!message.canResend) {
      const refusal = message.resentAs
        ? new MailAlreadyResentError()
        : new OnlyAbandonedMailIsResentError();
      flash(request, 'error', refusal.sentence);
      response.redirect(303, `/admin/mail/${id}`);
      return;
    }
    response.render('pages/notifications/resend', {
      pageTitle: msg('notifications.resend.title'),
      ...message,
    });
  }

  @Post(':id/resend')
  async resend(
    @Param('id', UUID_PARAM) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // Only from the confirmation step, which says the recipient may get it twice.
    if (!parseResendForm(body).confirmed) {
      response.redirect(303, `/admin/mail/${id}/resend`);
      return;
    }
    let resendId: string;
    try {
      resendId = await this.commands.execute(new ResendMessageCommand(actor, id, ip));
    } catch (error) {
      // Refused (already resent, or no longer abandoned): back to the message, which says why.
      if (error instanceof DomainError && error.category === 'conflict') {
        flash(request, 'error', error.sentence);
        response.redirect(303, `/admin/mail/${id}`);
        return;
      }
      throw error;
    }
    flash(request, 'success', msg('notifications.resend.done'));
    response.redirect(303, `/admin/mail/${resendId}`);
  }
}
