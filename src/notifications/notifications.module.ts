import { BullModule } from '@nestjs/bull';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { CLOCK, type Clock } from '../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../shared/application/id-generator.js';
import { APP_CONFIG, type AppConfig } from '../shared/infrastructure/config/app-config.js';
import { TypeormUnitOfWork } from '../shared/infrastructure/database/typeorm-unit-of-work.js';
import { AbandonStuckMessagesHandler } from './application/commands/abandon-stuck-messages/abandon-stuck-messages.handler.js';
import { DeliverMessageHandler } from './application/commands/deliver-message/deliver-message.handler.js';
import { RelayDueMessagesHandler } from './application/commands/relay-due-messages/relay-due-messages.handler.js';
import { ResendMessageHandler } from './application/commands/resend-message/resend-message.handler.js';
import { DELIVERY_QUEUE } from './application/ports/delivery-queue.js';
import { MAIL_TRANSPORT } from './application/ports/mail-transport.js';
import { NOTIFICATION_OUTBOX } from './application/ports/notification-outbox.js';
import { OUTBOX_REPOSITORY } from './application/ports/outbox.repository.js';
import { GetOutboxMessageHandler } from './application/queries/get-outbox-message/get-outbox-message.handler.js';
import { ListOutboxMessagesHandler } from './application/queries/list-outbox-messages/list-outbox-messages.handler.js';
import { NotifyAccountEmailsWhenRequestApproved } from './application/reactions/notify-account-emails-when-request-approved.reaction.js';
import { NotifyApplicantWhenInformationRequested } from './application/reactions/notify-applicant-when-information-requested.reaction.js';
import { NotifyApplicantWhenRequestExpired } from './application/reactions/notify-applicant-when-request-expired.reaction.js';
import { NotifyApplicantWhenRequestRejected } from './application/reactions/notify-applicant-when-request-rejected.reaction.js';
import { NotifyStaffWhenRequestAtRisk } from './application/reactions/notify-staff-when-request-at-risk.reaction.js';
import { EscalateToSeniorsWhenRequestBreached } from './application/reactions/escalate-to-seniors-when-request-breached.reaction.js';
import { TellSeniorsWhenHeldWorkReturned } from './application/reactions/tell-seniors-when-held-work-returned.reaction.js';
import { STAFF_CONTACTS } from './application/ports/staff-contacts.js';
import { IdentityStaffContacts } from './infrastructure/identity/identity-staff-contacts.js';
import { DELIVERY_POLICY, MAIL_STYLE } from './application/settings.js';
import { TransactionalNotificationOutbox } from './application/transactional-notification-outbox.js';
import { DeliveryPolicy } from './domain/delivery-policy.js';
import type { MailStyle } from './domain/mails/letter.js';
import { DatabaseSinkMailTransport } from './infrastructure/mail/database-sink-mail-transport.js';
import { SmtpMailTransport } from './infrastructure/mail/smtp-mail-transport.js';
import { BullDeliveryQueue } from './infrastructure/queue/bull-delivery-queue.js';
import {
  NOTIFICATIONS_QUEUE,
  OUTBOX_BACKOFF,
} from './infrastructure/queue/delivery-queue.constants.js';
import { OutboxDeliveryWorker } from './infrastructure/queue/outbox-delivery.worker.js';
import { OutboxSchedule } from './infrastructure/queue/outbox-schedule.js';
import { NotificationsQueueMetrics } from './infrastructure/metrics/notifications-queue-metrics.js';
import { OutboxMetrics } from './infrastructure/metrics/outbox-metrics.js';
import { RelayOnlyDeliveryQueue } from './infrastructure/queue/relay-only-delivery-queue.js';
import { TypeormOutboxRepository } from './infrastructure/typeorm/typeorm-outbox.repository.js';
import { MailAdminController } from './interface/web/mail-admin.controller.js';

