import type { StaffRole } from '../../../shared/domain/staff-role.js';
import { StaffMember } from '../../domain/staff-member.js';
import { StaffMemberEntity } from './staff-member.entity.js';

export const StaffMemberMapper = {
  toDomain(row: StaffMemberEntity): StaffMember {
    return StaffMember.restore({ ...row, role: row.role as StaffRole });
  },
  toEntity(member: StaffMember): StaffMemberEntity {
    return Object.assign(new StaffMemberEntity(), member.toProps());
  },
};
