import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import {
  AUDIT_TRAIL_HEALTH,
  type AuditTrailHealth,
} from '../../application/audit-trail-attention.js';
import { Public } from '../http/access.decorators.js';
import { ObjectStores } from '../../infrastructure/object-store/object-store.module.js';
import { RedisPing } from '../../infrastructure/queue/redis-ping.js';

/**
 * Database, Redis, the document and export store and the audit trail, reported separately;
 * 503 when any is down.
 */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisPing,
    private readonly objectStores: ObjectStores,
    @Inject(AUDIT_TRAIL_HEALTH) private readonly auditTrail: AuditTrailHealth,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => {
        const indicator = this.indicators.check('redis');
        return (await this.redis.ping(1000))
          ? indicator.up()
          : indicator.down({ message: 'Redis does not answer PING' });
      },
      async () => {
        const indicator = this.indicators.check('objectStore');
        const kind = this.objectStores.kind;
        try {
          await withTimeout(this.objectStores.check(), 2000);
          return indicator.up({ kind });
        } catch {
          return indicator.down({ kind, message: 'the document and export store cannot be used' });
        }
      },
      // Rows beyond the audit trail's head: every audited action is refused until the owner
      // moves them aside (issue 18).
      async () => {
        const indicator = this.indicators.check('auditTrail');
        try {
          const trail = await withTimeout(this.auditTrail.check(), 1500);
          return trail.ok ? indicator.up() : indicator.down({ message: trail.reason });
        } catch {
          return indicator.down({ message: 'the audit trail cannot be read' });
        }
      },
    ]);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
