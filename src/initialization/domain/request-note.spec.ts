import { describe, expect, it } from '@jest/globals';
import type { StaffActor } from '../../shared/domain/actor.js';
import {
  EmptyNoteError,
  NoteAuthorNotAllowedError,
  NoteTooLongError,
  UnreadableNoteError,
  writeNote,
} from './request-note.js';

const staff = (role: StaffActor['role']): StaffActor => ({
  kind: 'STAFF',
  id: '00000000-0000-4000-8000-000000000001',
  role,
  name: 'Li Na',
});
const now = new Date('2026-11-17T02:00:00Z');

describe('an internal note', () => {
  it('is written by a reviewer or a senior reviewer, trimmed, with its author and time', () => {
    expect(writeNote('r-1', staff('REVIEWER'), '  Called the applicant.\n', now)).toEqual({
      requestId: 'r-1',
      authorId: '00000000-0000-4000-8000-000000000001',
      authorName: 'Li Na',
      authorRole: 'REVIEWER',
      text: 'Called the applicant.',
      writtenAt: now,
    });
    expect(writeNote('r-1', staff('SENIOR_REVIEWER'), '已电话核实。', now).authorRole).toBe(
      'SENIOR_REVIEWER',
    );
  });

  it('is refused to auditors and administrators', () => {
    expect(() => writeNote('r-1', staff('AUDITOR'), 'A remark.', now)).toThrow(
      NoteAuthorNotAllowedError,
    );
    expect(() => writeNote('r-1', staff('ADMIN'), 'A remark.', now)).toThrow(
      NoteAuthorNotAllowedError,
    );
  });

  it('holds 1 to 2,000 characters after trimming, counted as characters in any script', () => {
    expect(() => writeNote('r-1', staff('REVIEWER'), ' \n\t ', now)).toThrow(EmptyNoteError);
    expect(writeNote('r-1', staff('REVIEWER'), '备'.repeat(2000), now).text).toHaveLength(2000);
    expect(writeNote('r-1', staff('REVIEWER'), '😀'.repeat(2000), now).text).toHaveLength(4000);
    const tooLong = new NoteTooLongError(2001);
    expect(() => writeNote('r-1', staff('REVIEWER'), 'a'.repeat(2001), now)).toThrow(
      NoteTooLongError,
    );
    expect(tooLong.params).toEqual({ length: 2001, max: 2000 });
  });

  it('refuses control characters and broken Unicode, which no record can keep', () => {
    expect(() => writeNote('r-1', staff('REVIEWER'), 'a\u0000b', now)).toThrow(UnreadableNoteError);
    expect(() => writeNote('r-1', staff('REVIEWER'), 'abc\ud800', now)).toThrow(
      UnreadableNoteError,
    );
    expect(writeNote('r-1', staff('REVIEWER'), 'line one\r\n\tline two', now).text).toBe(
      'line one\r\n\tline two',
    );
  });
});
