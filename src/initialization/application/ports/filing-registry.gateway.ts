import type { EventContext } from '../../../shared/application/domain-events.js';
import type { SubjectType } from '../../domain/subject-type.js';

/** What the initialization context needs to know of a registry subject. */
export interface RegisteredSubject {
  id: string;
  type: SubjectType;
  name: string;
  credentialNumber: string;
  province: string;
  filingNumber: string;
  accountEmail: string | null;
  aliyunAccountId: string | null;
  accountEmailChangedAt: Date | null;
  /** The subject's websites and apps, by filing number. */
  websites: { filingNumber: string; domain: string }[];
}

/** The filing registry, as seen from review: look-ups, and the effect of an approval. */
export interface FilingRegistryGateway {
  /**
   * In one look-up: the subject holding an application's filing number, and the
   * subject its Alibaba Cloud account is bound to (each null when there is none).
   */
  findSubjectAndAccountHolder(
    subjectFilingNumber: string,
    aliyunAccountId: string,
  ): Promise<{ subject: RegisteredSubject | null; accountHolder: RegisteredSubject | null }>;
  /** Inside the current unit of work: the new email replaces the old (kept in history), the account is bound. */
  replaceAccountEmail(
    change: { subjectId: string; newEmail: string; aliyunAccountId: string; requestId: string },
    context: EventContext,
  ): Promise<void>;
}
export const FILING_REGISTRY_GATEWAY = Symbol('FilingRegistryGateway');
