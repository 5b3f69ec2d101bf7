import { DateTime } from 'luxon';
import { msg, type Message } from '../../shared/i18n/message.js';
import type { BusinessTime } from './business-time.js';
import { submissionsOf, type DayRange, type RequestFigures } from './request-figures.js';

/** The figures of one business day, one week, or the whole range. */
export interface PeriodFigures {
  key: string;
  /** "2026-11-23 Mon" · "2026-11-23 周一", "Week of 2026-11-23" · "2026-11-23 起的一周" */
  label: Message;
  received: number;
  /** Approved + rejected + expired. */
  decided: number;
  approved: number;
  rejected: number;
  expired: number;
  withdrawn: number;
  /** Approvals and rejections by the deadline. */
  met: number;
  /** Approvals and rejections after the deadline. */
  breaches: number;
  /** met / (met + breaches), 0–1; null without such decisions. */
  onTimeRate: number | null;
  /** Business hours from receipt to an approval or rejection. */
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ReviewerFigures {
  name: string;
  /** Approvals and rejections this person made final. */
  decisions: number;
  medianHours: number | null;
  submittedForSecondApproval: number;
  sentBack: number;
  /** sentBack / submittedForSecondApproval, 0–1. */
  sentBackShare: number | null;
}

export interface ReasonFrequency {
  code: string;
  count: number;
  /** Share of rejections giving this reason, 0–1. */
  share: number;
}

export interface SlaReport {
  range: DayRange;
  days: PeriodFigures[];
  weeks: PeriodFigures[];
  total: PeriodFigures;
  reviewers: ReviewerFigures[];
  rejections: number;
  rejectReasons: ReasonFrequency[];
}

/** The p-th percentile, interpolating between ranks (Excel's PERCENTILE.INC). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

const hours = (minutes: number | null): number | null => (minutes === null ? null : minutes / 60);

class PeriodTally {
  received = 0;
  approved = 0;
  rejected = 0;
  expired = 0;
  withdrawn = 0;
  met = 0;
  breaches = 0;
  readonly minutes: number[] = [];

  constructor(
    readonly key: string,
    readonly label: Message,
  ) {}

  figures(): PeriodFigures {
    const judged = this.met + this.breaches;
    return {
      key: this.key,
      label: this.label,
      received: this.received,
      decided: this.approved + this.rejected + this.expired,
      approved: this.approved,
      rejected: this.rejected,
      expired: this.expired,
      withdrawn: this.withdrawn,
      met: this.met,
      breaches: this.breaches,
      onTimeRate: judged === 0 ? null : this.met / judged,
      medianHours: hours(percentile(this.minutes, 50)),
      p90Hours: hours(percentile(this.minutes, 90)),
    };
  }
}

/** ISO week of a day: `2026-W48`, labelled by its Monday. */
export function weekOf(day: string): { key: string; label: Message } {
  const date = DateTime.fromISO(day, { zone: 'UTC' });
  return {
    key: date.toFormat("kkkk-'W'WW"),
    label: msg('reports.period.week', { monday: date.startOf('week').toISODate()! }),
  };
}

/**
 * Throughput and SLA figures for a range of business days, built one request
 * at a time (only the counters and the decision times are kept). Receipts count
 * on the business day they were received (a day off counts on the next business
 * day), decisions on the business day they were made.
 */
export class SlaReportBuilder {
  private readonly days = new Map<string, PeriodTally>();
  private readonly weeks = new Map<string, PeriodTally>();
  private readonly total: PeriodTally;
  private readonly reviewers = new Map<
    string,
    { decisions: number; minutes: number[]; submitted: number; sentBack: number }
  >();
  private readonly reasons = new Map<string, number>();
  private rejections = 0;

  constructor(
    private readonly range: DayRange,
    time: BusinessTime,
  ) {
    this.total = new PeriodTally(
      'total',
      msg('reports.period.total', { from: range.from, to: range.to }),
    );
    for (
      let day = DateTime.fromISO(range.from, { zone: 'UTC' });
      day.toISODate()! <= range.to;
      day = day.plus({ days: 1 })
    ) {
      const date = day.toISODate()!;
      if (!time.isBusinessDay(date)) continue;
      this.days.set(
        date,
        new PeriodTally(date, msg('reports.period.day', { date, weekday: String(day.weekday) })),
      );
      const week = weekOf(date);
      if (!this.weeks.has(week.key))
        this.weeks.set(week.key, new PeriodTally(week.key, week.label));
    }
  }

  add(figures: RequestFigures): void {
    const { record } = figures;
    if (this.contains(figures.receivedOn)) {
      for (const tally of this.talliesOf(figures.receivedOn)) tally.received += 1;
    }
    if (figures.decidedOn === null || !this.contains(figures.decidedOn)) return;
    const outcome = record.decisionOutcome;
    for (const tally of this.talliesOf(figures.decidedOn)) {
      if (outcome === 'APPROVED') tally.approved += 1;
      else if (outcome === 'REJECTED') tally.rejected += 1;
      else if (outcome === 'EXPIRED') tally.expired += 1;
      else if (outcome === 'WITHDRAWN') tally.withdrawn += 1;
      if (record.slaOutcome === 'MET') tally.met += 1;
      if (record.slaOutcome === 'MISSED') tally.breaches += 1;
      if (figures.businessMinutesToDecision !== null) {
        tally.minutes.push(figures.businessMinutesToDecision);
      }
    }
    if (record.decidedBy && figures.businessMinutesToDecision !== null) {
      const reviewer = this.reviewer(record.decidedBy);
      reviewer.decisions += 1;
      reviewer.minutes.push(figures.businessMinutesToDecision);
    }
    for (const submission of submissionsOf(record)) {
      const reviewer = this.reviewer(submission.by);
      reviewer.submitted += 1;
      if (submission.sentBack) reviewer.sentBack += 1;
    }
    if (outcome === 'REJECTED') {
      this.rejections += 1;
      for (const reason of new Set(record.rejectReasons)) {
        this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
      }
    }
  }

  build(): SlaReport {
    return {
      range: { ...this.range },
      days: [...this.days.values()].map((tally) => tally.figures()),
      weeks: [...this.weeks.values()].map((tally) => tally.figures()),
      total: this.total.figures(),
      reviewers: [...this.reviewers.entries()]
        .map(([name, reviewer]) => ({
          name,
          decisions: reviewer.decisions,
          medianHours: hours(percentile(reviewer.minutes, 50)),
          submittedForSecondApproval: reviewer.submitted,
          sentBack: reviewer.sentBack,
          sentBackShare: reviewer.submitted === 0 ? null : reviewer.sentBack / reviewer.submitted,
        }))
        .sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name)),
      rejections: this.rejections,
      rejectReasons: [...this.reasons.entries()]
        .map(([code, count]) => ({ code, count, share: count / this.rejections }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    };
  }

  private contains(day: string): boolean {
    return day >= this.range.from && day <= this.range.to;
  }

  private talliesOf(day: string): PeriodTally[] {
    const tallies = [this.total];
    const dayTally = this.days.get(day);
    if (dayTally) tallies.push(dayTally);
    const weekTally = this.weeks.get(weekOf(day).key);
    if (weekTally) tallies.push(weekTally);
    return tallies;
  }

  private reviewer(name: string) {
    let reviewer = this.reviewers.get(name);
    if (!reviewer) {
      reviewer = { decisions: 0, minutes: [], submitted: 0, sentBack: 0 };
      this.reviewers.set(name, reviewer);
    }
    return reviewer;
  }
}
