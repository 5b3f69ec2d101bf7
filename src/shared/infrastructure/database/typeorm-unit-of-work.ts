import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { asAuditTrailNeedsAttention } from '../../application/audit-trail-attention.js';
import type { UnitOfWork } from '../../application/unit-of-work.js';

interface Scope {
  manager: EntityManager;
  beforeCommit: (() => Promise<void>)[];
  afterCommit: (() => Promise<void> | void)[];
}

/**
 * The unit of work over TypeORM: one transaction per `run`, joined by nested
 * calls; repositories read the transaction's EntityManager from `manager()`.
 */
@Injectable()
export class TypeormUnitOfWork implements UnitOfWork {
  private readonly logger = new Logger(TypeormUnitOfWork.name);
  private readonly storage = new AsyncLocalStorage<Scope>();

  constructor(private readonly dataSource: DataSource) {}

  get active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /** The current transaction's manager, or the pool's outside a unit of work. */
  manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const scope: Scope = { manager: this.dataSource.manager, beforeCommit: [], afterCommit: [] };
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        scope.manager = manager;
        return this.storage.run(scope, async () => {
          const value = await work();
          // Hooks may register further hooks (an audited side effect), so index, not iterate.
          for (let index = 0; index < scope.beforeCommit.length; index += 1) {
            await scope.beforeCommit[index]!();
          }
          return value;
        });
      });
    } catch (error) {
      // Rows beyond the audit trail's head (BDA01): every audited change fails the same way.
      throw asAuditTrailNeedsAttention(error) ?? error;
    }
    for (const hook of scope.afterCommit) {
      try {
        await hook();
      } catch (error) {
        this.logger.error({ err: error }, 'an after-commit hook failed');
      }
    }
    return result;
  }

  beforeCommit(work: () => Promise<void>): void {
    this.requireScope('beforeCommit').beforeCommit.push(work);
  }

  afterCommit(work: () => Promise<void> | void): void {
    this.requireScope('afterCommit').afterCommit.push(work);
  }

  private requireScope(what: string): Scope {
    const scope = this.storage.getStore();
    if (!scope) throw new Error(`${what} needs an active unit of work`);
    return scope;
  }
}
