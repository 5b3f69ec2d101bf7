import { Injectable } from '@nestjs/common';
import { BusinessCalendarSource } from '../../../sla/contracts/business-calendar.js';
import type { BusinessTimeSource } from '../../application/ports/business-time-source.js';
import { CalendarBusinessTime, type BusinessTime } from '../../domain/business-time.js';

/** Reports and exports count business time on the same official calendar as the deadlines. */
@Injectable()
export class OfficialBusinessTime implements BusinessTimeSource {
  constructor(private readonly calendars: BusinessCalendarSource) {}

  async current(): Promise<BusinessTime> {
    return new CalendarBusinessTime(await this.calendars.current());
  }
}
