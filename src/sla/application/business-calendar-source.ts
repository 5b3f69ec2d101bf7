import { Inject, Injectable } from '@nestjs/common';
import { BusinessCalendar } from '@lib/business-calendar';
import { APP_CONFIG, type AppConfig } from '../../shared/infrastructure/config/app-config.js';
import { CALENDAR_REPOSITORY, type CalendarRepository } from './ports/calendar-repository.js';

const FRESH_FOR_MS = 60_000;

/**
 * The business calendar as stored in the database, built once and kept for a
 * minute (so an edit on another instance is seen within a minute; an edit on
 * this one at once).
 */
@Injectable()
export class BusinessCalendarSource {
  private cached: { calendar: BusinessCalendar; builtAt: number } | null = null;
  private building: Promise<BusinessCalendar> | null = null;

  constructor(
    @Inject(CALENDAR_REPOSITORY) private readonly repository: CalendarRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(): Promise<BusinessCalendar> {
    if (this.cached && Date.now() - this.cached.builtAt < FRESH_FOR_MS) return this.cached.calendar;
    this.building ??= this.build().finally(() => (this.building = null));
    return this.building;
  }

  invalidate(): void {
    this.cached = null;
  }

  /** Business hours and zone from the configuration. */
  get options() {
    return {
      zone: this.config.TZ_BUSINESS,
      hours: { start: this.config.BUSINESS_DAY_START, end: this.config.BUSINESS_DAY_END },
    };
  }

  private async build(): Promise<BusinessCalendar> {
    const calendar = new BusinessCalendar(await this.repository.loadArrangements(), this.options);
    this.cached = { calendar, builtAt: Date.now() };
    return calendar;
  }
}