export interface NotificationsOptions {
  /** Run the delivery workers and the outbox timers (the server), or neither (the CLI). */
  workers: boolean;
}

const deliveryPolicy = (config: AppConfig) =>
  new DeliveryPolicy(config.MAIL_MAX_ATTEMPTS, config.MAIL_RETRY_DELAY_MS);

const controllers = [MailAdminController];
const reactions = [
  NotifyAccountEmailsWhenRequestApproved,
  NotifyApplicantWhenRequestRejected,
  NotifyApplicantWhenInformationRequested,
  NotifyApplicantWhenRequestExpired,
  NotifyStaffWhenRequestAtRisk,
  EscalateToSeniorsWhenRequestBreached,
  TellSeniorsWhenHeldWorkReturned,
];
const commandHandlers = [
  DeliverMessageHandler,
  RelayDueMessagesHandler,
  AbandonStuckMessagesHandler,
  ResendMessageHandler,
];
const queryHandlers = [ListOutboxMessagesHandler, GetOutboxMessageHandler];
const settings: Provider[] = [
  { provide: DELIVERY_POLICY, inject: [APP_CONFIG], useFactory: deliveryPolicy },
  {
    provide: MAIL_STYLE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig): MailStyle => ({
      zone: config.TZ_BUSINESS,
      supportContact: config.MAIL_SUPPORT_CONTACT,
      defaultLocale: config.DEFAULT_LOCALE,
      publicBaseUrl: config.PUBLIC_BASE_URL,
    }),
  },
];
const adapters: Provider[] = [
  { provide: NOTIFICATION_OUTBOX, useClass: TransactionalNotificationOutbox },
  { provide: OUTBOX_REPOSITORY, useClass: TypeormOutboxRepository },
  { provide: STAFF_CONTACTS, useClass: IdentityStaffContacts },
  {
    // SMTP when SMTP_URL is set, else the demo mailbox in the database.
    provide: MAIL_TRANSPORT,
    inject: [APP_CONFIG, TypeormUnitOfWork, CLOCK, ID_GENERATOR],
    useFactory: (
      config: AppConfig,
      unitOfWork: TypeormUnitOfWork,
      clock: Clock,
      ids: IdGenerator,
    ) =>
      config.SMTP_URL
        ? new SmtpMailTransport(config)
        : new DatabaseSinkMailTransport(unitOfWork, clock, ids),
  },
];

/**
 * Outgoing mail: the transactional outbox every context writes to (exported as
 * NOTIFICATION_OUTBOX, globally), the reactions that turn decisions into mail,
 * the bull workers that deliver it (SMTP, or the demo mailbox without
 * SMTP_URL), and the admin's mail page.
 */
@Module({})
export class NotificationsModule {
  static register(options: NotificationsOptions): DynamicModule {
    const workers: Provider[] = options.workers
      ? [
          { provide: DELIVERY_QUEUE, useClass: BullDeliveryQueue },
          OutboxDeliveryWorker,
          OutboxSchedule,
          NotificationsQueueMetrics,
        ]
      : [{ provide: DELIVERY_QUEUE, useClass: RelayOnlyDeliveryQueue }];
    return {
      module: NotificationsModule,
      global: true,
      imports: options.workers
        ? [
            BullModule.registerQueueAsync({
              name: NOTIFICATIONS_QUEUE,
              inject: [APP_CONFIG],
              useFactory: (config: AppConfig) => {
                const policy = deliveryPolicy(config);
                return {
                  settings: {
                    backoffStrategies: {
                      [OUTBOX_BACKOFF]: (attemptsMade: number) => policy.retryDelayMs(attemptsMade),
                    },
                  },
                };
              },
            }),
          ]
        : [],
      controllers,
      providers: [
        ...reactions,
        ...commandHandlers,
        ...queryHandlers,
        ...settings,
        ...adapters,
        OutboxMetrics,
        ...workers,
      ],
      exports: [NOTIFICATION_OUTBOX],
    };
  }
}
