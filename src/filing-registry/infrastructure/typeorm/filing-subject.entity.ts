import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'filing_subjects' })
@Check('filing_subjects_type_check', `type IN ('INDIVIDUAL', 'ORGANIZATION')`)
@Check('filing_subjects_version_check', `version > 0`)
@Check('filing_subjects_email_lowercase', `account_email = lower(account_email)`)
@Unique('filing_subjects_filing_number_key', ['filingNumber'])
@Unique('filing_subjects_aliyun_account_id_key', ['aliyunAccountId'])
// On lower(name): an expression TypeORM cannot declare; the migration owns it.
@Index('filing_subjects_name_idx', { synchronize: false })
// The audit trail's search by part of a subject's name (migration 1765411200000).
@Index('filing_subjects_name_trgm_idx', { synchronize: false })
@Index('filing_subjects_credential_number_idx', ['credentialNumber'])
export class FilingSubjectEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  type!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'credential_number', type: 'varchar', length: 20 })
  credentialNumber!: string;

  @Column({ type: 'varchar', length: 2 })
  province!: string;

  @Column({ name: 'filing_number', type: 'varchar', length: 40 })
  filingNumber!: string;

  @Column({ name: 'account_email', type: 'varchar', length: 254 })
  accountEmail!: string;

  @Column({ name: 'aliyun_account_id', type: 'varchar', length: 64, nullable: true })
  aliyunAccountId!: string | null;

  @Column({ name: 'account_email_changed_at', type: 'timestamptz', nullable: true })
  accountEmailChangedAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
