import { performance } from 'node:perf_hooks';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One series of a gauge: its labels and its value. */
export interface Sample<L extends string = string> {
  labels: Record<L, string>;
  value: number;
}

/** A gauge's name, words for operators and labels; several sources may feed one gauge. */
export interface GaugeShape<L extends string = string> {
  name: string;
  help: string;
  labelNames: readonly L[];
}

/** Reads the current values: a context's own SQL, or its own queue. */
export type SampleReader<L extends string = string> = () => Promise<readonly Sample<L>[]>;

export const HTTP_DURATION_LABELS = ['method', 'route', 'status_code'] as const;
export type HttpDurationLabel = (typeof HTTP_DURATION_LABELS)[number];

/** How often a failing source is logged, at most. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

/**
 * This instance's metrics (prom-client's registry, one per application, never the
 * process-wide default one, so two instances in one process keep apart). Contexts
 * contribute gauges whose values they read themselves, each source remembered for
 * `cacheSeconds`, so a scrape every few seconds does not count large tables every time;
 * a source that fails (the database down) leaves its series out of that scrape and
 * counts in `beian_metrics_read_failures_total`. When `enabled`, the process metrics are
 * collected too and the HTTP pipeline times requests into `httpDurations`.
 */
export class MetricsRegistry implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly httpDurations: Histogram<HttpDurationLabel>;
  private readonly logger = new Logger('Metrics');
  private readonly gauges = new Map<string, GaugeEntry>();
  private readonly readFailures: Counter<'metric'>;

  constructor(
    readonly enabled: boolean,
    private readonly cacheSeconds: number,
  ) {
    if (enabled) collectDefaultMetrics({ register: this.registry });
    this.httpDurations = new Histogram({
      name: 'beian_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status',
      labelNames: HTTP_DURATION_LABELS,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.readFailures = new Counter({
      name: 'beian_metrics_read_failures_total',
      help: 'Scrapes in which a metric could not be read (its series were left out)',
      labelNames: ['metric'],
      registers: [this.registry],
    });
  }

  /** The content type of `render()`: the Prometheus text format 0.0.4. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * Adds a source of values to the gauge `shape.name` (registered on first use; a later
   * source must give the same labels).
   */
  gauge<L extends string>(shape: GaugeShape<L>, read: SampleReader<L>): void {
    let entry = this.gauges.get(shape.name);
    if (!entry) {
      entry = {
        shape,
        gauge: new Gauge<string>({
          name: shape.name,
          help: shape.help,
          labelNames: shape.labelNames,
          registers: [this.registry],
        }),
        sources: [],
      };
      this.gauges.set(shape.name, entry);
    } else if (entry.shape.labelNames.join() !== shape.labelNames.join()) {
      throw new Error(`metric ${shape.name} is already registered with other labels`);
    }
    entry.sources.push(new CachedSource(read, this.cacheSeconds * 1000));
  }

  /** Every series, in the Prometheus text format: the gauges are read first, then written. */
  async render(): Promise<string> {
    await Promise.all([...this.gauges.values()].map((entry) => this.refresh(entry)));
    return this.registry.metrics();
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }

  private async refresh(entry: GaugeEntry): Promise<void> {
    const results = await Promise.all(
      entry.sources.map((source) =>
        source.samples().catch((error: unknown) => {
          this.readFailures.inc({ metric: entry.shape.name });
          if (source.shouldLogFailure()) {
            this.logger.warn({ err: error }, `could not read metric ${entry.shape.name}`);
          }
          return [] as readonly Sample[];
        }),
      ),
    );
    entry.gauge.reset();
    for (const sample of results.flat()) entry.gauge.set(sample.labels, sample.value);
  }
}

interface GaugeEntry {
  shape: GaugeShape;
  gauge: Gauge<string>;
  sources: CachedSource[];
}

/** A source's last values, kept for a while; concurrent scrapes share one read. */
class CachedSource {
  private last: { at: number; samples: readonly Sample[] } | null = null;
  private reading: Promise<readonly Sample[]> | null = null;
  private lastFailureLogged = -Infinity;

  constructor(
    private readonly read: SampleReader,
    private readonly ttlMs: number,
  ) {}

  samples(): Promise<readonly Sample[]> {
    if (this.last && performance.now() - this.last.at < this.ttlMs) {
      return Promise.resolve(this.last.samples);
    }
    this.reading ??= this.read()
      .then((samples) => {
        this.last = { at: performance.now(), samples };
        return samples;
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  shouldLogFailure(): boolean {
    const now = performance.now();
    if (now - this.lastFailureLogged < FAILURE_LOG_INTERVAL_MS) return false;
    this.lastFailureLogged = now;
    return true;
  }
}
