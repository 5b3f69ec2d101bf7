import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from './postgres-errors.js';

/** An error as node-postgres hands on what the server said (a SQLSTATE in `code`). */
function serverSaid(code: string, message: string): Error {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

/** An error as Node's sockets raise it. */
function socketError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code, syscall: 'connect' });
}

describe('isDatabaseUnavailable: a 503 to try again, not a 500', () => {
  it('a stopped server: the connection is refused', () => {
    expect(
      isDatabaseUnavailable(socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')),
    ).toBe(true);
  });

  it('a refused connection on every address of the host (AggregateError)', () => {
    const both = Object.assign(
      new AggregateError([
        socketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'),
        socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      ]),
      { code: 'ECONNREFUSED' },
    );
    expect(isDatabaseUnavailable(both)).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([both.errors[0]]))).toBe(true);
  });

  it('a server shutting down or starting up, inside a failed query', () => {
    const shutdown = serverSaid('57P01', 'terminating connection due to administrator command');
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], shutdown))).toBe(true);
    expect(isDatabaseUnavailable(serverSaid('57P03', 'the database system is starting up'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(serverSaid('53300', 'sorry, too many clients already'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(serverSaid('08006', 'connection failure'))).toBe(true);
  });

  it('a connection that broke under a query, or never came from the pool', () => {
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated') })),
    ).toBe(true);
  });

  it('a query the database refused is not an outage', () => {
    const unique = serverSaid('23505', 'duplicate key value violates unique constraint');
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], unique))).toBe(false);
    expect(isDatabaseUnavailable(serverSaid('42601', 'syntax error at or near "SELEC"'))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(serverSaid('40001', 'could not serialize access'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });

  it('an error that names itself as its own cause does not loop', () => {
    const selfish = new Error('odd') as Error & { cause?: unknown };
    selfish.cause = selfish;
    expect(isDatabaseUnavailable(selfish)).toBe(false);
  });
});
