import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from './audit/audit.module.js';
import { AuditPortsModule } from './audit/audit-ports.module.js';
import { FilingRegistryModule } from './filing-registry/filing-registry.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { InitializationModule } from './initialization/initialization.module.js';
import { InitializationPortsModule } from './initialization/initialization-ports.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { SlaModule } from './sla/sla.module.js';
import { RolesGuard } from './identity/interface/web/roles.guard.js';
import { StaffSessionGuard } from './identity/interface/web/staff-session.guard.js';
import type { Clock } from './shared/application/clock.js';
import type { AppConfig } from './shared/infrastructure/config/app-config.js';
import { ENTITIES } from './entities.js';
import { DatabaseModule } from './shared/infrastructure/database/database.module.js';
import { QueueModule } from './shared/infrastructure/queue/queue.module.js';
import { ObjectStoreModule } from './shared/infrastructure/object-store/object-store.module.js';
import { HealthController } from './shared/interface/health/health.controller.js';
import { MetricsModule } from './shared/infrastructure/metrics/metrics.module.js';
import { MetricsController } from './shared/interface/metrics/metrics.controller.js';
import { CsrfGuard } from './shared/interface/http/csrf.guard.js';
import { ErrorResponseFilter } from './shared/interface/http/error-response.filter.js';
import { WebLayoutInterceptor } from './shared/interface/web/web-layout.interceptor.js';
import { SharedModule } from './shared/shared.module.js';

export interface AppOptions {
  config: AppConfig;
  /** Tests and the demo seeding set the time through this; otherwise the system clock. */
  clock?: Clock;
  /** `server` runs scheduled jobs and queue workers; `cli` runs neither. */
  mode: 'server' | 'cli';
}

/** The composition root: every context, the shared plumbing, and the global guards in order. */
@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    const { config, clock, mode } = options;
    const serves = mode === 'server';
    const runsSchedules = mode === 'server' && config.SCHEDULER_ENABLED;
    return {
      module: AppModule,
      imports: [
        SharedModule.register(config, clock),
        MetricsModule.register({ enabled: serves && config.METRICS_TOKEN !== undefined }),
        DatabaseModule.register(ENTITIES),
        QueueModule,
        ObjectStoreModule,
        CqrsModule.forRoot(),
        TerminusModule,
        ...(runsSchedules ? [ScheduleModule.forRoot()] : []),
        AuditModule.register({ workers: mode === 'server' }),
        // Upstream contexts' ports implemented downstream: see docs/architecture.md.
        IdentityModule.register({ heldWork: InitializationPortsModule }),
        FilingRegistryModule.register({ subjectRequests: InitializationPortsModule }),
        InitializationModule.register({ sla: SlaModule, history: AuditPortsModule }),
        NotificationsModule.register({ workers: mode === 'server' }),
      ],
      // GET /metrics exists only with METRICS_TOKEN set (otherwise 404, like any unknown path).
      controllers: [
        HealthController,
        ...(serves && config.METRICS_TOKEN ? [MetricsController] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        // Guards run in this order: the form's token, then the session, then the role.
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: StaffSessionGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_INTERCEPTOR, useClass: WebLayoutInterceptor },
      ],
    };
  }
}
