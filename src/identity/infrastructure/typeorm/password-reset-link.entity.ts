import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { StaffMemberEntity } from './staff-member.entity.js';

/** A set-password link an admin issued: only the hash of its token is kept. */
@Entity({ name: 'password_reset_links' })
@Unique('password_reset_links_token_hash_key', ['tokenHash'])
@Check('password_reset_links_expiry_check', `expires_at > issued_at`)
@Check('password_reset_links_used_or_voided_check', `used_at IS NULL OR voided_at IS NULL`)
/** At most one link per account that was neither used nor voided. */
@Index('password_reset_links_one_open', ['staffId'], {
  unique: true,
  where: `used_at IS NULL AND voided_at IS NULL`,
})
export class PasswordResetLinkEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  @ForeignKey(() => StaffMemberEntity, { name: 'password_reset_links_staff_id_fkey' })
  staffId!: string;

  /** SHA-256 of the token, hex. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'issued_by', type: 'varchar', length: 200 })
  issuedBy!: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;
}
