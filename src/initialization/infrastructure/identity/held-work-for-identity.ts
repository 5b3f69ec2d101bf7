import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type {
  HeldRequest,
  HeldWork,
  ReturnedRequest,
} from '../../../identity/contracts/held-work.js';
import type { Actor, StaffActor } from '../../../shared/domain/actor.js';
import { ReleaseHeldRequestsCommand } from '../../application/commands/release-held-requests/release-held-requests.command.js';
import { HeldRequestsQuery } from '../../application/queries/held-requests/held-requests.query.js';

/**
 * Identity's `HeldWork` port, answered with this context's published query and command
 * (the command joins the caller's transaction: the deactivation and the requests it gives
 * back commit together). Provided to identity by `InitializationPortsModule`.
 */
@Injectable()
export class HeldWorkForIdentity implements HeldWork {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  heldBy(staffId: string, viewer: StaffActor): Promise<HeldRequest[]> {
    return this.queries.execute(new HeldRequestsQuery(staffId, viewer));
  }

  async giveBack(
    holderId: string,
    toStaffId: string | null,
    context: { actor: Actor; ip: string | null },
  ): Promise<ReturnedRequest[]> {
    const returned = await this.commands.execute(
      new ReleaseHeldRequestsCommand({ holderId, toStaffId, ...context }),
    );
    return returned.map(({ id, reference, status }) => ({ id, reference, status }));
  }
}
