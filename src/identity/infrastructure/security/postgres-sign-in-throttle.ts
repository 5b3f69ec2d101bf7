import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import {
  FAILURE_SCOPES,
  SignInAllowance,
  type FailureCount,
  type FailureScope,
} from '../../domain/sign-in-allowance.js';
import type {
  AttemptVerdict,
  LockoutKey,
  SignInLockout,
  SignInThrottle,
  ThrottleLimit,
} from '../../application/ports/sign-in-throttle.js';

/** The columns' widths: longer input is counted under its first characters. */
const EMAIL_WIDTH = 320;
const ADDRESS_WIDTH = 64;
/** Rows no longer counting that each attempt deletes, a few at a time. */
const PRUNE_BATCH = 50;

interface CountRow {
  scope: FailureScope;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
  forget_at: Date;
}

type Counts = Record<FailureScope, FailureCount | null>;

/**
 * Failed sign-ins counted in PostgreSQL (`sign_in_failures`), so every app instance
 * sees the same counts. An attempt locks its three rows (the account from this
 * address, the address, the account) with one upsert, in that order everywhere so
 * that attempts sharing a row queue behind each other and never deadlock, and counts
 * itself as a failure before its password is verified; a right password gives it
 * back. Parallel guesses therefore all meet the counts. The rules themselves are
 * `SignInAllowance`'s; no attempt is ever made to wait on the server.
 */
