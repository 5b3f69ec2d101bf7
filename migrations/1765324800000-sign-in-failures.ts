import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins counted per account and address, per address and per account
 * (`sign_in_failures`), replacing rate-limiter-flexible's `login_throttle`: an address
 * that keeps failing is locked out of that account only, an address failing across
 * accounts is locked out of all, and an account failing from many addresses is slowed
 * down (each attempt waits longer), so nobody can lock a colleague out by knowing their
 * email. `forget_at` is when a row no longer counts: the lockout list and the pruning
 * read it. The old counts are not carried over (they last minutes).
 */
export class SignInFailures1765324800000 implements MigrationInterface {
  name = 'SignInFailures1765324800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_throttle`);
    await queryRunner.query(`
      CREATE TABLE sign_in_failures (
        scope varchar(24) NOT NULL,
        email varchar(320) NOT NULL,
        address varchar(64) NOT NULL,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz NULL,
        forget_at timestamptz NOT NULL,
        CONSTRAINT sign_in_failures_pkey PRIMARY KEY (scope, email, address),
        CONSTRAINT sign_in_failures_scope_check CHECK (
          (scope = 'accountFromAddress' AND email <> '' AND address <> '')
          OR (scope = 'address' AND email = '' AND address <> '')
          OR (scope = 'account' AND email <> '' AND address = '')),
        CONSTRAINT sign_in_failures_failures_check CHECK (failures >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX sign_in_failures_forget_at_idx ON sign_in_failures (forget_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sign_in_failures`);
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }
}
