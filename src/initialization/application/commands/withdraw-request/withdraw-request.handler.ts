import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
} from '../../../../shared/application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { RequestNotFoundError } from '../../../domain/initialization-request.errors.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { WithdrawRequestCommand } from './withdraw-request.command.js';

@CommandHandler(WithdrawRequestCommand)
export class WithdrawRequestHandler implements ICommandHandler<WithdrawRequestCommand> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DOMAIN_EVENT_RECORDER) private readonly events: DomainEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: WithdrawRequestCommand): Promise<{ status: 'WITHDRAWN' }> {
    return this.unitOfWork.run(async () => {
      const request = await this.requests.getForUpdate(command.requestId);
      if (request.toProps().intakeClient !== command.intakeClient)
        throw new RequestNotFoundError(command.requestId);
      request.withdraw(this.clock.now());
      await this.requests.save(request);
      await this.events.record(request.pullEvents(), {
        actor: { kind: 'INTAKE_CLIENT', name: command.intakeClient },
        ip: command.ip,
      });
      return { status: 'WITHDRAWN' as const };
    });
  }
}
