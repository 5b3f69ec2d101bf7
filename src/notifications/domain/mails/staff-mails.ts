import { DateTime } from 'luxon';
import type { ComposedMail } from '../outbox-message.js';

/** An undecided request that crossed an SLA line, as a staff notice reads it. */
export interface SlaNotice {
  reference: string;
  dueAt: Date;
  assigneeName: string | null;
  /** Link to the request in the portal. */
  url: string;
}

const due = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm 'Beijing time'");

/** To the reviewer holding it (or the seniors when nobody does): four business hours or fewer are left. */
export function atRiskMail(to: string, notice: SlaNotice, zone: string): ComposedMail {
  const holder = notice.assigneeName
    ? `You hold it.`
    : 'Nobody holds it yet: please make sure somebody claims it.';
  return {
    kind: 'sla.at_risk',
    to,
    subject: `${notice.reference} is at risk: due ${due(notice.dueAt, zone)}`,
    text: [
      `Initialization request ${notice.reference} has four business hours or fewer left before its deadline, ${due(notice.dueAt, zone)}.`,
      holder,
      `Open it: ${notice.url}`,
    ].join('\n\n'),
  };
}

/** Escalation to every senior reviewer (and the holder): the deadline passed without a decision. */
export function breachMail(to: string, notice: SlaNotice, zone: string): ComposedMail {
  return {
    kind: 'sla.breached',
    to,
    subject: `${notice.reference} breached its deadline (${due(notice.dueAt, zone)})`,
    text: [
      `Initialization request ${notice.reference} was due ${due(notice.dueAt, zone)} and is still undecided.`,
      notice.assigneeName ? `${notice.assigneeName} holds it.` : 'Nobody holds it.',
      'As a senior reviewer you are asked to see that it is decided or reassigned.',
      `Open it: ${notice.url}`,
    ].join('\n\n'),
  };
}
