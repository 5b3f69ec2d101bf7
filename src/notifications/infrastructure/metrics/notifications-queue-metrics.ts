import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { MetricsRegistry } from '../../../shared/infrastructure/metrics/metrics-registry.js';
import {
  QUEUE_JOBS_GAUGE,
  queueDepths,
} from '../../../shared/infrastructure/queue/queue-depths.js';
import { NOTIFICATIONS_QUEUE, type DeliveryJob } from '../queue/delivery-queue.constants.js';

/** The `notifications` queue's depths on `/metrics` (where the queue exists: the server). */
@Injectable()
export class NotificationsQueueMetrics {
  constructor(
    metrics: MetricsRegistry,
    @InjectQueue(NOTIFICATIONS_QUEUE) queue: Queue<DeliveryJob>,
  ) {
    metrics.gauge(QUEUE_JOBS_GAUGE, queueDepths(NOTIFICATIONS_QUEUE, queue));
  }
}
