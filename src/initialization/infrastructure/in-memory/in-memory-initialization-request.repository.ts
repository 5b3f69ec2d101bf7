import { DateTime } from 'luxon';
import type {
  InMemoryUnitOfWork,
  Transactional,
} from '../../../shared/infrastructure/in-memory/in-memory-unit-of-work.js';
import type {
  HeldRequestSummary,
  InitializationRequestRepository,
} from '../../application/ports/initialization-request.repository.js';
import type { StoredRequestNote } from '../../application/ports/request-notes.js';
import { DOCUMENT_KINDS } from '../../domain/document-kind.js';
import {
  InitializationRequest,
  type InitializationRequestProps,
} from '../../domain/initialization-request.js';
import {
  RequestNotFoundError,
  StaleRequestError,
} from '../../domain/initialization-request.errors.js';
import {
  CLOCK_RUNNING_STATUSES,
  TERMINAL_STATUSES,
  type RequestStatus,
} from '../../domain/request-status.js';
import { InMemoryRequestNotes } from './in-memory-request-notes.js';

/** The statuses a list of held work shows (as the SQL names them). */
const HELD_STATUSES: readonly RequestStatus[] = [
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
  'AWAITING_APPLICANT',
];

const time = (date: Date | null): number => date?.getTime() ?? Number.POSITIVE_INFINITY;

/**
 * The request repository in memory, for fast handler tests. Each request is kept as a
 * copy of its state, so a loaded aggregate never shares data with the store; `save`
 * checks and bumps the version as the SQL `UPDATE … WHERE version = $n` does. Every
 * method, including the list reads, is held to the TypeORM repository's behaviour by the
 * shared contract suite (test/contracts/initialization-request-repository.contract.ts).
 * `getForUpdate` takes no lock: the in-memory unit of work runs one use case at a time.
 */
export class InMemoryInitializationRequestRepository
  implements InitializationRequestRepository, Transactional
{
  private rows = new Map<string, InitializationRequestProps>();
  private sequence = 0;
  readonly notes: InMemoryRequestNotes;
  private readonly timeZone: string;

  constructor(
    options: {
      unitOfWork?: InMemoryUnitOfWork;
      notes?: InMemoryRequestNotes;
      /** The business time zone, whose year a reference carries. */
      timeZone?: string;
    } = {},
  ) {
    this.notes = options.notes ?? new InMemoryRequestNotes(options.unitOfWork);
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    options.unitOfWork?.enlist(this);
  }

  async nextReference(receivedAt: Date): Promise<string> {
    this.sequence += 1;
    const year = DateTime.fromJSDate(receivedAt, { zone: this.timeZone }).year;
    return `INIT-${year}-${String(this.sequence).padStart(6, '0')}`;
  }

  async findById(id: string): Promise<InitializationRequest | null> {
    const row = this.rows.get(id);
    return row ? restore(row) : null;
  }

  async findWithNotes(
    id: string,
  ): Promise<{ request: InitializationRequest; notes: StoredRequestNote[] } | null> {
    const request = await this.findById(id);
    return request ? { request, notes: this.notes.of(id) } : null;
  }

  async getForUpdate(id: string): Promise<InitializationRequest> {
    const request = await this.findById(id);
    if (!request) throw new RequestNotFoundError(id);
    return request;
  }

  async findByExternalId(
    intakeClient: string,
    externalId: string,
  ): Promise<InitializationRequest | null> {
    for (const row of this.rows.values()) {
      if (row.intakeClient === intakeClient && row.externalId === externalId) return restore(row);
    }
    return null;
  }

  async insert(request: InitializationRequest): Promise<'inserted' | 'duplicate'> {
    const props = request.toProps();
    if ((await this.findByExternalId(props.intakeClient, props.externalId)) !== null)
      return 'duplicate';
    // What the table's other unique keys refuse, refused loudly (as a unique violation is).
    if (this.rows.has(props.id)) throw new Error(`request ${props.id} is already stored`);
    if ([...this.rows.values()].some((row) => row.reference === props.reference))
      throw new Error(`reference ${props.reference} is already taken`);
    this.rows.set(props.id, { ...props, version: 1 });
    return 'inserted';
  }

  async save(request: InitializationRequest): Promise<void> {
    const props = request.toProps();
    const stored = this.rows.get(props.id);
    if (!stored || stored.version !== props.version) throw new StaleRequestError();
    this.rows.set(props.id, { ...props, version: props.version + 1 });
  }

  async openRequestsForSubject(
    subjectFilingNumber: string,
    exceptId?: string,
  ): Promise<{ id: string; reference: string }[]> {
    return this.where(
      (row) =>
        row.filing.subjectFilingNumber === subjectFilingNumber &&
        !TERMINAL_STATUSES.includes(row.status) &&
        row.id !== exceptId,
    )
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .map((row) => ({ id: row.id, reference: row.reference }));
  }

  async clockRunningSince(from: Date): Promise<string[]> {
    return this.where(
      (row) =>
        CLOCK_RUNNING_STATUSES.includes(row.status) &&
        row.sla.clockStartedAt.getTime() >= from.getTime(),
    )
      .sort((a, b) => a.sla.clockStartedAt.getTime() - b.sla.clockStartedAt.getTime())
      .map((row) => row.id);
  }

  async awaitingReplyUntilAfter(from: Date): Promise<string[]> {
    return this.where(
      (row) =>
        row.status === 'AWAITING_APPLICANT' &&
        row.sla.expiresAt !== null &&
        row.sla.expiresAt.getTime() >= from.getTime(),
    )
      .sort((a, b) => time(a.sla.expiresAt) - time(b.sla.expiresAt))
      .map((row) => row.id);
  }

  async heldBy(staffId: string): Promise<HeldRequestSummary[]> {
    return this.where((row) => row.assigneeId === staffId && HELD_STATUSES.includes(row.status))
      .sort((a, b) => time(a.sla.dueAt) - time(b.sla.dueAt) || a.id.localeCompare(b.id))
      .map((row) => ({
        id: row.id,
        reference: row.reference,
        status: row.status,
        subjectName: row.filing.subjectName,
        dueAt: row.sla.dueAt && new Date(row.sla.dueAt.getTime()),
        expiresAt: row.sla.expiresAt && new Date(row.sla.expiresAt.getTime()),
      }));
  }

  async hashesSeenWithOtherSubject(
    sha256: string[],
    subjectFilingNumber: string,
  ): Promise<boolean> {
    return [...this.rows.values()].some(
      (row) =>
        row.filing.subjectFilingNumber !== subjectFilingNumber &&
        row.documents.some((document) => sha256.includes(document.sha256)),
    );
  }

  snapshot(): () => void {
    // The stored states are never changed in place, so a shallow copy of the map will do.
    // The reference sequence is left alone: a PostgreSQL sequence does not roll back either.
    const kept = new Map(this.rows);
    return () => {
      this.rows = kept;
    };
  }

  private where(test: (row: InitializationRequestProps) => boolean): InitializationRequestProps[] {
    return [...this.rows.values()].filter(test);
  }
}

/**
 * A stored state as an aggregate, with its documents in the order the TypeORM mapper
 * gives them (upload time, then kind).
 */
function restore(row: InitializationRequestProps): InitializationRequest {
  const request = InitializationRequest.restore(row);
  const props = request.toProps() as InitializationRequestProps;
  props.documents.sort(
    (a, b) =>
      a.uploadedAt.getTime() - b.uploadedAt.getTime() ||
      DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind),
  );
  return InitializationRequest.restore(props);
}
