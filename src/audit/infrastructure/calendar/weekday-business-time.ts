import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type { BusinessTimeSource } from '../../application/ports/business-time-source.js';
import { WorkingHours, isWeekday, type BusinessTime } from '../../domain/business-time.js';

/**
 * Business time on plain weekdays within BUSINESS_DAY_START–END, in TZ_BUSINESS.
 * A stand-in until the official calendar (`@lib/business-calendar`) is bound to
 * BUSINESS_TIME_SOURCE: give `WorkingHours` its `isBusinessDay`.
 */
@Injectable()
export class WeekdayBusinessTime implements BusinessTimeSource {
  private readonly time: BusinessTime;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.time = new WorkingHours({
      zone: config.TZ_BUSINESS,
      dayStart: config.BUSINESS_DAY_START,
      dayEnd: config.BUSINESS_DAY_END,
      isBusinessDay: isWeekday,
    });
  }

  async current(): Promise<BusinessTime> {
    return this.time;
  }
}
