import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

@Entity({ name: 'outbox_messages' })
@Check(
  'outbox_messages_status_check',
  `status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'ABANDONED')`,
)
@Check('outbox_messages_attempts_check', `attempts >= 0`)
@Unique('outbox_messages_dedupe_key_key', ['dedupeKey'])
@Index('outbox_messages_due_idx', ['nextAttemptAt'], { where: `status = 'PENDING'` })
@Index('outbox_messages_in_flight_idx', ['attemptStartedAt'], { where: `status = 'SENDING'` })
// (created_at DESC, id DESC): TypeORM cannot declare the order; the migration owns it.
@Index('outbox_messages_recent_idx', { synchronize: false })
@Index('outbox_messages_request_idx', ['requestId'], { where: `request_id IS NOT NULL` })
// The admin page filtered by status, newest first: (status, created_at DESC, id DESC).
@Index('outbox_messages_status_recent_idx', { synchronize: false })
// A message is resent at most once.
@Index('outbox_messages_resend_of_key', ['resendOfId'], {
  unique: true,
  where: `resend_of_id IS NOT NULL`,
})
export class OutboxMessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml!: string | null;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'attempt_started_at', type: 'timestamptz', nullable: true })
  attemptStartedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** The abandoned message an admin resent as this one. */
  @Column({ name: 'resend_of_id', type: 'uuid', nullable: true })
  @ForeignKey(() => OutboxMessageEntity, { name: 'outbox_messages_resend_of_id_fkey' })
  resendOfId!: string | null;
}
