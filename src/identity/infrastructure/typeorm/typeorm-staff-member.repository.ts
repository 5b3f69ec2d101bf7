import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import { isUniqueViolation } from '../../../shared/infrastructure/database/postgres-errors.js';
import type { StaffMember } from '../../domain/staff-member.js';
import { StaffEmailTakenError } from '../../domain/staff-member.errors.js';
import type { StaffMemberRepository } from '../../application/ports/staff-member.repository.js';
import { StaffMemberEntity } from './staff-member.entity.js';
import { StaffMemberMapper } from './staff-member.mapper.js';

@Injectable()
export class TypeormStaffMemberRepository implements StaffMemberRepository {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  private get rows() {
    return this.unitOfWork.manager().getRepository(StaffMemberEntity);
  }

  async findById(id: string): Promise<StaffMember | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? StaffMemberMapper.toDomain(row) : null;
  }

  async findByIdForUpdate(id: string): Promise<StaffMember | null> {
    const row = await this.rows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? StaffMemberMapper.toDomain(row) : null;
  }

  async findByEmail(email: string): Promise<StaffMember | null> {
    const row = await this.rows.findOneBy({ email: email.trim().toLowerCase() });
    return row ? StaffMemberMapper.toDomain(row) : null;
  }

  async save(member: StaffMember): Promise<void> {
    try {
      await this.rows.save(StaffMemberMapper.toEntity(member));
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        isUniqueViolation(error, 'staff_members_email_key')
      ) {
        throw new StaffEmailTakenError(member.email);
      }
      throw error;
    }
  }

  async activeAdminIdsForUpdate(): Promise<string[]> {
    const rows: { id: string }[] = await this.unitOfWork
      .manager()
      .query(`SELECT id FROM staff_members WHERE active AND role = 'ADMIN' ORDER BY id FOR UPDATE`);
    return rows.map((row) => row.id);
  }

  async list(): Promise<StaffMember[]> {
    const rows = await this.rows.find({
      order: { active: 'DESC', role: 'ASC', displayName: 'ASC' },
    });
    return rows.map((row) => StaffMemberMapper.toDomain(row));
  }
}
