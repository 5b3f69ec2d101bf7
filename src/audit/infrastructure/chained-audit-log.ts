import { Inject, Injectable } from '@nestjs/common';
import { AuditChain, type AuditEventInput } from '@lib/audit-trail';
import type { AuditEntry, AuditLog } from '../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../shared/application/clock.js';
import { TypeormUnitOfWork } from '../../shared/infrastructure/database/typeorm-unit-of-work.js';

interface PendingEvents {
  events: AuditEventInput[];
}

/**
 * AuditLog over the hash chain: entries recorded during a unit of work are
 * appended together just before it commits, in the same transaction.
 */
@Injectable()
export class ChainedAuditLog implements AuditLog {
  private readonly chain = new AuditChain();
  private readonly pending = new WeakMap<object, PendingEvents>();

  constructor(
    private readonly unitOfWork: TypeormUnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(entry: AuditEntry): void {
    if (!this.unitOfWork.active) {
      throw new Error(`audit event ${entry.action} recorded outside a unit of work`);
    }
    const manager = this.unitOfWork.manager();
    let batch = this.pending.get(manager);
    if (!batch) {
      const created: PendingEvents = { events: [] };
      batch = created;
      this.pending.set(manager, created);
      this.unitOfWork.beforeCommit(async () => {
        this.pending.delete(manager);
        await this.chain.append(manager, created.events);
      });
    }
    batch.events.push(toEventInput(entry, this.clock.now()));
  }
}

export function toEventInput(entry: AuditEntry, now: Date): AuditEventInput {
  const actor = entry.actor;
  return {
    occurredAt: entry.occurredAt ?? now,
    actorType: actor.kind,
    actorId: actor.kind === 'STAFF' ? actor.id : null,
    actorRole: actor.kind === 'STAFF' ? actor.role : null,
    actorName: actor.name,
    action: entry.action,
    requestId: entry.requestId ?? null,
    subjectId: entry.subjectId ?? null,
    // Round-trip through JSON so the hashed details equal what jsonb stores and returns.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
    ip: entry.ip ?? null,
  };
}
