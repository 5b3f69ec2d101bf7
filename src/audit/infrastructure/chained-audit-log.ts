import { Inject, Injectable } from '@nestjs/common';
import { AuditChain, type AuditEventInput } from '@lib/audit-trail';
import type { AuditEntry, AuditLog } from '../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../shared/application/clock.js';
import { TypeormUnitOfWork } from '../../shared/infrastructure/database/typeorm-unit-of-work.js';
import { CheckpointCopies } from './checkpoints/checkpoint-copies.js';
import { AUDIT_KEYS, type AuditKeys } from './keys/audit-keys.js';

interface PendingEvents {
  events: AuditEventInput[];
}

/**
 * AuditLog over the hash chain: entries recorded during a unit of work are
 * appended together just before it commits, in the same transaction, each linked
 * under the keyring's current key (AUDIT_KEYS); the first append of a trail also
 * makes the switch to keyed links and checkpoint #1.
 */
@Injectable()
export class ChainedAuditLog implements AuditLog {
  private readonly chain = new AuditChain();
  private readonly pending = new WeakMap<object, PendingEvents>();

  constructor(
    private readonly unitOfWork: TypeormUnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    private readonly copies: CheckpointCopies,
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
        const { privateKey, fingerprint } = this.keys.signer;
        const { checkpoints } = await this.chain.append(
          manager,
          created.events,
          {
            linkKeys: this.keys.linkKeys,
            signer: { privateKey, fingerprint },
            beforeSwitch: () => this.copies.refuseSwitchIfCopied(),
          },
          this.clock.now(),
        );
        // Checkpoint #1 (the switch to keyed links) is copied outside once it has committed.
        if (checkpoints.length > 0)
          this.unitOfWork.afterCommit(() => this.copies.copyAll(checkpoints));
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
