import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ReleaseHeldRequestsCommand } from '../../../initialization/application/commands/release-held-requests/release-held-requests.command.js';
import { HeldRequestsQuery } from '../../../initialization/application/queries/held-requests/held-requests.query.js';
import type { Actor, StaffActor } from '../../../shared/domain/actor.js';
import type { HeldRequest, HeldWork, ReturnedRequest } from '../../application/ports/held-work.js';

/**
 * The initialization context's held requests, through its published query and command
 * (the command joins the caller's transaction: the deactivation and the requests it
 * gives back commit together).
 */
@Injectable()
export class InitializationHeldWork implements HeldWork {
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
