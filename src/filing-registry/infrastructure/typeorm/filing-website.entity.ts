import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'filing_websites' })
export class FilingWebsiteEntity {
  /** Given by the database (gen_random_uuid()); the domain knows a website by its number. */
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'filing_number', type: 'varchar', length: 48 })
  filingNumber!: string;

  @Column({ type: 'varchar', length: 253 })
  domain!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
