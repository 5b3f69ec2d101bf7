import type { StaffRole } from '../../../shared/domain/staff-role.js';
import { isLocale } from '../../../shared/i18n/locale.js';
import { StaffMember } from '../../domain/staff-member.js';
import { StaffMemberEntity } from './staff-member.entity.js';

export const StaffMemberMapper = {
  toDomain(row: StaffMemberEntity): StaffMember {
    return StaffMember.restore({
      ...row,
      role: row.role as StaffRole,
      locale: isLocale(row.locale) ? row.locale : null,
    });
  },
  toEntity(member: StaffMember): StaffMemberEntity {
    return Object.assign(new StaffMemberEntity(), member.toProps());
  },
};
