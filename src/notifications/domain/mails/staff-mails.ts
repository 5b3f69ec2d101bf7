import type { RequestStatus } from '../../../initialization/contracts/vocabulary.js';
import type { Words } from '../../../shared/i18n/translator.js';
import type { ComposedMail } from '../outbox-message.js';
import { dueTime, mailLink } from './letter.js';

/** An undecided request that crossed an SLA line, as a staff notice reads it. */
export interface SlaNotice {
  reference: string;
  dueAt: Date;
  assigneeName: string | null;
  /** Link to the request in the portal: absolute (PUBLIC_BASE_URL and the path). */
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
      openIt(words, url),
    ].join('\n\n'),
  };
}

/** "Open it: https://desk.example.com/requests/…": the link must be absolute. */
export function openIt(words: Words, url: string): string {
  return words.t('notifications.staff.openIt', { url: mailLink(url) });
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
      openIt(words, url),
    ].join('\n\n'),
  };
}

/** The requests a deactivated account held, as the notice to the seniors lists them. */
export interface HeldWorkNotice {
  /** The deactivated account's name. */
  holderName: string;
  /** Each request, the state it kept, and its absolute link. */
  requests: readonly { reference: string; status: RequestStatus; url: string }[];
  /** They were reassigned to the recipient (else released: nobody holds them). */
  yours: boolean;
}

/**
 * To the senior reviewers when a deactivation released the requests the account held
 * (or to the senior they were reassigned to): which ones, each in the state it kept,
 * with its link. Written in the recipient's words.
 */
export function heldWorkReturnedMail(
  to: string,
  notice: HeldWorkNotice,
  words: Words,
): ComposedMail {
  const params = { name: notice.holderName, count: notice.requests.length };
  return {
    kind: 'staff.held_work_returned',
    to,
    subject: notice.yours
      ? words.t('notifications.heldWork.subjectYours', params)
      : words.t('notifications.heldWork.subjectReleased', params),
    text: [
      notice.yours
        ? words.t('notifications.heldWork.bodyYours', params)
        : words.t('notifications.heldWork.bodyReleased', params),
      notice.requests
        .map((request) =>
          words.t('notifications.heldWork.request', {
            reference: request.reference,
            status: words.t(`request.status.${request.status}`),
            url: mailLink(request.url),
          }),
        )
        .join('\n'),
      notice.yours
        ? words.t('notifications.heldWork.yoursAsked')
        : words.t('notifications.heldWork.seniorAsked'),
    ].join('\n\n'),
  };
}
