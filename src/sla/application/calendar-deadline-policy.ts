import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../shared/infrastructure/config/app-config.js';
import type { DeadlinePolicy } from '../../initialization/application/ports/deadline-policy.js';
import type {
  SlaDescriber,
  SlaDescription,
} from '../../initialization/application/ports/sla-describer.js';
import type { Deadline } from '../../initialization/domain/initialization-request.js';
import { slaStateOf, type SlaFacts } from '../domain/sla-state.js';
import { BusinessCalendarSource } from './business-calendar-source.js';

/**
 * The SLA rule on the official calendar: due at the end of the Nth business day
 * after the effective start; at risk once SLA_AT_RISK_HOURS business hours or
 * fewer remain; a request waiting for the applicant expires at the end of the
 * AWAITING_APPLICANT_EXPIRY_DAYS-th business day.
 */
@Injectable()
export class CalendarDeadlinePolicy implements DeadlinePolicy, SlaDescriber {
  constructor(
    private readonly calendars: BusinessCalendarSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deadlineFor(receivedAt: Date): Promise<Deadline> {
    const calendar = await this.calendars.current();
    const dueAt = calendar.dueAt(receivedAt, this.config.SLA_BUSINESS_DAYS);
    return {
      dueAt,
      atRiskAt: calendar.subtractBusinessMinutes(dueAt, this.config.SLA_AT_RISK_HOURS * 60),
    };
  }

  async applicantReplyDeadline(requestedAt: Date): Promise<Date> {
    return (await this.calendars.current()).endOfBusinessDayAfter(
      requestedAt,
      this.config.AWAITING_APPLICANT_EXPIRY_DAYS,
    );
  }

  async describe(facts: SlaFacts, now: Date): Promise<SlaDescription> {
    return (await this.describeAll([facts], now))[0]!;
  }

  async describeAll(facts: readonly SlaFacts[], now: Date): Promise<SlaDescription[]> {
    const calendar = await this.calendars.current();
    // A page of a queue shares a handful of deadlines (18:00 of a few days): count each once.
    const counted = new Map<number, number>();
    const minutesUntil = (dueAt: Date): number => {
      let minutes = counted.get(dueAt.getTime());
      if (minutes === undefined) {
        minutes = calendar.businessMinutesBetween(now, dueAt);
        counted.set(dueAt.getTime(), minutes);
      }
      return minutes;
    };
    return facts.map((fact) => {
      const state = slaStateOf(fact, now);
      const running = state === 'ON_TRACK' || state === 'AT_RISK' || state === 'BREACHED';
      const minutes = running && fact.dueAt ? minutesUntil(fact.dueAt) : null;
      return {
        slaState: state,
        businessMinutesRemaining: minutes === null ? null : Math.floor(minutes),
      };
    });
  }
}
