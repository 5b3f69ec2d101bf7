import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from '../../../shared/infrastructure/metrics/metrics-registry.js';

/** Every outbox status but SENT: waiting, being sent, or given up. */
const BACKLOG_STATUSES = ['PENDING', 'SENDING', 'FAILED', 'ABANDONED'] as const;

/**
 * The outbox backlog on `/metrics`: mail not (yet) delivered, by status, counted with
 * this context's own SQL (the status index) and cached by the registry.
 */
@Injectable()
export class OutboxMetrics {
  constructor(metrics: MetricsRegistry, dataSource: DataSource) {
    metrics.gauge(
      {
        name: 'beian_outbox_messages',
        help: 'Mail in the outbox not delivered: waiting (PENDING), being sent (SENDING), or given up (FAILED, ABANDONED)',
        labelNames: ['status'],
      },
      async () => {
        const rows: { status: string; count: number }[] = await dataSource.query(
          `SELECT status, count(*)::int AS count FROM outbox_messages
           WHERE status = ANY($1) GROUP BY status`,
          [BACKLOG_STATUSES],
        );
        const counts = new Map(rows.map((row) => [row.status, row.count]));
        return BACKLOG_STATUSES.map((status) => ({
          labels: { status },
          value: counts.get(status) ?? 0,
        }));
      },
    );
  }
}
