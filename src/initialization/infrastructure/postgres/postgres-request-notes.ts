import { Injectable } from '@nestjs/common';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type { RequestNotes, StoredRequestNote } from '../../application/ports/request-notes.js';
import type { NoteAuthorRole, RequestNote } from '../../domain/request-note.js';

interface NoteRecord {
  id: string;
  request_id: string;
  author_id: string;
  author_name: string;
  author_role: NoteAuthorRole;
  text: string;
  created_at: Date;
}

/**
 * `request_notes` in SQL (the table refuses UPDATE, DELETE and TRUNCATE by trigger):
 * written inside the unit of work of the change that records its audit event.
 */
@Injectable()
export class PostgresRequestNotes implements RequestNotes {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  async add(note: RequestNote): Promise<string> {
    const rows: { id: string }[] = await this.unitOfWork.manager().query(
      `INSERT INTO request_notes (request_id, author_id, author_name, author_role, text, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [note.requestId, note.authorId, note.authorName, note.authorRole, note.text, note.writtenAt],
    );
    return rows[0]!.id;
  }

  async of(requestId: string): Promise<StoredRequestNote[]> {
    const rows: NoteRecord[] = await this.unitOfWork.manager().query(
      `SELECT id, request_id, author_id, author_name, author_role, text, created_at
           FROM request_notes WHERE request_id = $1 ORDER BY created_at, id`,
      [requestId],
    );
    return rows.map((row) => ({
      id: row.id,
      requestId: row.request_id,
      authorId: row.author_id,
      authorName: row.author_name,
      authorRole: row.author_role,
      text: row.text,
      writtenAt: row.created_at,
    }));
  }
}
