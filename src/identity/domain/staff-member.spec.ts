import { describe, expect, it } from '@jest/globals';
import { StaffMember } from './staff-member.js';
import {
  InvalidStaffDetailsError,
  StaffMemberAlreadyInactiveError,
} from './staff-member.errors.js';

const now = new Date('2026-11-25T02:00:00Z');

describe('a staff member', () => {
  it('is registered active, with the email lower-cased', () => {
    const member = StaffMember.register({
      id: 'a',
      email: ' Li.Na@Example.CN ',
      displayName: ' Li Na ',
      role: 'REVIEWER',
      passwordHash: 'h',
      now,
    });
    expect(member.email).toBe('li.na@example.cn');
    expect(member.displayName).toBe('Li Na');
    expect(member.canSignIn()).toBe(true);
  });

  it('refuses a bad email, an empty name and an unknown role, all at once', () => {
    expect(() =>
      StaffMember.register({
        id: 'a',
        email: 'li.na',
        displayName: ' ',
        role: 'BOSS',
        passwordHash: 'h',
        now,
      }),
    ).toThrow(
      new InvalidStaffDetailsError([
        '"li.na" is not an email address',
        'the name must be 1 to 120 characters',
        '"BOSS" is not a role (REVIEWER, SENIOR_REVIEWER, AUDITOR or ADMIN)',
      ]),
    );
  });

  it('can no longer sign in once deactivated, and is deactivated only once', () => {
    const member = StaffMember.register({
      id: 'a',
      email: 'a@b.cn',
      displayName: 'A',
      role: 'AUDITOR',
      passwordHash: 'h',
      now,
    });
    member.deactivate(now);
    expect(member.canSignIn()).toBe(false);
    expect(() => member.deactivate(now)).toThrow(StaffMemberAlreadyInactiveError);
  });
});
