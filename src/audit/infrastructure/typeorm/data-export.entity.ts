import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'data_exports' })
@Check('data_exports_dataset_check', `dataset IN ('audit-events', 'requests')`)
@Check('data_exports_format_check', `format IN ('CSV', 'XLSX')`)
@Check('data_exports_locale_check', `locale IN ('zh-CN', 'en')`)
@Check(
  'data_exports_status_check',
  `status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REMOVED')`,
)
@Check(
  'data_exports_completed_has_file',
  `status <> 'COMPLETED' OR (file_key IS NOT NULL AND sha256 IS NOT NULL AND row_count IS NOT NULL)`,
)
// (requested_at DESC, id DESC): TypeORM cannot declare the order; the migration owns it.
@Index('data_exports_requested_idx', { synchronize: false })
@Index('data_exports_retention_idx', ['finishedAt'], {
  where: `status IN ('COMPLETED', 'FAILED')`,
})
@Index('data_exports_pending_idx', ['updatedAt'], { where: `status IN ('QUEUED', 'RUNNING')` })
export class DataExportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  dataset!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  @Column({ type: 'jsonb' })
  filters!: Record<string, string>;

  /** The requester's language, which the file is written in. */
  @Column({ type: 'varchar', length: 8, default: 'zh-CN' })
  locale!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById!: string | null;

  @Column({ name: 'requested_by_name', type: 'varchar', length: 200 })
  requestedByName!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'rows_expected', type: 'bigint', nullable: true })
  rowsExpected!: string | null;

  @Column({ name: 'rows_written', type: 'bigint', default: 0 })
  rowsWritten!: string;

  @Column({ name: 'row_count', type: 'bigint', nullable: true })
  rowCount!: string | null;

  @Column({ name: 'file_key', type: 'varchar', length: 255, nullable: true })
  fileKey!: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ name: 'chain_head_seq', type: 'bigint', nullable: true })
  chainHeadSeq!: string | null;

  @Column({ name: 'chain_head_hash', type: 'char', length: 64, nullable: true })
  chainHeadHash!: string | null;

  /** The signed statement beside the file (`<id>.statement.json`); null before exports were signed. */
  @Column({ name: 'statement_key', type: 'varchar', length: 255, nullable: true })
  statementKey!: string | null;

  @Column({ name: 'statement_checkpoint_no', type: 'integer', nullable: true })
  statementCheckpointNo!: number | null;

  /** SHA-256 of the data rows the statement attests (of their texts, not the file's bytes). */
  @Column({ name: 'rows_sha256', type: 'char', length: 64, nullable: true })
  rowsSha256!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
