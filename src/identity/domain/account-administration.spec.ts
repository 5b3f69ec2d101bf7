import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../shared/domain/actor.js';
import { Translator } from '../../shared/i18n/translator.js';
import { refuseUnsafeAccountChange } from './account-administration.js';
import {
  LastActiveAdminError,
  OwnAccountChangeError,
  StaffMemberAlreadyActiveError,
  StaffRoleUnchangedError,
} from './staff-lifecycle.errors.js';
import { StaffMember } from './staff-member.js';

const now = new Date('2026-11-25T02:00:00Z');
const english = new Translator('Asia/Shanghai').words('en');

function member(id: string, role: string, name = id): StaffMember {
  return StaffMember.register({
    id,
    email: `${id}@example.cn`,
    displayName: name,
    role,
    passwordHash: 'h',
    now,
  });
}
const asStaff = (staff: StaffMember): Actor => ({
  kind: 'STAFF',
  id: staff.id,
  role: staff.role,
  name: staff.displayName,
});

describe('administering staff accounts', () => {
  const liuYang = member('admin-liu', 'ADMIN', 'Liu Yang');
  const zhouXin = member('admin-zhou', 'ADMIN', 'Zhou Xin');
  const liNa = member('reviewer-li', 'REVIEWER', 'Li Na');

  it('refuses an admin their own role change and their own deactivation', () => {
    for (const change of ['role', 'deactivate'] as const) {
      expect(() =>
        refuseUnsafeAccountChange({
          change,
          by: asStaff(liuYang),
          member: liuYang,
          newRole: 'AUDITOR',
          activeAdminIds: [liuYang.id, zhouXin.id],
        }),
      ).toThrow(OwnAccountChangeError);
    }
  });

  it('keeps the last active administrator an administrator', () => {
    const attempt = (change: 'role' | 'deactivate', activeAdminIds: string[], newRole?: string) =>
      refuseUnsafeAccountChange({
        change,
        by: { kind: 'SYSTEM', name: 'cli:ops' },
        member: zhouXin,
        newRole,
        activeAdminIds,
      });
    expect(() => attempt('role', [zhouXin.id], 'AUDITOR')).toThrow(LastActiveAdminError);
    expect(() => attempt('deactivate', [zhouXin.id])).toThrow(LastActiveAdminError);
    try {
      attempt('role', [zhouXin.id], 'AUDITOR');
    } catch (error) {
      expect(english.text((error as LastActiveAdminError).sentence)).toBe(
        'Zhou Xin is the last active administrator, so their role cannot change: make another account an administrator first.',
      );
    }
    expect(() => attempt('role', [zhouXin.id, liuYang.id], 'AUDITOR')).not.toThrow();
    expect(() => attempt('deactivate', [zhouXin.id, liuYang.id])).not.toThrow();
    // Anyone else's account changes freely.
    expect(() =>
      refuseUnsafeAccountChange({
        change: 'deactivate',
        by: asStaff(zhouXin),
        member: liNa,
        activeAdminIds: [zhouXin.id],
      }),
    ).not.toThrow();
  });

  it('changes a role once, returning the one it had, and ends the sessions', () => {
    const reviewer = member('reviewer-wang', 'REVIEWER', 'Wang Fang');
    expect(reviewer.changeRole('SENIOR_REVIEWER', now)).toBe('REVIEWER');
    expect(reviewer.role).toBe('SENIOR_REVIEWER');
    expect(reviewer.endedSessions?.at).toEqual(now);
    expect(() => reviewer.changeRole('SENIOR_REVIEWER', now)).toThrow(StaffRoleUnchangedError);
  });

  it('reactivates a deactivated account only', () => {
    const reviewer = member('reviewer-zhao', 'REVIEWER');
    expect(() => reviewer.reactivate(now)).toThrow(StaffMemberAlreadyActiveError);
    reviewer.deactivate(now);
    reviewer.reactivate(now);
    expect(reviewer.canSignIn()).toBe(true);
  });
});
