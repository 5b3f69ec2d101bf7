import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { Message } from '../../../../shared/i18n/message.js';

export interface NoteView {
  /** As the author was named when writing it (data, never translated). */
  authorName: string;
  authorRole: Message;
  writtenAt: Date;
  /** As written; identity and credit numbers masked for viewers who only read. */
  text: string;
}

/** The workspace's internal notes: every note, oldest first, and the form for those who write. */
export interface NotesView {
  notes: NoteView[];
  /** The form to add a note (reviewers and senior reviewers); null for those who only read. */
  form: { maxLength: number } | null;
}

export class RequestNotesQuery extends Query<NotesView> {
  constructor(
    readonly requestId: string,
    readonly viewer: StaffActor,
  ) {
    super();
  }
}
