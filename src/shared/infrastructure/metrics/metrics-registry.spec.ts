import { describe, expect, it } from '@jest/globals';
import { MetricsRegistry } from './metrics-registry.js';

const SHAPE = { name: 'beian_things', help: 'Things by colour', labelNames: ['colour'] as const };

function counting(values: Record<string, number>) {
  const source = {
    reads: 0,
    read: async () => {
      source.reads += 1;
      return Object.entries(values).map(([colour, value]) => ({ labels: { colour }, value }));
    },
  };
  return source;
}

describe('the metrics registry', () => {
  it('reads a source on every scrape when nothing may be cached', async () => {
    const metrics = new MetricsRegistry(false, 0);
    const source = counting({ red: 2 });
    metrics.gauge(SHAPE, source.read);
    await metrics.render();
    const text = await metrics.render();
    expect(source.reads).toBe(2);
    expect(text).toContain('beian_things{colour="red"} 2');
  });

  it('reuses a source’s values within the cache window, and shares one read between concurrent scrapes', async () => {
    const metrics = new MetricsRegistry(false, 60);
    const source = counting({ red: 2 });
    metrics.gauge(SHAPE, source.read);
    await Promise.all([metrics.render(), metrics.render()]);
    await metrics.render();
    expect(source.reads).toBe(1);
  });

  it('lets several owners feed one gauge, with the same labels only', async () => {
    const metrics = new MetricsRegistry(false, 0);
    metrics.gauge(SHAPE, counting({ red: 1 }).read);
    metrics.gauge(SHAPE, counting({ blue: 3 }).read);
    const text = await metrics.render();
    expect(text).toContain('beian_things{colour="red"} 1');
    expect(text).toContain('beian_things{colour="blue"} 3');
    expect(text.match(/# TYPE beian_things gauge/g)).toHaveLength(1);
    expect(() => metrics.gauge({ ...SHAPE, labelNames: ['size'] }, async () => [])).toThrow(
      'beian_things is already registered with other labels',
    );
  });

  it('leaves out the series of a source that fails, counts the failure and keeps the others', async () => {
    const metrics = new MetricsRegistry(false, 60);
    metrics.gauge(SHAPE, counting({ red: 1 }).read);
    let failing = true;
    metrics.gauge(SHAPE, async () => {
      if (failing) throw new Error('the database is down');
      return [{ labels: { colour: 'blue' }, value: 5 }];
    });
    const during = await metrics.render();
    expect(during).toContain('beian_things{colour="red"} 1');
    expect(during).not.toContain('colour="blue"');
    expect(during).toContain('beian_metrics_read_failures_total{metric="beian_things"} 1');
    // A failure is not remembered: the next scrape reads again.
    failing = false;
    expect(await metrics.render()).toContain('beian_things{colour="blue"} 5');
  });

  it('collects the process metrics only when enabled', async () => {
    const off = new MetricsRegistry(false, 0);
    expect(await off.render()).not.toContain('process_cpu_user_seconds_total');
    const on = new MetricsRegistry(true, 0);
    expect(await on.render()).toContain('process_cpu_user_seconds_total');
    on.onModuleDestroy();
  });
});
