import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { In, Not, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { EntityColumns } from '../../../shared/infrastructure/database/entity-columns.js';
import { isUniqueViolation } from '../../../shared/infrastructure/database/postgres-errors.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type {
  HeldRequestSummary,
  InitializationRequestRepository,
} from '../../application/ports/initialization-request.repository.js';
import type { StoredRequestNote } from '../../application/ports/request-notes.js';
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

@Injectable()
export class TypeormInitializationRequestRepository implements InitializationRequestRepository {
  private loading?: RequestLoading;

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
    return this.load('byId', [id]);
  }

  async findWithNotes(
    id: string,
  ): Promise<{ request: InitializationRequest; notes: StoredRequestNote[] } | null> {
    this.loading ??= new RequestLoading(this.manager);
    const rows: Record<string, unknown>[] = await this.manager.query(this.loading.byIdWithNotes, [
      id,
    ]);
    const request = this.loading.toDomain(rows);
    if (!request) return null;
    return { request, notes: notesOf(rows[0]!.notes, request.id) };
  }

  async getForUpdate(id: string): Promise<InitializationRequest> {
    const request = await this.load('byIdForUpdate', [id]);
    if (!request) throw new RequestNotFoundError(id);
    return request;
  }

  async findByExternalId(
    intakeClient: string,
    externalId: string,
  ): Promise<InitializationRequest | null> {
    return this.load('byExternalId', [intakeClient, externalId]);
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

  async heldBy(staffId: string): Promise<HeldRequestSummary[]> {
    // The statuses as literals, so the planner reads initialization_requests_held_due_idx.
    const rows: {
      id: string;
      reference: string;
      status: HeldRequestSummary['status'];
      subject_name: string;
      due_at: Date | null;
      expires_at: Date | null;
    }[] = await this.manager.query(
      `SELECT id, reference, status, subject_name, due_at, expires_at FROM initialization_requests
       WHERE assignee_id = $1
         AND status IN ('IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'AWAITING_APPLICANT')
       ORDER BY due_at, id`,
      [staffId],
    );
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      status: row.status,
      subjectName: row.subject_name,
      dueAt: row.due_at,
      expiresAt: row.expires_at,
    }));
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

  private async load(
    statement: 'byId' | 'byIdForUpdate' | 'byExternalId',
    parameters: string[],
  ): Promise<InitializationRequest | null> {
    const manager = this.manager;
    this.loading ??= new RequestLoading(manager);
    const rows: Record<string, unknown>[] = await manager.query(
      this.loading[statement],
      parameters,
    );
    return this.loading.toDomain(rows);
  }
}

/**
 * The statements that load a request with its documents and checks in one join, their
 * text built once: a check (one per document) rides on its document's row, so the rows
 * are the documents, not documents × checks.
 */
class RequestLoading {
  readonly byId: string;
  readonly byIdWithNotes: string;
  readonly byIdForUpdate: string;
  readonly byExternalId: string;
  private readonly request: EntityColumns<InitializationRequestEntity>;
  private readonly document: EntityColumns<RequestDocumentEntity>;
  private readonly check: EntityColumns<DocumentCheckEntity>;

  constructor(manager: EntityManager) {
    this.request = new EntityColumns(manager, InitializationRequestEntity, 'r');
    this.document = new EntityColumns(manager, RequestDocumentEntity, 'd');
    this.check = new EntityColumns(manager, DocumentCheckEntity, 'c');
    const select = `SELECT ${this.request.selectList}, ${this.document.selectList}, ${this.check.selectList}
      FROM initialization_requests r
      LEFT JOIN request_documents d ON d.request_id = r.id
      LEFT JOIN document_checks c ON c.document_id = d.id AND c.request_id = r.id`;
    this.byId = `${select} WHERE r.id = $1`;
    // The notes ride along as one JSON text per row (the same on each), read from the first.
    this.byIdWithNotes = `SELECT ${this.request.selectList}, ${this.document.selectList}, ${this.check.selectList}, n.notes
      FROM initialization_requests r
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_object('id', note.id, 'authorId', note.author_id,
                 'authorName', note.author_name, 'authorRole', note.author_role,
                 'text', note.text, 'writtenAt', note.created_at)
               ORDER BY note.created_at, note.id)::text AS notes
          FROM request_notes note WHERE note.request_id = r.id) n ON true
      LEFT JOIN request_documents d ON d.request_id = r.id
      LEFT JOIN document_checks c ON c.document_id = d.id AND c.request_id = r.id
      WHERE r.id = $1`;
    this.byIdForUpdate = `${select} WHERE r.id = $1 FOR UPDATE OF r`;
    this.byExternalId = `${select} WHERE r.intake_client = $1 AND r.external_id = $2`;
  }

  toDomain(rows: Record<string, unknown>[]): InitializationRequest | null {
    const request = rows[0] && this.request.read(rows[0]);
    if (!request) return null;
    const documents: RequestDocumentEntity[] = [];
    const checks: DocumentCheckEntity[] = [];
    for (const row of rows) {
      const document = this.document.read(row);
      if (document) documents.push(document);
      const check = this.check.read(row);
      if (check) checks.push(check);
    }
    return InitializationRequestMapper.toDomain(request, documents, checks);
  }
}

/** The notes column of `byIdWithNotes`: JSON text of the notes, or null when there are none. */
function notesOf(column: unknown, requestId: string): StoredRequestNote[] {
  if (typeof column !== 'string') return [];
  const notes = JSON.parse(column) as (Omit<StoredRequestNote, 'writtenAt' | 'requestId'> & {
    writtenAt: string;
  })[];
  return notes.map((note) => ({
    id: note.id,
    requestId,
    authorId: note.authorId,
    authorName: note.authorName,
    authorRole: note.authorRole,
    text: note.text,
    writtenAt: new Date(note.writtenAt),
  }));
}
