/** How a past account email came to be replaced. */
export type AccountEmailChangeSource = 'REQUEST' | 'LEGACY_IMPORT';

/** A past account email of a subject, and the account it was bound to meanwhile. */
export interface AccountEmailHistoryEntry {
  email: string;
  aliyunAccountId: string | null;
  /** When it became the account email; null when that predates the desk (the HiChina era). */
  from: Date | null;
  /** When it was replaced. */
  to: Date;
  /** The initialization request whose approval replaced it (null for a legacy import correction). */
  replacedByRequestId: string | null;
  source: AccountEmailChangeSource;
}
