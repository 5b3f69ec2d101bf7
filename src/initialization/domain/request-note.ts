import type { StaffActor } from '../../shared/domain/actor.js';
import { DomainError } from '../../shared/domain/domain-error.js';

/** The longest note, in characters after trimming. */
export const NOTE_MAX_LENGTH = 2000;

/** Who may write internal notes (auditors read them). */
const NOTE_AUTHOR_ROLES = ['REVIEWER', 'SENIOR_REVIEWER'] as const;
export type NoteAuthorRole = (typeof NOTE_AUTHOR_ROLES)[number];

/**
 * An internal note on a request: what a reviewer or senior wants the staff to know
 * ("called the applicant, the letter is on its way"). For the staff only, never sent
 * to the applicant, and never changed or removed once written.
 */
export interface RequestNote {
  requestId: string;
  authorId: string;
  authorName: string;
  authorRole: NoteAuthorRole;
  text: string;
  writtenAt: Date;
}

export class NoteAuthorNotAllowedError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.note-not-allowed';
}

export class EmptyNoteError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.note-empty';
}

export class NoteTooLongError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.note-too-long';
  constructor(length: number) {
    super({ length, max: NOTE_MAX_LENGTH });
  }
}

/** Characters no note can keep: control characters (other than tab and line breaks) and broken Unicode. */
export class UnreadableNoteError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.note-unreadable';
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A note as its author writes it on a request: 1 to 2,000 characters after trimming,
 * by a reviewer or senior reviewer, in any state of the request (a reviewer may note
 * something after the decision too).
 */
export function writeNote(
  requestId: string,
  author: StaffActor,
  text: string,
  now: Date,
): RequestNote {
  if (!(NOTE_AUTHOR_ROLES as readonly string[]).includes(author.role))
    throw new NoteAuthorNotAllowedError();
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new EmptyNoteError();
  const length = [...trimmed].length;
  if (length > NOTE_MAX_LENGTH) throw new NoteTooLongError(length);
  if (CONTROL.test(trimmed) || LONE_SURROGATE.test(trimmed)) throw new UnreadableNoteError();
  return {
    requestId,
    authorId: author.id,
    authorName: author.name,
    authorRole: author.role as NoteAuthorRole,
    text: trimmed,
    writtenAt: now,
  };
}
