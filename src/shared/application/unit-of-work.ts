/**
 * One database transaction around a use case. Work registered with
 * `beforeCommit` runs last inside the transaction (the audit trail appends its
 * events there, so the chain lock is held as briefly as possible); work
 * registered with `afterCommit` runs once the transaction has committed
 * (publishing events, nudging queues) and never when it rolled back.
 */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
  beforeCommit(work: () => Promise<void>): void;
  afterCommit(work: () => Promise<void> | void): void;
  /** True inside `run`. */
  readonly active: boolean;
}
export const UNIT_OF_WORK = Symbol('UnitOfWork');
