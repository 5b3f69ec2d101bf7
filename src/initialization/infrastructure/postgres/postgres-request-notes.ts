import { Injectable } from '@nestjs/common';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type { RequestNotes } from '../../application/ports/request-notes.js';
import type { RequestNote } from '../../domain/request-note.js';

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
}
