import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import { PasswordResetLink } from '../../domain/password-reset-link.js';
import type { PasswordResetLinkRepository } from '../../application/ports/password-reset-link.repository.js';
import { PasswordResetLinkEntity } from './password-reset-link.entity.js';

@Injectable()
export class TypeormPasswordResetLinkRepository implements PasswordResetLinkRepository {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  private get rows() {
    return this.unitOfWork.manager().getRepository(PasswordResetLinkEntity);
  }

  async findByTokenHash(
    tokenHash: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<PasswordResetLink | null> {
    const row = await this.rows.findOne({
      where: { tokenHash },
      ...(options.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? PasswordResetLink.restore(row) : null;
  }

  async findOpenForUpdate(staffId: string): Promise<PasswordResetLink[]> {
    const rows = await this.rows.find({
      where: { staffId, usedAt: IsNull(), voidedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    return rows.map((row) => PasswordResetLink.restore(row));
  }

  async save(link: PasswordResetLink): Promise<void> {
    await this.rows.save(Object.assign(new PasswordResetLinkEntity(), link.toProps()));
  }
}
