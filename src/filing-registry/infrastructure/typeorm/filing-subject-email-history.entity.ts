import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FilingSubjectEntity } from './filing-subject.entity.js';

@Entity({ name: 'filing_subject_email_history' })
@Check('filing_subject_email_history_source_check', `source IN ('REQUEST', 'LEGACY_IMPORT')`)
@Check(
  'filing_subject_email_history_request_check',
  `source <> 'REQUEST' OR replaced_by_request_id IS NOT NULL`,
)
// (subject_id, valid_to DESC, id DESC): TypeORM cannot declare the order; the migration owns it.
@Index('filing_subject_email_history_subject_idx', { synchronize: false })
export class FilingSubjectEmailHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  @ForeignKey(() => FilingSubjectEntity, {
    name: 'filing_subject_email_history_subject_id_fkey',
  })
  subjectId!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'aliyun_account_id', type: 'varchar', length: 64, nullable: true })
  aliyunAccountId!: string | null;

  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true })
  validFrom!: Date | null;

  @Column({ name: 'valid_to', type: 'timestamptz' })
  validTo!: Date;

  @Column({ name: 'replaced_by_request_id', type: 'uuid', nullable: true })
  replacedByRequestId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  source!: string;
}
