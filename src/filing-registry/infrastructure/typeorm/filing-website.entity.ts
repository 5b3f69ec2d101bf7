import { Column, Entity, ForeignKey, Generated, Index, PrimaryColumn, Unique } from 'typeorm';
import { FilingSubjectEntity } from './filing-subject.entity.js';

@Entity({ name: 'filing_websites' })
@Unique('filing_websites_filing_number_key', ['filingNumber'])
@Index('filing_websites_subject_idx', ['subjectId'])
@Index('filing_websites_domain_idx', ['domain'])
export class FilingWebsiteEntity {
  /** Given by the database (gen_random_uuid()); the domain knows a website by its number. */
  @PrimaryColumn('uuid')
  @Generated('uuid')
  id!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  @ForeignKey(() => FilingSubjectEntity, { name: 'filing_websites_subject_id_fkey' })
  subjectId!: string;

  @Column({ name: 'filing_number', type: 'varchar', length: 48 })
  filingNumber!: string;

  @Column({ type: 'varchar', length: 253 })
  domain!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
