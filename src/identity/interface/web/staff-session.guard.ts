import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { SignInRequiredException } from '../../../shared/interface/http/sign-in-required.exception.js';
import { GetSignedInStaffQuery } from '../../application/queries/get-signed-in-staff/get-signed-in-staff.query.js';
import { PUBLIC_KEY } from '../../../shared/interface/http/access.decorators.js';
import { mayRelyOnRecentChecks } from '../../../shared/interface/http/reading-request.js';
import { sessionHasEnded } from '../../domain/ended-sessions.js';
import { RecentStaffChecks } from './recent-staff-checks.js';
import { sessionReference } from './session-reference.js';

/**
 * Every portal route needs a live session of an active staff member. The idle
 * timeout is the session cookie's rolling lifetime; the absolute one is checked here.
 * Whether the account is still active, and whether this session was ended since it
 * signed in (a password reset, a role change, "sign out my other sessions"), is read
 * from the database for every request, except that a page showing a list (the queue,
 * the audit trail, ...; `mayRelyOnRecentChecks`) may rely on a check made at most
 * STAFF_CHECK_CACHE_SECONDS ago. Only a check read from the database starts that
 * time, so a reviewer paging through the queue is looked up again every few seconds.
 */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly recent: RecentStaffChecks,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const staffId = request.session?.staffId;
    if (!staffId) throw new SignInRequiredException('no-session');
    const signedInAt = request.session.signedInAt ?? 0;
    if (this.clock.now().getTime() - signedInAt > this.config.SESSION_ABSOLUTE_HOURS * 3_600_000) {
      await endSession(request);
      throw new SignInRequiredException('expired');
    }
    const recalled = mayRelyOnRecentChecks(request.method, request.path)
      ? this.recent.recall(staffId)
      : null;
    const staff = recalled ?? (await this.queries.execute(new GetSignedInStaffQuery(staffId)));
    if (!staff) {
      this.recent.forget(staffId);
      await endSession(request);
      throw new SignInRequiredException('inactive');
    }
    if (!recalled) this.recent.remember(staff);
    const ended = sessionHasEnded(staff.endedSessions ?? null, {
      signedInAt,
      reference: () => sessionReference(request.sessionID),
    });
    if (ended) {
      await endSession(request);
      throw new SignInRequiredException('ended');
    }
    request.staff = staff;
    return true;
  }
}

function endSession(request: Request): Promise<void> {
  return new Promise((resolve) => request.session.regenerate(() => resolve()));
}
