import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * This instance's metrics registry, for every context to add its own gauges to (each
 * context's `infrastructure/metrics`). `enabled` (the server with METRICS_TOKEN set) adds
 * the process metrics and the HTTP timings; `GET /metrics` is wired by the app module.
 */
@Global()
@Module({})
export class MetricsModule {
  static register(options: { enabled: boolean }): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        {
          provide: MetricsRegistry,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            new MetricsRegistry(options.enabled, config.METRICS_CACHE_SECONDS),
        },
      ],
      exports: [MetricsRegistry],
    };
  }
}
