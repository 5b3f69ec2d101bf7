import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { NotAReviewerError } from '../../../domain/initialization-request.errors.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { STAFF_DIRECTORY, type StaffDirectory } from '../../ports/staff-directory.js';
import { RequestChanges } from '../../request-changes.js';
import {
  ReleaseHeldRequestsCommand,
  type ReturnedRequest,
} from './release-held-requests.command.js';

/**
 * In one transaction (the caller's, when there is one): each held request is locked,
 * changed by one domain call and saved with its audit event, one after another in
 * deadline order. Any refusal or failure rolls every one of them back.
 */
@CommandHandler(ReleaseHeldRequestsCommand)
export class ReleaseHeldRequestsHandler implements ICommandHandler<ReleaseHeldRequestsCommand> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly changes: RequestChanges,
  ) {}

  execute({ input }: ReleaseHeldRequestsCommand): Promise<ReturnedRequest[]> {
    return this.unitOfWork.run(async () => {
      const to = input.toStaffId ? await this.staff.activeStaff(input.toStaffId) : null;
      if (input.toStaffId && !to) throw new NotAReviewerError('holdActive');
      const context = { actor: input.actor, ip: input.ip };
      const returned: ReturnedRequest[] = [];
      for (const held of await this.requests.heldBy(input.holderId)) {
        const request = await this.requests.getForUpdate(held.id);
        // Decided, withdrawn or handed on between the list and the lock.
        if (!request.isHeldBy(input.holderId)) continue;
        const now = this.clock.now();
        if (to) request.reassignFromDeactivatedHolder(to, now);
        else request.releaseFromDeactivatedHolder(now);
        await this.changes.save(request, context);
        returned.push({ id: request.id, reference: request.reference, status: request.status });
      }
      return returned;
    });
  }
}
