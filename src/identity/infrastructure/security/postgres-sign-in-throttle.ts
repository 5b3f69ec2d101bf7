import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type { SignInThrottle, ThrottleVerdict } from '../../application/ports/sign-in-throttle.js';

/**
 * rate-limiter-flexible counting failures in PostgreSQL (table `login_throttle`),
 * so every app instance sees the same counts.
 */
@Injectable()
export class PostgresSignInThrottle implements SignInThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    // TypeORM's postgres driver keeps its pg.Pool on `master`.
    const pool = (dataSource.driver as unknown as { master: unknown }).master;
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_throttle',
      tableCreated: true,
      clearExpiredByTimeout: false,
      duration: config.LOGIN_LOCKOUT_MINUTES * 60,
      blockDuration: config.LOGIN_LOCKOUT_MINUTES * 60,
    };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'account',
      points: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'ip',
      points: config.LOGIN_MAX_FAILURES_PER_IP,
    });
  }

  async check(email: string, ip: string): Promise<ThrottleVerdict> {
    const [account, address] = await Promise.all([
      this.perAccount.get(email),
      this.perAddress.get(ip),
    ]);
    if (account && account.remainingPoints <= 0) {
      return {
        blocked: true,
        scope: 'account',
        retryAfterSeconds: Math.ceil(account.msBeforeNext / 1000),
      };
    }
    if (address && address.remainingPoints <= 0) {
      return {
        blocked: true,
        scope: 'address',
        retryAfterSeconds: Math.ceil(address.msBeforeNext / 1000),
      };
    }
    return { blocked: false };
  }

  async recordFailure(email: string, ip: string): Promise<ThrottleVerdict> {
    const [account, address] = await Promise.all([
      this.consume(this.perAccount, email),
      this.consume(this.perAddress, ip),
    ]);
    if (account.remainingPoints <= 0) {
      return {
        blocked: true,
        scope: 'account',
        retryAfterSeconds: Math.ceil(account.msBeforeNext / 1000),
      };
    }
    if (address.remainingPoints <= 0) {
      return {
        blocked: true,
        scope: 'address',
        retryAfterSeconds: Math.ceil(address.msBeforeNext / 1000),
      };
    }
    return { blocked: false };
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }

  private async consume(limiter: RateLimiterPostgres, key: string): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    }
  }
}
