import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import { isUniqueViolation } from '../../../shared/infrastructure/database/postgres-errors.js';
import type { FilingSubjectRepository } from '../../application/ports/filing-subject.repository.js';
import type { AccountEmailHistoryEntry } from '../../domain/account-email-history.js';
import type { FilingSubject } from '../../domain/filing-subject.js';
import {
  AccountHoldsOtherSubjectError,
  FilingNumberTakenError,
  FilingSubjectChangedConcurrentlyError,
} from '../../domain/filing-subject.errors.js';
import { FilingSubjectEmailHistoryEntity } from './filing-subject-email-history.entity.js';
import { FilingSubjectEntity } from './filing-subject.entity.js';
import { FilingSubjectMapper } from './filing-subject.mapper.js';
import { FilingWebsiteEntity } from './filing-website.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows per multi-row INSERT (PostgreSQL allows 65,535 parameters per statement). */
const INSERT_CHUNK = 1000;

@Injectable()
export class TypeormFilingSubjectRepository implements FilingSubjectRepository {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  private get manager(): EntityManager {
    return this.unitOfWork.manager();
  }

  async findById(id: string): Promise<FilingSubject | null> {
    // A malformed id would be a failed statement, which spoils a caller's transaction.
    if (!UUID.test(id)) return null;
    return this.loadOne(await this.manager.findOneBy(FilingSubjectEntity, { id }));
  }

  async findByIdForUpdate(id: string): Promise<FilingSubject | null> {
    if (!UUID.test(id)) return null;
    const row = await this.manager
      .createQueryBuilder(FilingSubjectEntity, 'subject')
      .setLock('pessimistic_write')
      .where('subject.id = :id', { id })
      .getOne();
    return this.loadOne(row);
  }

  async findByFilingNumber(subjectFilingNumber: string): Promise<FilingSubject | null> {
    return this.loadOne(
      await this.manager.findOneBy(FilingSubjectEntity, { filingNumber: subjectFilingNumber }),
    );
  }

  async findByFilingNumbers(subjectFilingNumbers: string[]): Promise<Map<string, FilingSubject>> {
    if (subjectFilingNumbers.length === 0) return new Map();
    const rows = await this.manager.findBy(FilingSubjectEntity, {
      filingNumber: In(subjectFilingNumbers),
    });
    const subjects = await this.loadMany(rows);
    return new Map(subjects.map((subject) => [subject.filingNumber, subject]));
  }

  async findByAliyunAccountId(aliyunAccountId: string): Promise<FilingSubject | null> {
    return this.loadOne(await this.manager.findOneBy(FilingSubjectEntity, { aliyunAccountId }));
  }

  async findAccountHolders(aliyunAccountIds: string[]): Promise<Map<string, string>> {
    if (aliyunAccountIds.length === 0) return new Map();
    const rows = await this.manager.find(FilingSubjectEntity, {
      select: { aliyunAccountId: true, filingNumber: true },
      where: { aliyunAccountId: In(aliyunAccountIds) },
    });
    return new Map(rows.map((row) => [row.aliyunAccountId!, row.filingNumber]));
  }

  async historyOf(subjectId: string): Promise<AccountEmailHistoryEntry[]> {
    if (!UUID.test(subjectId)) return [];
    const rows = await this.manager.find(FilingSubjectEmailHistoryEntity, {
      where: { subjectId },
      order: { validTo: 'DESC', id: 'DESC' },
    });
    return rows.map((row) => FilingSubjectMapper.historyToDomain(row));
  }

  async save(subject: FilingSubject): Promise<void> {
    await this.saveAll([subject]);
  }

  async saveAll(subjects: FilingSubject[]): Promise<void> {
    const changed = subjects.filter((subject) => subject.hasPendingChanges());
    if (changed.length === 0) return;
    await this.unitOfWork.run(() =>
      this.withinSavepoint(async (manager) => {
        await this.write(manager, changed);
      }),
    );
    for (const subject of changed) subject.markSaved();
  }

