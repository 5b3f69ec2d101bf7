import { Check, Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'staff_members' })
@Check('staff_members_role_check', `role IN ('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR', 'ADMIN')`)
@Check('staff_members_email_lowercase', `email = lower(email)`)
@Check('staff_members_locale_check', `locale IN ('zh-CN', 'en')`)
@Index('staff_members_email_key', ['email'], { unique: true })
export class StaffMemberEntity {
  @PrimaryColumn('uuid')
  @Generated('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** 'zh-CN' or 'en' once the staff member chose; null: their browser decides. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  locale!: string | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  /** When every session signed in until then was ended; null: never. */
  @Column({ name: 'sessions_ended_at', type: 'timestamptz', nullable: true })
  sessionsEndedAt!: Date | null;

  /** The session that went on when the others were ended (SHA-256 of its id, hex). */
  @Column({ name: 'session_kept', type: 'varchar', length: 64, nullable: true })
  sessionKept!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
