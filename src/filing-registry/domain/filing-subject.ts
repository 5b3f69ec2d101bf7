import type { AccountEmailHistoryEntry } from './account-email-history.js';
import { InvalidSubjectDetailsError } from './filing-subject.errors.js';
import {
  checkAccountEmail,
  checkAliyunAccountId,
  checkWebsite,
  type SubjectDetails,
} from './subject-details.js';
import type { SubjectType } from './subject-type.js';

export interface FilingWebsite {
  /** `浙ICP备12345678号-1`. */
  filingNumber: string;
  domain: string;
}

export interface FilingSubjectProps {
  id: string;
  type: SubjectType;
  name: string;
  credentialNumber: string;
  /** The one-character prefix of the filing number, e.g. 浙. */
  province: string;
  /** The subject's own number, `浙ICP备12345678号`. */
  filingNumber: string;
  accountEmail: string;
  aliyunAccountId: string | null;
  /** When the desk last replaced the account email; null if it never has. */
  accountEmailChangedAt: Date | null;
  websites: FilingWebsite[];
  /** Bumped on every save that changes the subject; 0 until first saved. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What changed since the subject was loaded, for the repository to write. */
export interface FilingSubjectChanges {
  isNew: boolean;
  subjectChanged: boolean;
  addedWebsites: FilingWebsite[];
  changedWebsites: FilingWebsite[];
  history: AccountEmailHistoryEntry[];
}

export type RecordOutcome = 'created' | 'updated' | 'unchanged';

/**
 * The owner of an ICP filing (a company or an individual), its websites, and
 * the ICP Filing account that manages them: the account email and the one
 * Alibaba Cloud account it is bound to.
 */
export class FilingSubject {
  private changes: FilingSubjectChanges;

  private constructor(private props: FilingSubjectProps) {
    this.changes = FilingSubject.noChanges(props.version === 0);
  }

