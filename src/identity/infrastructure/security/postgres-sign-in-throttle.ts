import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type {
  AttemptVerdict,
  SignInThrottle,
  ThrottleLimit,
} from '../../application/ports/sign-in-throttle.js';

/**
 * rate-limiter-flexible counting attempts in PostgreSQL (table `login_throttle`),
 * so every app instance sees the same counts. Each attempt consumes a point
 * before its password is verified (an atomic upsert), and a successful one
 * gives it back: the allowance is a hard cap even for parallel guesses.
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

  async admit(email: string, ip: string): Promise<AttemptVerdict> {
    const [account, address] = await Promise.all([
      this.take(this.perAccount, email),
      this.take(this.perAddress, ip),
    ]);
    if (!account.taken || !address.taken) {
      // A refused attempt never reaches the password: give back what it took from the other allowance.
      await Promise.all([
        account.taken ? this.perAccount.reward(email, 1) : null,
        address.taken ? this.perAddress.reward(ip, 1) : null,
      ]);
      return {
        admitted: false,
        limit: !account.taken ? limitOf('account', account.res) : limitOf('address', address.res),
      };
    }
    return {
      admitted: true,
      lastAllowed:
        account.res.remainingPoints <= 0
          ? limitOf('account', account.res)
          : address.res.remainingPoints <= 0
            ? limitOf('address', address.res)
            : null,
    };
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.delete(email), this.perAddress.reward(ip, 1)]);
  }

  /** Consumes one point; a refusal (allowance used up) is an answer, not an error. */
  private async take(
    limiter: RateLimiterPostgres,
    key: string,
  ): Promise<{ taken: boolean; res: RateLimiterRes }> {
    try {
      return { taken: true, res: await limiter.consume(key) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { taken: false, res: rejection };
      throw rejection;
    }
  }
}

function limitOf(scope: ThrottleLimit['scope'], res: RateLimiterRes): ThrottleLimit {
  return { scope, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
}
