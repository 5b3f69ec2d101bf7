import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { EntityColumns } from '../../../shared/infrastructure/database/entity-columns.js';
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
  private loading?: SubjectLoading;

  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  private get manager(): EntityManager {
    return this.unitOfWork.manager();
  }

  async findById(id: string): Promise<FilingSubject | null> {
    // A malformed id would be a failed statement, which spoils a caller's transaction.
    if (!UUID.test(id)) return null;
    return (await this.load('byId', [id]))[0] ?? null;
  }

  async findByIdForUpdate(id: string): Promise<FilingSubject | null> {
    if (!UUID.test(id)) return null;
    return (await this.load('byIdForUpdate', [id]))[0] ?? null;
  }

  async findByFilingNumber(subjectFilingNumber: string): Promise<FilingSubject | null> {
    return (await this.load('byFilingNumber', [subjectFilingNumber]))[0] ?? null;
  }

  async findByFilingNumbers(subjectFilingNumbers: string[]): Promise<Map<string, FilingSubject>> {
    if (subjectFilingNumbers.length === 0) return new Map();
    const subjects = await this.load('byFilingNumbers', [subjectFilingNumbers]);
    return new Map(subjects.map((subject) => [subject.filingNumber, subject]));
  }

  async findByAliyunAccountId(aliyunAccountId: string): Promise<FilingSubject | null> {
    return (await this.load('byAliyunAccountId', [aliyunAccountId]))[0] ?? null;
  }

  async findByFilingNumberOrAliyunAccountId(
    subjectFilingNumber: string | null,
    aliyunAccountId: string | null,
  ): Promise<FilingSubject[]> {
    return this.load('byFilingNumberOrAliyunAccountId', [subjectFilingNumber, aliyunAccountId]);
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
  private async load(
    statement: Exclude<keyof SubjectLoading, 'toDomain'>,
    parameters: unknown[],
  ): Promise<FilingSubject[]> {
    const manager = this.manager;
    this.loading ??= new SubjectLoading(manager);
    const rows: Record<string, unknown>[] = await manager.query(
      this.loading[statement],
      parameters,
    );
    return this.loading.toDomain(rows);
  }
}

/** The statements that load subjects with their websites in one join, their text built once. */
class SubjectLoading {
  readonly byId: string;
  readonly byIdForUpdate: string;
  readonly byFilingNumber: string;
  readonly byFilingNumbers: string;
  readonly byAliyunAccountId: string;
  readonly byFilingNumberOrAliyunAccountId: string;
  private readonly subject: EntityColumns<FilingSubjectEntity>;
  private readonly website: EntityColumns<FilingWebsiteEntity>;

  constructor(manager: EntityManager) {
    this.subject = new EntityColumns(manager, FilingSubjectEntity, 's');
    this.website = new EntityColumns(manager, FilingWebsiteEntity, 'w');
    const select = (where: string, lock = '') =>
      `SELECT ${this.subject.selectList}, ${this.website.selectList}
         FROM filing_subjects s LEFT JOIN filing_websites w ON w.subject_id = s.id
        WHERE ${where}
        ORDER BY s.id, w.created_at, w.filing_number${lock}`;
    this.byId = select('s.id = $1');
    this.byIdForUpdate = select('s.id = $1', ' FOR UPDATE OF s');
    this.byFilingNumber = select('s.filing_number = $1');
    this.byFilingNumbers = select('s.filing_number = ANY($1)');
    this.byAliyunAccountId = select('s.aliyun_account_id = $1');
    this.byFilingNumberOrAliyunAccountId = select(
      's.filing_number = $1 OR s.aliyun_account_id = $2',
    );
  }

  /** Rows of the same subject are adjacent (ordered by its id). */
  toDomain(rows: Record<string, unknown>[]): FilingSubject[] {
    const subjects: FilingSubject[] = [];
    let current: { row: FilingSubjectEntity; websites: FilingWebsiteEntity[] } | null = null;
    for (const row of rows) {
      const subject = this.subject.read(row)!;
      if (current?.row.id !== subject.id) {
        if (current) subjects.push(FilingSubjectMapper.toDomain(current.row, current.websites));
        current = { row: subject, websites: [] };
      }
      const website = this.website.read(row);
      if (website) current.websites.push(website);
    }
    if (current) subjects.push(FilingSubjectMapper.toDomain(current.row, current.websites));
    return subjects;
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
