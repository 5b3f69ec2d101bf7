import type { AccountEmailHistoryEntry } from '../../domain/account-email-history.js';
import { FilingSubject, type FilingWebsite } from '../../domain/filing-subject.js';
import type { SubjectType } from '../../domain/subject-type.js';
import { type FilingSubjectEmailHistoryEntity } from './filing-subject-email-history.entity.js';
import { FilingSubjectEntity } from './filing-subject.entity.js';
import { type FilingWebsiteEntity } from './filing-website.entity.js';

export const FilingSubjectMapper = {
  toDomain(row: FilingSubjectEntity, websites: FilingWebsiteEntity[]): FilingSubject {
    return FilingSubject.restore({
      id: row.id,
      type: row.type as SubjectType,
      name: row.name,
      credentialNumber: row.credentialNumber,
      province: row.province,
      filingNumber: row.filingNumber,
      accountEmail: row.accountEmail,
      aliyunAccountId: row.aliyunAccountId,
      accountEmailChangedAt: row.accountEmailChangedAt,
      websites: websites.map((site) => ({ filingNumber: site.filingNumber, domain: site.domain })),
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  },

  /** The row as it will be after this save (the version already bumped). */
  toEntity(subject: FilingSubject): FilingSubjectEntity {
    const props = subject.toProps();
    return Object.assign(new FilingSubjectEntity(), {
      id: props.id,
      type: props.type,
      name: props.name,
      credentialNumber: props.credentialNumber,
      province: props.province,
      filingNumber: props.filingNumber,
      accountEmail: props.accountEmail,
      aliyunAccountId: props.aliyunAccountId,
      accountEmailChangedAt: props.accountEmailChangedAt,
      version: props.version + 1,
      createdAt: props.createdAt,
      updatedAt: props.updatedAt,
    });
  },

  toWebsiteEntity(subject: FilingSubject, website: FilingWebsite): Partial<FilingWebsiteEntity> {
    const { updatedAt } = subject.toProps();
    return {
      subjectId: subject.id,
      filingNumber: website.filingNumber,
      domain: website.domain,
      createdAt: updatedAt,
      updatedAt,
    };
  },

  toHistoryEntity(
    subjectId: string,
    entry: AccountEmailHistoryEntry,
  ): Omit<FilingSubjectEmailHistoryEntity, 'id'> {
    return {
      subjectId,
      email: entry.email,
      aliyunAccountId: entry.aliyunAccountId,
      validFrom: entry.from,
      validTo: entry.to,
      replacedByRequestId: entry.replacedByRequestId,
      source: entry.source,
    };
  },

  historyToDomain(row: FilingSubjectEmailHistoryEntity): AccountEmailHistoryEntry {
    return {
      email: row.email,
      aliyunAccountId: row.aliyunAccountId,
      from: row.validFrom,
      to: row.validTo,
      replacedByRequestId: row.replacedByRequestId,
      source: row.source as AccountEmailHistoryEntry['source'],
    };
  },
};
