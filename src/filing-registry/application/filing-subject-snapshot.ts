import type { FilingSubject } from '../domain/filing-subject.js';
import type { SubjectType } from '../domain/subject-type.js';

/** A filing subject as other contexts see it: plain data, no behaviour. */
export interface FilingSubjectSnapshot {
  id: string;
  type: SubjectType;
  name: string;
  /** Resident ID, unified social credit code, or (HiChina era) organization code / registration number. */
  credentialNumber: string;
  /** One-character prefix, e.g. 浙. */
  province: string;
  /** The subject's own number, `浙ICP备12345678号`. */
  filingNumber: string;
  accountEmail: string;
  aliyunAccountId: string | null;
  /** When the desk last replaced the account email; null if it never has. */
  accountEmailChangedAt: Date | null;
  /** Ordered by filing number. */
  websites: { filingNumber: string; domain: string }[];
}

export function toSnapshot(subject: FilingSubject): FilingSubjectSnapshot {
  return {
    id: subject.id,
    type: subject.type,
    name: subject.name,
    credentialNumber: subject.credentialNumber,
    province: subject.province,
    filingNumber: subject.filingNumber,
    accountEmail: subject.accountEmail,
    aliyunAccountId: subject.aliyunAccountId,
    accountEmailChangedAt: subject.accountEmailChangedAt,
    websites: [...subject.websites]
      .sort((a, b) => compareFilingNumbers(a.filingNumber, b.filingNumber))
      .map((site) => ({ filingNumber: site.filingNumber, domain: site.domain })),
  };
}

/** `…号-2` before `…号-10`. */
function compareFilingNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
