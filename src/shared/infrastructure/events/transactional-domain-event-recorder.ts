import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { AUDIT_LOG, type AuditLog } from '../../application/audit-log.js';
import {
  REACTS_TO,
  type DomainEventRecorder,
  type EventContext,
  type TransactionalReaction,
} from '../../application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../application/unit-of-work.js';
import type { DomainEvent } from '../../domain/domain-event.js';

/** Finds every `@ReactsTo` provider at start-up and runs them with the audit trail, in the transaction. */
@Injectable()
export class TransactionalDomainEventRecorder
  implements DomainEventRecorder, OnApplicationBootstrap
{
  private readonly reactions = new Map<string, TransactionalReaction[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const types = this.reflector.get<string[] | undefined>(REACTS_TO, metatype);
      if (!types) continue;
      for (const type of types) {
        this.reactions.set(type, [
          ...(this.reactions.get(type) ?? []),
          instance as TransactionalReaction,
        ]);
      }
    }
  }

  async record(events: readonly DomainEvent[], context: EventContext): Promise<void> {
    if (!this.unitOfWork.active)
      throw new Error('domain events must be recorded inside a unit of work');
    for (const event of events) {
      this.audit.record({
        actor: context.actor,
        action: event.type,
        requestId: event.requestId,
        subjectId: event.subjectId,
        details: { ...event.details },
        ip: context.ip,
        occurredAt: event.occurredAt,
      });
      for (const reaction of this.reactions.get(event.type) ?? []) {
        await reaction.react(event, context);
      }
    }
  }
}
