import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity.js';

/** What the demo mailbox received: one row per delivery. */
@Entity({ name: 'mail_sink' })
@Index('mail_sink_outbox_idx', ['outboxId'])
export class MailSinkEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
  @ForeignKey(() => OutboxMessageEntity, { name: 'mail_sink_outbox_id_fkey', onDelete: 'CASCADE' })
  outboxId!: string;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml!: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz' })
  deliveredAt!: Date;
}
