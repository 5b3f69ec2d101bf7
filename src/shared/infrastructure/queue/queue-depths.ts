import type { Queue } from 'bull';
import type { GaugeShape, SampleReader } from '../metrics/metrics-registry.js';

type Label = 'queue' | 'state';

/** The gauge every queue's owner adds its own queue to (`MetricsRegistry.gauge`). */
export const QUEUE_JOBS_GAUGE: GaugeShape<Label> = {
  name: 'beian_queue_jobs',
  help: 'Jobs in a bull queue, by state (completed and failed ones as far as bull keeps them)',
  labelNames: ['queue', 'state'],
};

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
const REDIS_TIMEOUT_MS = 2_000;

/**
 * Reads a bull queue's job counts: at once refused while its Redis client is not
 * connected, and given up after two seconds, so a scrape never waits on a lost Redis.
 */
export function queueDepths(name: string, queue: Queue): SampleReader<Label> {
  return async () => {
    if (queue.client.status !== 'ready')
      throw new Error(`the ${name} queue is not connected to Redis`);
    let timer: NodeJS.Timeout | undefined;
    const counts = await Promise.race([
      queue.getJobCounts(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('Redis did not answer in time')),
          REDIS_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return STATES.map((state) => ({ labels: { queue: name, state }, value: counts[state] }));
  };
}