@Injectable()
export class PostgresSignInThrottle implements SignInThrottle {
  private readonly allowance: SignInAllowance;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: TypeormUnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allowance = new SignInAllowance({
      maxFailuresPerAccountFromAddress: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_IP,
      slowDownAfterAccountFailures: config.LOGIN_ACCOUNT_DELAY_AFTER_FAILURES,
      maxDelaySeconds: config.LOGIN_ACCOUNT_DELAY_MAX_SECONDS,
      lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
    });
  }

  async admit(email: string, ip: string, now: Date): Promise<AttemptVerdict> {
    const keys = keysOf(email, ip);
    // Its own transaction, whatever the caller is in: the count must stay counted.
    const verdict = await this.dataSource.transaction(async (manager) => {
      const counts = await this.lockCounts(manager, keys, now);
      const refusal = longest(
        FAILURE_SCOPES.map((scope) => ({
          scope,
          waitMs: this.allowance.waitFor(counts[scope], now),
        })),
      );
      if (refusal) return { admitted: false as const, limit: refusal };

      const next = Object.fromEntries(
        FAILURE_SCOPES.map((scope) => [
          scope,
          this.allowance.afterFailure(scope, counts[scope], now),
        ]),
      ) as Record<FailureScope, FailureCount>;
      await this.write(manager, keys, next);
      // An account's slow-down is answered at the next attempt; a lockout, right away.
      const lastAllowed = longest(
        (['accountFromAddress', 'address'] as const).map((scope) => ({
          scope,
          waitMs: this.allowance.waitFor(next[scope], now),
        })),
      );
      return { admitted: true as const, lastAllowed };
    });
    await this.prune(now);
    return verdict;
  }

  async recordSuccess(email: string, ip: string, now: Date): Promise<void> {
    const keys = keysOf(email, ip);
    await this.dataSource.transaction(async (manager) => {
      const counts = await this.lockCounts(manager, keys, now);
      await manager.query(
        `DELETE FROM sign_in_failures
          WHERE (scope = 'account' AND email = $1 AND address = '')
             OR (scope = 'accountFromAddress' AND email = $1 AND address = $2)`,
        [keys.email, keys.address],
      );
      const address = this.allowance.afterSuccessFromAddress(counts.address, now);
      if (address) await this.write(manager, keys, { address });
      else
        await manager.query(
          `DELETE FROM sign_in_failures WHERE scope = 'address' AND email = '' AND address = $1`,
          [keys.address],
        );
    });
  }

  async lockouts(now: Date, limit: number): Promise<{ lockouts: SignInLockout[]; total: number }> {
    const rows: (CountRow & {
      email: string;
      address: string;
      staff_name: string | null;
      total: string;
    })[] = await this.unitOfWork.manager().query(
      `SELECT f.scope, f.email, f.address, f.failures, f.last_failure_at, f.locked_until,
              f.forget_at, s.display_name AS staff_name, count(*) OVER () AS total
         FROM sign_in_failures f
         LEFT JOIN staff_members s ON f.email <> '' AND s.email = f.email
        WHERE f.forget_at > $1 AND f.failures > 0 -- SignInAllowance.isLockout, as SQL:
          AND (CASE WHEN f.scope = 'account' THEN f.failures >= $2 ELSE f.locked_until > $1 END)
        ORDER BY f.last_failure_at DESC, f.scope, f.email, f.address
        LIMIT $3`,
      [now, this.config.LOGIN_ACCOUNT_DELAY_AFTER_FAILURES, limit],
    );
    return {
      total: rows.length ? Number(rows[0]!.total) : 0,
      lockouts: rows.map((row) => ({
        scope: row.scope,
        email: row.email || null,
        staffName: row.staff_name,
        address: row.address || null,
        failures: row.failures,
        lastFailureAt: row.last_failure_at,
        endsAt: row.forget_at,
      })),
    };
  }

  async clear(lockout: LockoutKey, now: Date): Promise<boolean> {
    const manager = this.unitOfWork.manager();
    const key = [lockout.scope, lockout.email ?? '', lockout.address ?? ''];
    const rows: CountRow[] = await manager.query(
      `SELECT scope, failures, last_failure_at, locked_until, forget_at
         FROM sign_in_failures
        WHERE scope = $1 AND email = $2 AND address = $3
        FOR UPDATE`,
      key,
    );
    const row = rows[0];
    if (!row || !this.allowance.isLockout(row.scope, countOf(row), now)) return false;
    await manager.query(
      `DELETE FROM sign_in_failures WHERE scope = $1 AND email = $2 AND address = $3`,
      key,
    );
    return true;
  }

  /**
   * Locks the attempt's three rows (creating those missing) in one statement, in the
   * order every attempt locks them, and reads their counts.
   */
  private async lockCounts(manager: EntityManager, keys: Keys, now: Date): Promise<Counts> {
    const rows: CountRow[] = await manager.query(
      `INSERT INTO sign_in_failures AS f
              (scope, email, address, failures, last_failure_at, locked_until, forget_at)
       VALUES ('account', $1, '', 0, $3, NULL, $3),
              ('accountFromAddress', $1, $2, 0, $3, NULL, $3),
              ('address', '', $2, 0, $3, NULL, $3)
       ON CONFLICT (scope, email, address) DO UPDATE SET failures = f.failures
       RETURNING scope, failures, last_failure_at, locked_until, forget_at`,
      [keys.email, keys.address, now],
    );
    const counts: Counts = { accountFromAddress: null, address: null, account: null };
    for (const row of rows) counts[row.scope] = countOf(row);
    return counts;
  }

  private async write(
    manager: EntityManager,
    keys: Keys,
    counts: Partial<Record<FailureScope, FailureCount>>,
  ): Promise<void> {
    const entries = Object.entries(counts) as [FailureScope, FailureCount][];
    if (entries.length === 0) return;
    const params: unknown[] = [];
    const values = entries.map(([scope, count]) => {
      const at = params.length;
      params.push(
        scope,
        scope === 'address' ? '' : keys.email,
        scope === 'account' ? '' : keys.address,
        count.failures,
        count.lastFailureAt,
        count.lockedUntil,
        count.forgetAt,
      );
      return `($${at + 1}::text, $${at + 2}::text, $${at + 3}::text, $${at + 4}::integer,
               $${at + 5}::timestamptz, $${at + 6}::timestamptz, $${at + 7}::timestamptz)`;
    });
    await manager.query(
      `UPDATE sign_in_failures AS f
          SET failures = v.failures, last_failure_at = v.last_failure_at,
              locked_until = v.locked_until, forget_at = v.forget_at
         FROM (VALUES ${values.join(', ')})
              AS v (scope, email, address, failures, last_failure_at, locked_until, forget_at)
        WHERE f.scope = v.scope AND f.email = v.email AND f.address = v.address`,
      params,
    );
  }

  /** Deletes a few rows that no longer count (never waiting for one another attempt holds). */
  private async prune(now: Date): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_failures
        WHERE (scope, email, address) IN (
          SELECT scope, email, address FROM sign_in_failures
           WHERE forget_at <= $1
           ORDER BY forget_at
           LIMIT ${PRUNE_BATCH}
           FOR UPDATE SKIP LOCKED)`,
      [now],
    );
  }
}

interface Keys {
  email: string;
  address: string;
}

function keysOf(email: string, ip: string): Keys {
  return {
    email: email.slice(0, EMAIL_WIDTH) || '(none)',
    address: ip.slice(0, ADDRESS_WIDTH) || 'unknown',
  };
}

function countOf(row: CountRow): FailureCount {
  return {
    failures: row.failures,
    lastFailureAt: row.last_failure_at,
    lockedUntil: row.locked_until,
    forgetAt: row.forget_at,
  };
}

/** The longest of the waits in force, as the limit an attempt is answered with. */
function longest(waits: { scope: FailureScope; waitMs: number }[]): ThrottleLimit | null {
  const wait = waits
    .filter(({ waitMs }) => waitMs > 0)
    .reduce<{ scope: FailureScope; waitMs: number } | null>(
      (worst, candidate) => (!worst || candidate.waitMs > worst.waitMs ? candidate : worst),
      null,
    );
  return wait ? { scope: wait.scope, retryAfterSeconds: Math.ceil(wait.waitMs / 1000) } : null;
}
