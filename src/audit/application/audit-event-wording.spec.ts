import { describe, expect, it } from '@jest/globals';
import {
  auditActionLabel,
  describeAuditEvent,
  describeDocumentViews,
} from './audit-event-wording.js';

const staff = (name: string) => ({ actorType: 'STAFF', actorName: name });

describe('audit events in words', () => {
  it('says a first approval awaits the second', () => {
    expect(
      describeAuditEvent({
        ...staff('Wang Fang'),
        action: 'request.approved',
        details: { awaitingSecondApproval: true, why: ['organization'] },
      }).sentence,
    ).toBe('Wang Fang approved — awaiting second approval');
    expect(
      describeAuditEvent({
        ...staff('Li Na'),
        action: 'request.approved',
        details: { awaitingSecondApproval: false },
      }).sentence,
    ).toBe('Li Na approved — the account email was replaced');
  });

  it('names reject reasons, returned notes and the intake client in words', () => {
    expect(
      describeAuditEvent({
        ...staff('Li Na'),
        action: 'request.rejected',
        details: { reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'], message: 'x' },
      }).sentence,
    ).toBe(
      'Li Na rejected the request: A document is not clear enough to read; The information does not match the filing record',
    );
    expect(
      describeAuditEvent({
        ...staff('Zhao Lei'),
        action: 'request.returned_for_review',
        details: { note: 'Check the seal' },
      }).sentence,
    ).toBe('Zhao Lei sent the request back for review: “Check the seal”');
    expect(
      describeAuditEvent({
        actorType: 'INTAKE_CLIENT',
        actorName: 'filing-portal',
        action: 'request.submitted',
        details: { reference: 'BD-20261125-000001', riskFlags: ['SUBJECT_MISMATCH'] },
      }).sentence,
    ).toBe(
      'The filing system (filing-portal) submitted request BD-20261125-000001 with risk flags: Subject mismatch',
    );
  });

  it('masks ID numbers in the sentence and the details', () => {
    const worded = describeAuditEvent({
      ...staff('Zhao Lei'),
      action: 'request.returned_for_review',
      details: {
        note: 'ID 33010219900101123X is expired',
        applicantIdNumber: '440524188001010014',
      },
    });
    expect(worded.sentence).toBe(
      'Zhao Lei sent the request back for review: “ID 330***********123X is expired”',
    );
    expect(worded.details).toEqual([
      { label: 'Note', value: 'ID 330***********123X is expired' },
      { label: 'Applicant id number', value: '440***********0014' },
    ]);
  });

  it('masks an ID number typed as the email of a failed sign-in', () => {
    expect(
      describeAuditEvent({
        actorType: 'ANONYMOUS',
        actorName: '11010519491231002X',
        action: 'staff.sign_in_failed',
        details: { email: '11010519491231002X', reason: 'unknown-email' },
      }).sentence,
    ).toBe('A sign-in as 110***********002X failed: there is no account with this email');
  });

  it('words its own verifications and exports', () => {
    expect(
      describeAuditEvent({
        ...staff('Chen Jing'),
        action: 'audit.verified',
        details: { ok: false, brokenAt: 7, kind: 'changed' },
      }).sentence,
    ).toBe('Chen Jing verified the audit trail: it breaks at event #7 (changed)');
    expect(
      describeAuditEvent({
        actorType: 'SYSTEM',
        actorName: 'export worker',
        action: 'export.completed',
        details: { format: 'XLSX', dataset: 'requests', rowCount: 12 },
      }).sentence,
    ).toBe('The Excel export of requests finished with 12 rows');
  });

  it('falls back to the action for events it has no words for', () => {
    expect(
      describeAuditEvent({ ...staff('Li Na'), action: 'calendar.changed', details: {} }).sentence,
    ).toBe('Li Na: calendar.changed');
    expect(auditActionLabel('request.claimed')).toBe('Claimed');
    expect(auditActionLabel('calendar.changed')).toBe('calendar.changed');
  });

  it('words several document views by one person as one entry', () => {
    const worded = describeDocumentViews({ actorType: 'STAFF', actorName: 'Li Na' }, [
      'ID_FRONT',
      'ID_BACK',
      'ID_FRONT',
    ]);
    expect(worded.sentence).toBe('Li Na viewed ID card, front; ID card, back (3 views)');
    expect(worded.details).toEqual([
      { label: 'Documents', value: 'ID card, front; ID card, back' },
      { label: 'Views', value: '3' },
    ]);
  });
});
