import { AsyncLocalStorage } from 'node:async_hooks';
import type { UnitOfWork } from '../../application/unit-of-work.js';

/** A store whose state a unit of work can put back when the work fails. */
export interface Transactional {
  /** The state as it is now; calling the returned function restores it. */
  snapshot(): () => void;
}

interface Scope {
  beforeCommit: (() => Promise<void>)[];
  afterCommit: (() => Promise<void> | void)[];
}

/**
 * The unit of work in memory, for fast handler tests: nested runs join the outer one, a
 * failed run restores every enlisted store as it was, `beforeCommit` work runs last
 * inside, `afterCommit` work only after success. Runs are not isolated from each other
 * (no row locks): the tests drive one use case at a time. The shared contract suite
 * (test/contracts/) holds it to the same behaviour as the TypeORM unit of work.
 */
export class InMemoryUnitOfWork implements UnitOfWork {
  private readonly storage = new AsyncLocalStorage<Scope>();
  private readonly stores: Transactional[] = [];

  /** Puts this store under the unit of work: a failed run restores it. */
  enlist(store: Transactional): void {
    this.stores.push(store);
  }

  get active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return work();
    const scope: Scope = { beforeCommit: [], afterCommit: [] };
    const restore = this.stores.map((store) => store.snapshot());
    let result: T;
    try {
      result = await this.storage.run(scope, async () => {
        const value = await work();
        // Hooks may register further hooks, so index, not iterate (as the TypeORM one).
        for (let index = 0; index < scope.beforeCommit.length; index += 1) {
          await scope.beforeCommit[index]!();
        }
        return value;
      });
    } catch (error) {
      for (const back of restore) back();
      throw error;
    }
    for (const hook of scope.afterCommit) {
      try {
        await hook();
      } catch {
        // As the TypeORM unit of work: a failed after-commit hook does not undo the commit.
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