  static register(input: { id: string; details: SubjectDetails; now: Date }): FilingSubject {
    const { details, now } = input;
    return new FilingSubject({
      id: input.id,
      type: details.type,
      name: details.name,
      credentialNumber: details.credentialNumber,
      province: details.province,
      filingNumber: details.filingNumber,
      accountEmail: details.accountEmail,
      aliyunAccountId: details.aliyunAccountId,
      accountEmailChangedAt: null,
      websites: [],
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
  }

  static restore(props: FilingSubjectProps): FilingSubject {
    return new FilingSubject({ ...props, websites: props.websites.map((site) => ({ ...site })) });
  }

  get id(): string {
    return this.props.id;
  }
  get type(): SubjectType {
    return this.props.type;
  }
  get name(): string {
    return this.props.name;
  }
  get credentialNumber(): string {
    return this.props.credentialNumber;
  }
  get province(): string {
    return this.props.province;
  }
  get filingNumber(): string {
    return this.props.filingNumber;
  }
  get accountEmail(): string {
    return this.props.accountEmail;
  }
  get aliyunAccountId(): string | null {
    return this.props.aliyunAccountId;
  }
  get accountEmailChangedAt(): Date | null {
    return this.props.accountEmailChangedAt;
  }
  get websites(): readonly FilingWebsite[] {
    return this.props.websites.map((site) => ({ ...site }));
  }
  get version(): number {
    return this.props.version;
  }

  /**
   * Adds a website under this subject, or corrects its domain. The number must
   * be this subject's with a `-n` suffix.
   */
  recordWebsite(input: { filingNumber: string; domain: string }, now: Date): RecordOutcome {
    const checked = checkWebsite(this.props.filingNumber, input);
    if (!checked.ok) throw new InvalidSubjectDetailsError(checked.problems);
    const existing = this.props.websites.find((site) => site.filingNumber === checked.filingNumber);
    if (!existing) {
      const site = { filingNumber: checked.filingNumber, domain: checked.domain };
      this.props.websites.push(site);
      this.changes.addedWebsites.push(site);
      this.touch(now);
      return 'created';
    }
    if (existing.domain === checked.domain) return 'unchanged';
    existing.domain = checked.domain;
    if (!this.changes.addedWebsites.includes(existing)) this.changes.changedWebsites.push(existing);
    this.touch(now);
    return 'updated';
  }

  /**
   * Approving an initialization request: the current email moves into the
   * history (with the account it was bound to and the request that replaced
   * it), the new email takes its place, and the subject is bound to the
   * applicant's Alibaba Cloud account. Whether that account already holds
   * another subject is the registry's to check (one account, one subject).
   */
  replaceAccountEmail(input: {
    newEmail: string;
    aliyunAccountId: string;
    requestId: string;
    now: Date;
  }): { previousEmail: string; previousAliyunAccountId: string | null } {
    const email = checkAccountEmail(input.newEmail);
    const account = checkAliyunAccountId(input.aliyunAccountId, { optional: false });
    const problems = [
      ...(email.ok ? [] : [{ field: 'accountEmail' as const, reason: email.reason }]),
      ...(account.ok ? [] : [{ field: 'aliyunAccountId' as const, reason: account.reason }]),
    ];
    if (!email.ok || !account.ok || account.value === null) {
      throw new InvalidSubjectDetailsError(problems);
    }
    const previous = {
      previousEmail: this.props.accountEmail,
      previousAliyunAccountId: this.props.aliyunAccountId,
    };
    this.changes.history.push({
      email: this.props.accountEmail,
      aliyunAccountId: this.props.aliyunAccountId,
      from: this.props.accountEmailChangedAt,
      to: input.now,
      replacedByRequestId: input.requestId,
      source: 'REQUEST',
    });
    this.props.accountEmail = email.value;
    this.props.aliyunAccountId = account.value;
    this.props.accountEmailChangedAt = input.now;
    this.changes.subjectChanged = true;
    this.touch(input.now);
    return previous;
  }

  /**
   * Brings the subject in line with a record of the legacy HiChina registry.
   * Once the desk has replaced the account email, the desk's record is newer
   * than any legacy export: the email and the account binding are left alone.
   * Before that, a different email in the export is a correction, kept in the
   * history as such; an empty account id never unbinds an account.
   */
  applyLegacyRecord(details: SubjectDetails, now: Date): RecordOutcome {
    if (details.filingNumber !== this.props.filingNumber) {
      throw new Error(
        `legacy record ${details.filingNumber} applied to subject ${this.props.filingNumber}`,
      );
    }
    let changed = false;
    const set = <K extends 'type' | 'name' | 'credentialNumber' | 'province'>(
      key: K,
      value: FilingSubjectProps[K],
    ) => {
      if (this.props[key] !== value) {
        this.props[key] = value;
        changed = true;
      }
    };
    set('type', details.type);
    set('name', details.name);
    set('credentialNumber', details.credentialNumber);
    set('province', details.province);
    if (!this.emailReplacedByDesk) {
      if (details.accountEmail !== this.props.accountEmail) {
        this.changes.history.push({
          email: this.props.accountEmail,
          aliyunAccountId: this.props.aliyunAccountId,
          from: null,
          to: now,
          replacedByRequestId: null,
          source: 'LEGACY_IMPORT',
        });
        this.props.accountEmail = details.accountEmail;
        changed = true;
      }
      if (
        details.aliyunAccountId !== null &&
        details.aliyunAccountId !== this.props.aliyunAccountId
      ) {
        this.props.aliyunAccountId = details.aliyunAccountId;
        changed = true;
      }
    }
    if (!changed) return 'unchanged';
    this.changes.subjectChanged = true;
    this.touch(now);
    return 'updated';
  }

  /** True once the desk has replaced the account email (the legacy record is then out of date). */
  get emailReplacedByDesk(): boolean {
    return this.props.accountEmailChangedAt !== null;
  }

  /** Whether the account id from a legacy record would be bound by `applyLegacyRecord`. */
  wouldBindFromLegacyRecord(aliyunAccountId: string | null): boolean {
    return (
      aliyunAccountId !== null &&
      !this.emailReplacedByDesk &&
      aliyunAccountId !== this.props.aliyunAccountId
    );
  }

  pendingChanges(): Readonly<FilingSubjectChanges> {
    return this.changes;
  }

  hasPendingChanges(): boolean {
    const changes = this.changes;
    return (
      changes.isNew ||
      changes.subjectChanged ||
      changes.addedWebsites.length > 0 ||
      changes.changedWebsites.length > 0 ||
      changes.history.length > 0
    );
  }

  /** Called by the repository once the changes are written. */
  markSaved(): void {
    if (this.hasPendingChanges()) this.props.version += 1;
    this.changes = FilingSubject.noChanges(false);
  }

  toProps(): Readonly<FilingSubjectProps> {
    return { ...this.props, websites: this.websites.slice() };
  }

  private touch(now: Date): void {
    this.props.updatedAt = now;
  }

  private static noChanges(isNew: boolean): FilingSubjectChanges {
    return {
      isNew,
      subjectChanged: false,
      addedWebsites: [],
      changedWebsites: [],
      history: [],
    };
  }
}
