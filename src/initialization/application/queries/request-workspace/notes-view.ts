import type { StaffActor } from '../../../../shared/domain/actor.js';
import { messagesOf, type Message } from '../../../../shared/i18n/message.js';
import { maskIdentifiersInText } from '../../../../shared/domain/personal-data.js';
import { NOTE_MAX_LENGTH } from '../../../domain/request-note.js';
import type { StoredRequestNote } from '../../ports/request-notes.js';

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

const WRITERS = ['REVIEWER', 'SENIOR_REVIEWER'];
const ROLE_LABELS = messagesOf('common.role', ['REVIEWER', 'SENIOR_REVIEWER'] as const);

/** The notes as `viewer` reads them: reviewers write and read them whole; auditors read them masked. */
export function notesViewOf(notes: readonly StoredRequestNote[], viewer: StaffActor): NotesView {
  const writes = WRITERS.includes(viewer.role);
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
