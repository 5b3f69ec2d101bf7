import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type { SignedInStaff } from '../../application/queries/get-signed-in-staff/signed-in-staff.js';

/**
 * The staff checks this instance made in the last STAFF_CHECK_CACHE_SECONDS, for
 * list pages (`mayRelyOnRecentChecks`): a reviewer paging through the queue is not looked up
 * again on every click. Anything that changes data checks the account afresh,
 * and a deactivation through this instance forgets the account at once.
 */
@Injectable()
export class RecentStaffChecks {
  private readonly ttlMs: number;
  private readonly checks = new Map<string, { staff: SignedInStaff; until: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlMs = config.STAFF_CHECK_CACHE_SECONDS * 1000;
  }

  recall(staffId: string): SignedInStaff | null {
    const check = this.checks.get(staffId);
    if (!check) return null;
    if (check.until > performance.now()) return check.staff;
    this.checks.delete(staffId);
    return null;
  }

  remember(staff: SignedInStaff): void {
    if (this.ttlMs === 0) return;
    this.checks.set(staff.id, { staff, until: performance.now() + this.ttlMs });
  }

  forget(staffId: string): void {
    this.checks.delete(staffId);
  }
}