  private async write(manager: EntityManager, subjects: FilingSubject[]): Promise<void> {
    const inserts = subjects.filter((subject) => subject.pendingChanges().isNew);
    for (const chunk of chunks(inserts, INSERT_CHUNK)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(FilingSubjectEntity)
        .values(chunk.map((subject) => FilingSubjectMapper.toEntity(subject)))
        .execute();
    }
    for (const subject of subjects) {
      if (subject.pendingChanges().isNew) continue;
      const row = FilingSubjectMapper.toEntity(subject);
      const result = await manager
        .createQueryBuilder()
        .update(FilingSubjectEntity)
        .set({
          type: row.type,
          name: row.name,
          credentialNumber: row.credentialNumber,
          province: row.province,
          accountEmail: row.accountEmail,
          aliyunAccountId: row.aliyunAccountId,
          accountEmailChangedAt: row.accountEmailChangedAt,
          version: row.version,
          updatedAt: row.updatedAt,
        })
        .where('id = :id AND version = :version', { id: subject.id, version: subject.version })
        .execute();
      if (result.affected !== 1)
        throw new FilingSubjectChangedConcurrentlyError(subject.filingNumber);
    }

    const websites = subjects.flatMap((subject) =>
      subject
        .pendingChanges()
        .addedWebsites.map((site) => FilingSubjectMapper.toWebsiteEntity(subject, site)),
    );
    for (const chunk of chunks(websites, INSERT_CHUNK)) {
      await manager.createQueryBuilder().insert().into(FilingWebsiteEntity).values(chunk).execute();
    }
    for (const subject of subjects) {
      for (const site of subject.pendingChanges().changedWebsites) {
        await manager.update(
          FilingWebsiteEntity,
          { subjectId: subject.id, filingNumber: site.filingNumber },
          { domain: site.domain, updatedAt: subject.toProps().updatedAt },
        );
      }
    }

    const history = subjects.flatMap((subject) =>
      subject
        .pendingChanges()
        .history.map((entry) => FilingSubjectMapper.toHistoryEntity(subject.id, entry)),
    );
    for (const chunk of chunks(history, INSERT_CHUNK)) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(FilingSubjectEmailHistoryEntity)
        .values(chunk)
        .execute();
    }
  }

  /**
   * Runs the writes under a savepoint: a refused write (a unique index) is
   * rolled back on its own and turned into a domain error, and the caller's
   * transaction carries on as if it had not been tried.
   */
  private async withinSavepoint(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    const manager = this.manager;
    await manager.query('SAVEPOINT filing_subject_save');
    try {
      await work(manager);
      await manager.query('RELEASE SAVEPOINT filing_subject_save');
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT filing_subject_save');
      throw translate(error);
    }
  }

  private async loadOne(row: FilingSubjectEntity | null): Promise<FilingSubject | null> {
    if (!row) return null;
    const [subject] = await this.loadMany([row]);
    return subject ?? null;
  }

  private async loadMany(rows: FilingSubjectEntity[]): Promise<FilingSubject[]> {
    if (rows.length === 0) return [];
    const websites = await this.manager.find(FilingWebsiteEntity, {
      where: { subjectId: In(rows.map((row) => row.id)) },
    });
    const bySubject = new Map<string, FilingWebsiteEntity[]>();
    for (const site of websites) {
      const list = bySubject.get(site.subjectId) ?? [];
      list.push(site);
      bySubject.set(site.subjectId, list);
    }
    return rows.map((row) => FilingSubjectMapper.toDomain(row, bySubject.get(row.id) ?? []));
  }
}

/** Maps a unique violation to the rule it enforces, naming the value from the error's detail. */
function translate(error: unknown): unknown {
  const value = (): string => {
    const detail = (error as { driverError?: { detail?: string } }).driverError?.detail ?? '';
    return /=\((.*)\) already exists/.exec(detail)?.[1] ?? 'given';
  };
  if (isUniqueViolation(error, 'filing_subjects_aliyun_account_id_key')) {
    return new AccountHoldsOtherSubjectError(value());
  }
  if (
    isUniqueViolation(error, 'filing_subjects_filing_number_key') ||
    isUniqueViolation(error, 'filing_websites_filing_number_key')
  ) {
    return new FilingNumberTakenError(value());
  }
  return error;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    result.push(items.slice(index, index + size));
  }
  return result;
}
