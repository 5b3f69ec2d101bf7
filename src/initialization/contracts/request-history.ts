import type { Message } from '../../shared/i18n/message.js';

/** One audit event of a request, already in words (still to render in the reader's language) with personal data masked. */
export interface HistoryEvent {
  seq: number;
  occurredAt: Date;
  /** The audit action (`request.approved`); several document views in a row are one entry. */
  action: string;
  actionLabel: Message;
  sentence: Message;
  details: { label: Message; value: string | Message }[];
}

/**
 * What the audit trail recorded about a request, for its timeline. This context owns the
 * port; the audit context implements it (`RequestHistoryForInitialization`) and the
 * composition root wires the two, so initialization does not depend on audit.
 */
export interface RequestHistory {
  /** The newest `limit` events, newest first; `more` when older ones exist. */
  eventsOf(requestId: string, limit: number): Promise<{ events: HistoryEvent[]; more: boolean }>;
}
export const REQUEST_HISTORY = Symbol('RequestHistory');
