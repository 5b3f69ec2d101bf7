import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import type { DeliveryPolicy } from '../../../domain/delivery-policy.js';
import {
  MAIL_TRANSPORT,
  MailNotSentError,
  type MailTransport,
} from '../../ports/mail-transport.js';
import { OUTBOX_REPOSITORY, type OutboxRepository } from '../../ports/outbox.repository.js';
import { DELIVERY_POLICY } from '../../settings.js';
import { DeliverMessageCommand, type DeliveryOutcome } from './deliver-message.command.js';

/**
 * At most once: the claim (PENDING → SENDING, one more attempt) commits before
 * the mail server is called, so a second worker, a re-delivered job or a
 * restart after a crash finds the message taken and sends nothing. A refusal
 * that proves nothing went out puts it back to PENDING with a backoff; an
 * error that leaves delivery unknown abandons it for a person to check. The
 * transport marks the message SENT through `recordSent` (the demo mailbox in the
 * same transaction as its copy of the mail).
 */
@CommandHandler(DeliverMessageCommand)
export class DeliverMessageHandler implements ICommandHandler<DeliverMessageCommand> {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(DELIVERY_POLICY) private readonly policy: DeliveryPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ outboxId }: DeliverMessageCommand): Promise<DeliveryOutcome> {
    const message = await this.outbox.claim(outboxId, this.clock.now());
    if (!message) return 'not-claimed';
    // Set from the callback, so not narrowed here.
    let recording = 'not-yet' as 'not-yet' | 'done' | 'failed';
    const recordSent = async (): Promise<void> => {
      try {
        await this.outbox.markSent(message.id, this.clock.now());
        recording = 'done';
      } catch (error) {
        recording = 'failed';
        throw error;
      }
    };
    try {
      await this.transport.send(
        {
          outboxId: message.id,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        },
        recordSent,
      );
    } catch (error) {
      if (error instanceof MailNotSentError) {
        const refused = { kind: 'refused', answer: describe(error) } as const;
        if (error.permanent || !this.policy.mayRetry(message.attempts)) {
          await this.outbox.markFailed(message.id, refused);
          return 'failed';
        }
        const retryAt = this.policy.nextAttemptAt(message.attempts, this.clock.now());
        await this.outbox.scheduleRetry(message.id, refused, retryAt);
        return 'retry-scheduled';
      }
      // The mail went out but could not be marked SENT: it stays SENDING, and the sweep
      // abandons it (delivery unknown).
      if (recording === 'failed') throw error;
      await this.outbox.markAbandoned(message.id, { kind: 'broke-off', detail: describe(error) });
      return 'abandoned';
    }
    if (recording === 'not-yet') await recordSent();
    return 'sent';
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}
