import { Injectable } from '@nestjs/common';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
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

/** A subject row as `withWebsites` loads it. */
type LoadedSubjectRow = FilingSubjectEntity & { websites: FilingWebsiteEntity[] };

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
    return this.loadOne(this.withWebsites().where('subject.id = :id', { id }));
  }

  async findByIdForUpdate(id: string): Promise<FilingSubject | null> {
    if (!UUID.test(id)) return null;
    return this.loadOne(
      this.withWebsites()
        .where('subject.id = :id', { id })
        .setLock('pessimistic_write', undefined, ['subject']),
    );
  }

  async findByFilingNumber(subjectFilingNumber: string): Promise<FilingSubject | null> {
    return this.loadOne(
      this.withWebsites().where('subject.filingNumber = :subjectFilingNumber', {
        subjectFilingNumber,
      }),
    );
  }

  async findByFilingNumbers(subjectFilingNumbers: string[]): Promise<Map<string, FilingSubject>> {
    if (subjectFilingNumbers.length === 0) return new Map();
    const rows = (await this.withWebsites()
      .where('subject.filingNumber IN (:...subjectFilingNumbers)', { subjectFilingNumbers })
      .getMany()) as LoadedSubjectRow[];
    return new Map(
      rows.map((row) => [row.filingNumber, FilingSubjectMapper.toDomain(row, row.websites)]),
    );
  }

  async findByAliyunAccountId(aliyunAccountId: string): Promise<FilingSubject | null> {
    return this.loadOne(
      this.withWebsites().where('subject.aliyunAccountId = :aliyunAccountId', { aliyunAccountId }),
    );
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

  /** A subject with its websites, in one statement. */
  private withWebsites(): SelectQueryBuilder<FilingSubjectEntity> {
    return this.manager
      .createQueryBuilder(FilingSubjectEntity, 'subject')
      .leftJoinAndMapMany(
        'subject.websites',
        FilingWebsiteEntity,
        'website',
        'website.subjectId = subject.id',
      )
      .addOrderBy('website.createdAt')
      .addOrderBy('website.filingNumber');
  }

  private async loadOne(
    query: SelectQueryBuilder<FilingSubjectEntity>,
  ): Promise<FilingSubject | null> {
    const row = (await query.getOne()) as LoadedSubjectRow | null;
    return row ? FilingSubjectMapper.toDomain(row, row.websites) : null;
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
