import type { Words } from '../../../shared/i18n/translator.js';
import type { QueueRowView } from '../../application/queries/queue/queue.query.js';

/** A queue row as the page prints it: its labels in the reader's words. */
export interface PresentedQueueRow {
  id: string;
  reference: string;
  subjectName: string;
  credentialNumber: string;
  filingNumber: string;
  subjectType: string;
  province: string;
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  /** The reply deadline while waiting for the applicant. */
  expiresAt: Date | null;
  slaTone: string | null;
  slaLabel: string;
  slaTimeLeft: string;
  flags: { label: string; blocking: boolean }[];
  holder: string | null;
  held: boolean;
  claimable: boolean;
}

/**
 * The queue's rows with every label written out in one locale. Fifty rows of half a dozen
 * labels each are the page's bulk: written here in one pass, the template prints them as
 * plain fields instead of calling the translator helper three hundred times a page. (Each
 * row is a fresh literal of fixed shape: spreading the query's row and adding fields made
 * objects V8 handles slowly, and doubled the page's garbage collection.)
 */
export function presentQueueRows(rows: readonly QueueRowView[], words: Words): PresentedQueueRow[] {
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    subjectName: row.subjectName,
    credentialNumber: row.credentialNumber,
    filingNumber: row.filingNumber,
    subjectType: words.text(row.subjectTypeLabel),
    province: words.text(row.provinceLabel),
    status: words.text(row.statusLabel),
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    expiresAt: row.expiresAt,
    slaTone: row.sla ? row.sla.tone : null,
    slaLabel: row.sla ? words.text(row.sla.label) : '',
    slaTimeLeft: row.sla ? words.text(row.sla.timeLeft) : '',
    flags: row.flags.map((flag) => ({ label: words.text(flag.label), blocking: flag.blocking })),
    holder: row.holder,
    held: row.held,
    claimable: row.claimable,
  }));
}
