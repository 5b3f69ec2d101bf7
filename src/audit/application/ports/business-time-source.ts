import type { BusinessTime } from '../../domain/business-time.js';

/**
 * The business calendar as it stands now (official arrangements and business
 * hours), for one report or export: its answers are synchronous.
 */
export interface BusinessTimeSource {
  current(): Promise<BusinessTime>;
}
export const BUSINESS_TIME_SOURCE = Symbol('BusinessTimeSource');
