import { Inject, Injectable } from '@nestjs/common';
import type { BusinessCalendar } from '@lib/business-calendar';
import { APP_CONFIG, type AppConfig } from '../../shared/infrastructure/config/app-config.js';
import type {
  Deadline,
  DeadlinePolicy,
  SlaDescriber,
  SlaDescription,
  SlaState,
} from '../../initialization/contracts/sla.js';
import { slaStateOf, type SlaFacts } from '../domain/sla-state.js';
import { BusinessCalendarSource } from './business-calendar-source.js';

/** States in which the SLA clock runs towards `dueAt`. */
const RUNNING: ReadonlySet<SlaState> = new Set(['ON_TRACK', 'AT_RISK', 'BREACHED']);

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
    return this.on(await this.calendars.current()).deadlineFor(receivedAt);
  }

  async applicantReplyDeadline(requestedAt: Date): Promise<Date> {
    return this.on(await this.calendars.current()).applicantReplyDeadline(requestedAt);
  }

  /**
   * The same rules on a given calendar: the deadlines as they will be once an edit
   * of the calendar is saved (what the edit's preview counts and its save applies).
   */
  on(calendar: BusinessCalendar): DeadlinePolicy {
    const { SLA_BUSINESS_DAYS, SLA_AT_RISK_HOURS, AWAITING_APPLICANT_EXPIRY_DAYS } = this.config;
    return {
      deadlineFor: (receivedAt) => {
        const dueAt = calendar.dueAt(receivedAt, SLA_BUSINESS_DAYS);
        return Promise.resolve({
          dueAt,
          atRiskAt: calendar.subtractBusinessMinutes(dueAt, SLA_AT_RISK_HOURS * 60),
        });
      },
      applicantReplyDeadline: (requestedAt) =>
        Promise.resolve(
          calendar.endOfBusinessDayAfter(requestedAt, AWAITING_APPLICANT_EXPIRY_DAYS),
        ),
    };
  }

  async describe(facts: SlaFacts, now: Date): Promise<SlaDescription> {
    return (await this.describeAll([facts], now))[0]!;
  }

  async describeAll(facts: readonly SlaFacts[], now: Date): Promise<SlaDescription[]> {
    const calendar = await this.calendars.current();
    const described = facts.map((fact) => {
      const slaState = slaStateOf(fact, now);
      return { slaState, runningUntil: slaState && RUNNING.has(slaState) ? fact.dueAt : null };
    });
    // A page of a queue: one walk over the calendar for all its deadlines.
    const deadlines = described.flatMap(({ runningUntil }) => (runningUntil ? [runningUntil] : []));
    const minutes = calendar.businessMinutesFrom(now, deadlines);
    const minutesUntil = new Map(
      deadlines.map((dueAt, index) => [dueAt.getTime(), minutes[index]!]),
    );
    return described.map(({ slaState, runningUntil }) => ({
      slaState,
      businessMinutesRemaining: runningUntil
        ? Math.floor(minutesUntil.get(runningUntil.getTime())!)
        : null,
    }));
  }
}
