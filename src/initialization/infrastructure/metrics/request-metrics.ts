import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import {
  MetricsRegistry,
  type Sample,
} from '../../../shared/infrastructure/metrics/metrics-registry.js';
import {
  CLOCK_RUNNING_STATUSES,
  REQUEST_STATUSES,
  TERMINAL_STATUSES,
} from '../../domain/request-status.js';

const OPEN_STATUSES = REQUEST_STATUSES.filter((status) => !TERMINAL_STATUSES.includes(status));
const RUNNING = `(${CLOCK_RUNNING_STATUSES.map((status) => `'${status}'`).join(', ')})`;

interface SlaCounts {
  at_risk: number;
  breached: number;
}

/**
 * This context's series on `/metrics`: open requests by status, and the undecided ones
 * past the at-risk line or the deadline (as the queue's tabs count them), read with its
 * own SQL through the queue's indexes and cached by the registry.
 */
@Injectable()
export class RequestMetrics {
  private slaReading: Promise<SlaCounts> | null = null;

  constructor(
    metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    metrics.gauge(
      {
        name: 'beian_requests_open',
        help: 'Requests not yet decided, withdrawn or expired, by status',
        labelNames: ['status'],
      },
      () => this.openByStatus(),
    );
    metrics.gauge(
      {
        name: 'beian_requests_at_risk',
        help: 'Requests waiting for staff past their at-risk line, not yet past their deadline',
        labelNames: [],
      },
      async () => [{ labels: {}, value: (await this.slaCounts()).at_risk }],
    );
    metrics.gauge(
      {
        name: 'beian_requests_breached',
        help: 'Requests waiting for staff past their deadline',
        labelNames: [],
      },
      async () => [{ labels: {}, value: (await this.slaCounts()).breached }],
    );
  }

  private async openByStatus(): Promise<Sample<'status'>[]> {
    const rows: { status: string; count: number }[] = await this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM initialization_requests
       WHERE status = ANY($1) GROUP BY status`,
      [OPEN_STATUSES],
    );
    const counts = new Map(rows.map((row) => [row.status, row.count]));
    return OPEN_STATUSES.map((status) => ({ labels: { status }, value: counts.get(status) ?? 0 }));
  }

  /** Both lines in one statement, shared by the two gauges of one scrape. */
  private slaCounts(): Promise<SlaCounts> {
    this.slaReading ??= this.dataSource
      .query(
        `SELECT count(*) FILTER (WHERE due_at > $1 AND at_risk_at <= $1)::int AS at_risk,
                count(*) FILTER (WHERE due_at <= $1)::int AS breached
         FROM initialization_requests WHERE status IN ${RUNNING}`,
        [this.clock.now()],
      )
      .then((rows: SlaCounts[]) => rows[0]!)
      .finally(() => {
        this.slaReading = null;
      });
    return this.slaReading;
  }
}
