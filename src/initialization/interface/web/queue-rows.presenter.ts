import type { Words } from '../../../shared/i18n/translator.js';
import type { QueueRowView } from '../../application/queries/queue/queue.query.js';

/** A queue row with its labels in the reader's words. */
export interface PresentedQueueRow extends Omit<QueueRowView, 'flags'> {
  subjectType: string;
  province: string;
  status: string;
  slaLabel: string;
  slaTimeLeft: string;
  flags: { label: string; blocking: boolean }[];
}

/**
 * The queue's rows with every label written out in one locale. Fifty rows of half a dozen
 * labels each are the page's bulk: written here in one pass, the template prints them as
 * plain fields instead of calling the translator helper three hundred times a page.
 */
export function presentQueueRows(rows: readonly QueueRowView[], words: Words): PresentedQueueRow[] {
  return rows.map((row) => ({
    ...row,
    subjectType: words.text(row.subjectTypeLabel),
    province: words.text(row.provinceLabel),
    status: words.text(row.statusLabel),
    slaLabel: row.sla ? words.text(row.sla.label) : '',
    slaTimeLeft: row.sla ? words.text(row.sla.timeLeft) : '',
    flags: row.flags.map((flag) => ({ label: words.text(flag.label), blocking: flag.blocking })),
  }));
}
