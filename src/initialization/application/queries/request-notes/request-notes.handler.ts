import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { maskIdentifiersInText } from '../../../../audit/domain/personal-data.js';
import { messagesOf } from '../../../../shared/i18n/message.js';
import { NOTE_MAX_LENGTH } from '../../../domain/request-note.js';
import { REQUEST_NOTES, type RequestNotes } from '../../ports/request-notes.js';
import { RequestNotesQuery, type NotesView } from './request-notes.query.js';

const WRITERS = ['REVIEWER', 'SENIOR_REVIEWER'];
const ROLE_LABELS = messagesOf('common.role', ['REVIEWER', 'SENIOR_REVIEWER'] as const);

@QueryHandler(RequestNotesQuery)
export class RequestNotesHandler implements IQueryHandler<RequestNotesQuery> {
  constructor(@Inject(REQUEST_NOTES) private readonly notes: RequestNotes) {}

  async execute(query: RequestNotesQuery): Promise<NotesView> {
    const writes = WRITERS.includes(query.viewer.role);
    const notes = await this.notes.of(query.requestId);
    return {
      notes: notes.map((note) => ({
        authorName: note.authorName,
        authorRole: ROLE_LABELS[note.authorRole],
        writtenAt: note.writtenAt,
        text: writes ? note.text : maskIdentifiersInText(note.text),
      })),
      form: writes ? { maxLength: NOTE_MAX_LENGTH } : null,
    };
  }
}
