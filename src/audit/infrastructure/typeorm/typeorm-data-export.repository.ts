import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type { DataExportRepository } from '../../application/ports/data-export.repository.js';
import type { DataExport } from '../../domain/data-export.js';
import { ExportNotFoundError } from '../../domain/data-export.errors.js';
import { DataExportEntity } from './data-export.entity.js';
import { DataExportMapper } from './data-export.mapper.js';

@Injectable()
export class TypeormDataExportRepository implements DataExportRepository {
  constructor(
    private readonly unitOfWork: TypeormUnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get rows() {
    return this.unitOfWork.manager().getRepository(DataExportEntity);
  }

  async save(dataExport: DataExport): Promise<void> {
    await this.rows.save(DataExportMapper.toEntity(dataExport));
  }

  async findById(id: string): Promise<DataExport | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? DataExportMapper.toDomain(row) : null;
  }

  async getForUpdate(id: string): Promise<DataExport> {
    const row = await this.rows
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
    if (!row) throw new ExportNotFoundError(id);
    return DataExportMapper.toDomain(row);
  }

  async listRecent(limit: number): Promise<DataExport[]> {
    const rows = await this.rows.find({ order: { requestedAt: 'DESC', id: 'DESC' }, take: limit });
    return rows.map((row) => DataExportMapper.toDomain(row));
  }

  async recordProgress(id: string, rowsWritten: number, rowsExpected?: number): Promise<void> {
    // Its own statement on the pool: the worker is not inside a unit of work while streaming.
    await this.dataSource.query(
      `UPDATE data_exports
          SET rows_written = $2, rows_expected = COALESCE($3, rows_expected), updated_at = $4
        WHERE id = $1 AND status = 'RUNNING'`,
      [id, rowsWritten, rowsExpected ?? null, this.clock.now()],
    );
  }

  async lockExpired(finishedBefore: Date, limit: number): Promise<DataExport[]> {
    const rows = await this.rows
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`e.status IN ('COMPLETED', 'FAILED')`)
      .andWhere('e.finished_at < :finishedBefore', { finishedBefore })
      .orderBy('e.finished_at', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => DataExportMapper.toDomain(row));
  }

  async findStalled(before: Date, limit: number): Promise<DataExport[]> {
    const rows = await this.rows
      .createQueryBuilder('e')
      .where(`e.status IN ('QUEUED', 'RUNNING')`)
      .andWhere('e.updated_at < :before', { before })
      .orderBy('e.requested_at', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map((row) => DataExportMapper.toDomain(row));
  }
}
