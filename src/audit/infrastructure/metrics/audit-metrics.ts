import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from '../../../shared/infrastructure/metrics/metrics-registry.js';

const EXPORT_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REMOVED'] as const;

/**
 * This context's series on `/metrics`: export jobs by status, and the audit chain's
 * length (the head's sequence number: one row, not a count of the trail).
 */
@Injectable()
export class AuditMetrics {
  constructor(metrics: MetricsRegistry, dataSource: DataSource) {
    metrics.gauge(
      {
        name: 'beian_export_jobs',
        help: 'Export jobs by status',
        labelNames: ['status'],
      },
      async () => {
        const rows: { status: string; count: number }[] = await dataSource.query(
          `SELECT status, count(*)::int AS count FROM data_exports GROUP BY status`,
        );
        const counts = new Map(rows.map((row) => [row.status, row.count]));
        return EXPORT_STATUSES.map((status) => ({
          labels: { status },
          value: counts.get(status) ?? 0,
        }));
      },
    );
    metrics.gauge(
      {
        name: 'beian_audit_chain_length',
        help: 'Events in the hash-chained audit trail',
        labelNames: [],
      },
      async () => {
        const rows: { seq: string }[] = await dataSource.query(
          `SELECT seq FROM audit_chain_head WHERE id = 1`,
        );
        return [{ labels: {}, value: Number(rows[0]?.seq ?? 0) }];
      },
    );
  }
}
