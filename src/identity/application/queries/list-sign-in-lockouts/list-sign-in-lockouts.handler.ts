import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { msg } from '../../../../shared/i18n/message.js';
import { SIGN_IN_THROTTLE, type SignInThrottle } from '../../ports/sign-in-throttle.js';
import { ListSignInLockoutsQuery, type SignInLockoutList } from './list-sign-in-lockouts.query.js';

/** The most the admin's page lists; the rest are counted. */
const SHOWN = 100;

@QueryHandler(ListSignInLockoutsQuery)
export class ListSignInLockoutsHandler implements IQueryHandler<ListSignInLockoutsQuery> {
  constructor(
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<SignInLockoutList> {
    const { lockouts, total } = await this.throttle.lockouts(this.clock.now(), SHOWN);
    return {
      items: lockouts.map((lockout) => ({
        ...lockout,
        kind: msg(`identity.lockouts.kind.${lockout.scope}`),
      })),
      more:
        total > lockouts.length
          ? msg('identity.lockouts.more', { shown: lockouts.length, total })
          : null,
    };
  }
}
