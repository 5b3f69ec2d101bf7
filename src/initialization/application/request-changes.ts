import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../shared/application/clock.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
  type EventContext,
} from '../../shared/application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../shared/application/unit-of-work.js';
import { isSerializationFailure } from '../../shared/infrastructure/database/postgres-errors.js';
import type { InitializationRequest } from '../domain/initialization-request.js';
import { StaleRequestError } from '../domain/initialization-request.errors.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from './ports/initialization-request.repository.js';

/** Which request a change is for, and optionally the version the person saw when deciding. */
export interface RequestTarget {
  requestId: string;
  expectedVersion?: number;
}

const ATTEMPTS = 3;

/**
 * The shape of every review use case: in one transaction, lock and load the
 * request, make one domain call, save it, and record its events (audit trail
 * and in-transaction reactions). Two reviewers acting at once are serialised
 * by the row lock; the second sees the first's outcome and gets the domain's
 * refusal. A deadlock victim is retried from the start.
 */
@Injectable()
export class RequestChanges {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DOMAIN_EVENT_RECORDER) private readonly events: DomainEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `change` is the one domain call; `consequences`, if given, runs after the
   * change is saved and recorded, in the same transaction (what an approval
   * does to the registry and to other requests).
   */
  async apply<T>(
    target: RequestTarget,
    context: EventContext,
    change: (request: InitializationRequest, now: Date) => Promise<T> | T,
    consequences?: (request: InitializationRequest, result: T, now: Date) => Promise<void>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.unitOfWork.run(async () => {
          const request = await this.requests.getForUpdate(target.requestId);
          if (target.expectedVersion !== undefined && target.expectedVersion !== request.version) {
            throw new StaleRequestError();
          }
          const now = this.clock.now();
          const result = await change(request, now);
          await this.save(request, context);
          await consequences?.(request, result, now);
          return result;
        });
      } catch (error) {
        if (attempt >= ATTEMPTS || !isSerializationFailure(error)) throw error;
      }
    }
  }

  /** Saves another request changed as a consequence, inside the same unit of work. */
  async save(request: InitializationRequest, context: EventContext): Promise<void> {
    await this.requests.save(request);
    await this.events.record(request.pullEvents(), context);
  }
}
