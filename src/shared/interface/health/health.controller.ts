import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../http/access.decorators.js';
import { RedisPing } from '../../infrastructure/queue/redis-ping.js';

/** Database and Redis, reported separately; 503 when either is down. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisPing,
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
    ]);
  }
}
