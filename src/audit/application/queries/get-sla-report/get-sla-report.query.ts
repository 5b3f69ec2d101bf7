import { Query } from '@nestjs/cqrs';
import type { SlaReport } from '../../../domain/sla-report.js';

/** Throughput and SLA figures for a range of days (default: the last four weeks). */
export class GetSlaReportQuery extends Query<SlaReport> {
  constructor(
    readonly from?: string,
    readonly to?: string,
  ) {
    super();
  }
}
