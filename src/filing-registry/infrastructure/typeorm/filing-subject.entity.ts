import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'filing_subjects' })
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

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
