import type { Words } from '../../../shared/i18n/translator.js';
import type { ComposedMail } from '../outbox-message.js';
import { dueTime } from './letter.js';

/** An undecided request that crossed an SLA line, as a staff notice reads it. */
export interface SlaNotice {
  reference: string;
  dueAt: Date;
  assigneeName: string | null;
  /** Link to the request in the portal. */
  url: string;
}

/**
 * To the reviewer holding it (or the seniors when nobody does): four business hours or
 * fewer are left. Written in the recipient's words.
 */
export function atRiskMail(
  to: string,
  notice: SlaNotice,
  words: Words,
  zone: string,
): ComposedMail {
  const { reference, url } = notice;
  const due = dueTime(notice.dueAt, zone, words);
  return {
    kind: 'sla.at_risk',
    to,
    subject: words.t('notifications.atRisk.subject', { reference, due }),
    text: [
      words.t('notifications.atRisk.body', { reference, due }),
      notice.assigneeName
        ? words.t('notifications.atRisk.youHoldIt')
        : words.t('notifications.atRisk.nobodyHoldsIt'),
      words.t('notifications.staff.openIt', { url }),
    ].join('\n\n'),
  };
}

/**
 * Escalation to every senior reviewer (and the holder): the deadline passed without a
 * decision. Written in the recipient's words.
 */
export function breachMail(
  to: string,
  notice: SlaNotice,
  words: Words,
  zone: string,
): ComposedMail {
  const { reference, url } = notice;
  const due = dueTime(notice.dueAt, zone, words);
  return {
    kind: 'sla.breached',
    to,
    subject: words.t('notifications.breached.subject', { reference, due }),
    text: [
      words.t('notifications.breached.body', { reference, due }),
      notice.assigneeName
        ? words.t('notifications.breached.holder', { name: notice.assigneeName })
        : words.t('notifications.breached.nobodyHoldsIt'),
      words.t('notifications.breached.seniorAsked'),
      words.t('notifications.staff.openIt', { url }),
    ].join('\n\n'),
  };
}
