import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { In, Not, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { isUniqueViolation } from '../../../shared/infrastructure/database/postgres-errors.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type { InitializationRequestRepository } from '../../application/ports/initialization-request.repository.js';
import type { InitializationRequest } from '../../domain/initialization-request.js';
import {
  RequestNotFoundError,
  StaleRequestError,
} from '../../domain/initialization-request.errors.js';
import { CLOCK_RUNNING_STATUSES, TERMINAL_STATUSES } from '../../domain/request-status.js';
import {
  DocumentCheckEntity,
  InitializationRequestEntity,
  RequestDocumentEntity,
} from './initialization-request.entity.js';
import { InitializationRequestMapper } from './initialization-request.mapper.js';

/** A request row as `withParts` loads it. */
type LoadedRequestRow = InitializationRequestEntity & {
  documents: RequestDocumentEntity[];
  checks: DocumentCheckEntity[];
};

@Injectable()
export class TypeormInitializationRequestRepository implements InitializationRequestRepository {
  constructor(
    private readonly unitOfWork: TypeormUnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get manager() {
    return this.unitOfWork.manager();
  }

  async nextReference(receivedAt: Date): Promise<string> {
    const rows: { n: string }[] = await this.manager.query(
      `SELECT nextval('initialization_request_reference_seq') AS n`,
    );
    const year = DateTime.fromJSDate(receivedAt, { zone: this.config.TZ_BUSINESS }).year;
    return `INIT-${year}-${rows[0]!.n.padStart(6, '0')}`;
  }

  async findById(id: string): Promise<InitializationRequest | null> {
    return this.loadOne(this.withParts().where('request.id = :id', { id }));
  }

  async getForUpdate(id: string): Promise<InitializationRequest> {
    const request = await this.loadOne(
      this.withParts()
        .where('request.id = :id', { id })
        .setLock('pessimistic_write', undefined, ['request']),
    );
    if (!request) throw new RequestNotFoundError(id);
    return request;
  }

  async findByExternalId(
    intakeClient: string,
    externalId: string,
  ): Promise<InitializationRequest | null> {
    return this.loadOne(
      this.withParts().where(
        'request.intakeClient = :intakeClient AND request.externalId = :externalId',
        { intakeClient, externalId },
      ),
    );
  }

  async insert(request: InitializationRequest): Promise<'inserted' | 'duplicate'> {
    const { row, documents, checks } = InitializationRequestMapper.toEntities(request);
    row.version = 1;
    try {
      // A savepoint, so a duplicate leaves the surrounding transaction usable.
      await this.manager.transaction(async (inner) => {
        await inner.getRepository(InitializationRequestEntity).insert(row);
        if (documents.length) await inner.getRepository(RequestDocumentEntity).insert(documents);
        if (checks.length) await inner.getRepository(DocumentCheckEntity).insert(checks);
      });
      return 'inserted';
    } catch (error) {
      if (isUniqueViolation(error, 'initialization_requests_external_id_key')) return 'duplicate';
      throw error;
    }
  }

  async save(request: InitializationRequest): Promise<void> {
    const { row, documents, checks } = InitializationRequestMapper.toEntities(request);
    const { id, version, ...changes } = row;
    const result = await this.manager
      .getRepository(InitializationRequestEntity)
      .update({ id, version }, { ...changes, version: version + 1 });
    if (result.affected !== 1) throw new StaleRequestError();
    if (documents.length)
      await this.manager.getRepository(RequestDocumentEntity).upsert(documents, ['id']);
    const checkRepository = this.manager.getRepository(DocumentCheckEntity);
    const kept = checks.map((check) => check.documentId);
    await checkRepository.delete(
      kept.length ? { requestId: id, documentId: Not(In(kept)) } : { requestId: id },
    );
    if (checks.length) await checkRepository.upsert(checks, ['documentId']);
  }

  async openRequestsForSubject(
    subjectFilingNumber: string,
    exceptId?: string,
  ): Promise<{ id: string; reference: string }[]> {
    return this.manager.query(
      `SELECT id, reference FROM initialization_requests
       WHERE subject_filing_number = $1 AND status <> ALL($2) AND ($3::uuid IS NULL OR id <> $3)
       ORDER BY received_at`,
      [subjectFilingNumber, TERMINAL_STATUSES, exceptId ?? null],
    );
  }

  async clockRunningSince(from: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM initialization_requests
       WHERE status = ANY($1) AND clock_started_at >= $2 ORDER BY clock_started_at`,
      [CLOCK_RUNNING_STATUSES, from],
    );
    return rows.map((row) => row.id);
  }

  async awaitingReplyUntilAfter(from: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM initialization_requests
       WHERE status = 'AWAITING_APPLICANT' AND expires_at >= $1 ORDER BY expires_at`,
      [from],
    );
    return rows.map((row) => row.id);
  }

  async hashesSeenWithOtherSubject(
    sha256: string[],
    subjectFilingNumber: string,
  ): Promise<boolean> {
    if (sha256.length === 0) return false;
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM request_documents d JOIN initialization_requests r ON r.id = d.request_id
       WHERE d.sha256 = ANY($1) AND r.subject_filing_number <> $2 LIMIT 1`,
      [sha256, subjectFilingNumber],
    );
    return rows.length > 0;
  }

  /**
   * The request with its documents and checks, in one statement: a check (one per
   * document) rides on its document's row, so the rows are the documents, not
   * documents × checks.
   */
  private withParts(): SelectQueryBuilder<InitializationRequestEntity> {
    return this.manager
      .getRepository(InitializationRequestEntity)
      .createQueryBuilder('request')
      .leftJoinAndMapMany(
        'request.documents',
        RequestDocumentEntity,
        'document',
        'document.requestId = request.id',
      )
      .leftJoinAndMapMany(
        'request.checks',
        DocumentCheckEntity,
        'check',
        'check.documentId = document.id AND check.requestId = request.id',
      );
  }

  private async loadOne(
    query: SelectQueryBuilder<InitializationRequestEntity>,
  ): Promise<InitializationRequest | null> {
    const row = (await query.getOne()) as LoadedRequestRow | null;
    return row ? InitializationRequestMapper.toDomain(row, row.documents, row.checks) : null;
  }
}
