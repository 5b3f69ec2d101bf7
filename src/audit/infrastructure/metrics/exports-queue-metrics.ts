import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { MetricsRegistry } from '../../../shared/infrastructure/metrics/metrics-registry.js';
import {
  QUEUE_JOBS_GAUGE,
  queueDepths,
} from '../../../shared/infrastructure/queue/queue-depths.js';
import { EXPORTS_QUEUE, type ExportJobData } from '../queue/export-queue.constants.js';

/** The `exports` queue's depths on `/metrics` (where the queue exists: the server). */
@Injectable()
export class ExportsQueueMetrics {
  constructor(metrics: MetricsRegistry, @InjectQueue(EXPORTS_QUEUE) queue: Queue<ExportJobData>) {
    metrics.gauge(QUEUE_JOBS_GAUGE, queueDepths(EXPORTS_QUEUE, queue));
  }
}
