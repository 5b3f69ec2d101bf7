import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type { DeliveryProblem, OutboxMessage, OutboxStatus } from '../../domain/outbox-message.js';
import type {
  NewOutboxMessage,
  OutboxCursor,
  OutboxRepository,
  SinkDelivery,
} from '../../application/ports/outbox.repository.js';
import { MailSinkEntity } from './mail-sink.entity.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { LastErrorColumn, OutboxMessageMapper } from './outbox-message.mapper.js';

/**
 * The outbox over TypeORM. Outside a unit of work (the workers) each statement
 * commits on its own, which is what makes the claim visible before the send.
 */
@Injectable()
export class TypeormOutboxRepository implements OutboxRepository {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  private get manager(): EntityManager {
    return this.unitOfWork.manager();
  }

  private get rows() {
    return this.manager.getRepository(OutboxMessageEntity);
  }

  async insert(id: string, mail: NewOutboxMessage, now: Date): Promise<string | null> {
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values({
        id,
        kind: mail.kind,
        recipient: mail.to.trim(),
        subject: mail.subject,
        bodyText: mail.text,
        bodyHtml: mail.html ?? null,
        requestId: mail.requestId ?? null,
        dedupeKey: mail.dedupeKey ?? null,
        status: 'PENDING',
        attempts: 0,
        createdAt: now,
        nextAttemptAt: now,
        resendOfId: mail.resendOf ?? null,
      })
      // Any unique key taken (the dedupe key, or the message already resent) writes nothing.
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = result.raw as { id: string }[];
    return inserted[0]?.id ?? null;
  }

  async claim(id: string, now: Date): Promise<OutboxMessage | null> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ status: 'SENDING', attempts: () => 'attempts + 1', attemptStartedAt: now })
      .where('id = :id AND status = :pending', { id, pending: 'PENDING' })
      .execute();
    if (!result.affected) return null;
    return this.findById(id);
  }

  async markSent(id: string, now: Date): Promise<void> {
    // An attempt the sweep gave up on may still have gone through: say so.
    await this.transition(id, ['SENDING', 'ABANDONED'], { status: 'SENT', sentAt: now });
  }

  async scheduleRetry(id: string, problem: DeliveryProblem, nextAttemptAt: Date): Promise<void> {
    await this.transition(id, ['SENDING'], {
      status: 'PENDING',
      lastError: LastErrorColumn.write(problem),
      nextAttemptAt,
    });
  }

  async markFailed(id: string, problem: DeliveryProblem): Promise<void> {
    await this.transition(id, ['SENDING'], {
      status: 'FAILED',
      lastError: LastErrorColumn.write(problem),
    });
  }

  async markAbandoned(id: string, problem: DeliveryProblem): Promise<void> {
    await this.transition(id, ['SENDING'], {
      status: 'ABANDONED',
      lastError: LastErrorColumn.write(problem),
    });
  }

  async abandonStuck(startedBefore: Date, problem: DeliveryProblem): Promise<string[]> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ status: 'ABANDONED', lastError: LastErrorColumn.write(problem) })
      .where('status = :sending AND attempt_started_at < :startedBefore', {
        sending: 'SENDING',
        startedBefore,
      })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.rows
      .createQueryBuilder('message')
      .select('message.id', 'id')
      .where('message.status = :pending AND message.next_attempt_at <= :now', {
        pending: 'PENDING',
        now,
      })
      .orderBy('message.next_attempt_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async page(
    after: OutboxCursor | null,
    limit: number,
    status: OutboxStatus | null = null,
  ): Promise<OutboxMessage[]> {
    const query = this.rows
      .createQueryBuilder('message')
      .orderBy('message.created_at', 'DESC')
      .addOrderBy('message.id', 'DESC')
      .limit(limit);
    // With a status: outbox_messages_status_recent_idx; without: outbox_messages_recent_idx.
    if (status) query.andWhere('message.status = :status', { status });
    if (after) {
      query.andWhere('(message.created_at, message.id) < (:createdAt, :id)', {
        createdAt: after.createdAt,
        id: after.id,
      });
    }
    const rows = await query.getMany();
    const resends = await this.resendsOf(rows.map((row) => row.id));
    return rows.map((row) => OutboxMessageMapper.toDomain(row, resends.get(row.id) ?? null));
  }

  async findById(id: string): Promise<OutboxMessage | null> {
    const row = await this.rows.findOneBy({ id });
    if (!row) return null;
    const resends = await this.resendsOf([row.id]);
    return OutboxMessageMapper.toDomain(row, resends.get(row.id) ?? null);
  }

  /** The message that resends each of these, where one was written (by the unique index). */
  private async resendsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.rows
      .createQueryBuilder('resend')
      .select(['resend.id AS id', 'resend.resend_of_id AS resend_of_id'])
      .where('resend.resend_of_id IN (:...ids)', { ids })
      .getRawMany<{ id: string; resend_of_id: string }>();
    return new Map(rows.map((row) => [row.resend_of_id, row.id]));
  }

  async sinkDeliveries(outboxId: string): Promise<SinkDelivery[]> {
    const rows = await this.manager
      .getRepository(MailSinkEntity)
      .find({ where: { outboxId }, order: { deliveredAt: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      outboxId: row.outboxId,
      recipient: row.recipient,
      subject: row.subject,
      text: row.bodyText,
      deliveredAt: row.deliveredAt,
    }));
  }

  private async transition(
    id: string,
    from: OutboxMessage['status'][],
    changes: Partial<OutboxMessageEntity>,
  ): Promise<void> {
    await this.rows.update({ id, status: In(from) }, changes);
  }
}
