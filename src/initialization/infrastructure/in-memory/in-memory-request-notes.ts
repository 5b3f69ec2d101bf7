import { randomUUID } from 'node:crypto';
import type {
  Transactional,
  InMemoryUnitOfWork,
} from '../../../shared/infrastructure/in-memory/in-memory-unit-of-work.js';
import type { RequestNotes, StoredRequestNote } from '../../application/ports/request-notes.js';
import type { RequestNote } from '../../domain/request-note.js';

/** The internal notes in memory, append-only as the table is; read by the in-memory repository. */
export class InMemoryRequestNotes implements RequestNotes, Transactional {
  private notes: StoredRequestNote[] = [];

  constructor(unitOfWork?: InMemoryUnitOfWork) {
    unitOfWork?.enlist(this);
  }

  async add(note: RequestNote): Promise<string> {
    const id = randomUUID();
    this.notes.push({ ...note, writtenAt: new Date(note.writtenAt.getTime()), id });
    return id;
  }

  /** The notes of one request, oldest first (ties by id, as the SQL orders them). */
  of(requestId: string): StoredRequestNote[] {
    return this.notes
      .filter((note) => note.requestId === requestId)
      .sort((a, b) => a.writtenAt.getTime() - b.writtenAt.getTime() || a.id.localeCompare(b.id))
      .map((note) => ({ ...note, writtenAt: new Date(note.writtenAt.getTime()) }));
  }

  snapshot(): () => void {
    const kept = [...this.notes];
    return () => {
      this.notes = kept;
    };
  }
}
