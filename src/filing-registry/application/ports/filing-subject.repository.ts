import type { AccountEmailHistoryEntry } from '../../domain/account-email-history.js';
import type { FilingSubject } from '../../domain/filing-subject.js';

/**
 * Filing subjects with their websites. Reads and writes join the current unit
 * of work; outside one, `save`/`saveAll` open their own.
 */
export interface FilingSubjectRepository {
  findById(id: string): Promise<FilingSubject | null>;
  /** Locks the subject's row (SELECT … FOR UPDATE) until the unit of work ends. */
  findByIdForUpdate(id: string): Promise<FilingSubject | null>;
  /** By the subject's own number, `浙ICP备12345678号`. */
  findByFilingNumber(subjectFilingNumber: string): Promise<FilingSubject | null>;
  /** Keyed by the subject's filing number; numbers not in the registry are absent. */
  findByFilingNumbers(subjectFilingNumbers: string[]): Promise<Map<string, FilingSubject>>;
  findByAliyunAccountId(aliyunAccountId: string): Promise<FilingSubject | null>;
  /** In one statement: the subject with this number and the one bound to this account (0–2 subjects; null matches nothing). */
  findByFilingNumberOrAliyunAccountId(
    subjectFilingNumber: string | null,
    aliyunAccountId: string | null,
  ): Promise<FilingSubject[]>;
  /** Which subject (its filing number) holds each of these accounts; free accounts are absent. */
  findAccountHolders(aliyunAccountIds: string[]): Promise<Map<string, string>>;
  /**
   * Writes what changed (a new subject, its fields, websites, history entries),
   * checking the version it was loaded at. Throws FilingNumberTakenError,
   * AccountHoldsOtherSubjectError or FilingSubjectChangedConcurrentlyError; a
   * refused save leaves the surrounding transaction usable.
   */
  save(subject: FilingSubject): Promise<void>;
  /** `save` for many subjects, with batched inserts (the legacy import). */
  saveAll(subjects: FilingSubject[]): Promise<void>;
  /** The subject's past account emails, newest first. */
  historyOf(subjectId: string): Promise<AccountEmailHistoryEntry[]>;
}
export const FILING_SUBJECT_REPOSITORY = Symbol('FilingSubjectRepository');
