import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'filing_subject_email_history' })
export class FilingSubjectEmailHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
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
