import { QueryFailedError } from 'typeorm';

interface PgDriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): PgDriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgDriverError;
  if (error && typeof error === 'object' && 'code' in error) return error as PgDriverError;
  return undefined;
}

/** 23505: the row would break a unique constraint (optionally: this one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = driverError(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/** 40001 / 40P01: the transaction lost a race and may be retried. */
export function isSerializationFailure(error: unknown): boolean {
  const code = driverError(error)?.code;
  return code === '40001' || code === '40P01';
}

/** SQLSTATEs of a server that is going away, starting up, or refusing more connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** SQLSTATE class 08: connection exceptions. */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;
/** What a socket says when nothing answers at the other end (or stopped answering). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres's own words for a connection that broke or never came. */
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * The database cannot be reached just now (stopped, restarting, unreachable, out of
 * connections): the request may succeed if tried again, so it is a 503, not a 500.
 * A query the database refused (a constraint, a syntax error) is not this.
 *
 * A socket error with no further sign is taken as the database's: a request reaches
 * nothing else by a socket of its own (the object store's adapter names its own errors).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    driverError?: unknown;
  };
  const code = typeof candidate.code === 'string' ? candidate.code : undefined;
  if (
    code &&
    (UNAVAILABLE_STATES.has(code) || CONNECTION_EXCEPTION.test(code) || UNREACHABLE_CODES.has(code))
  )
    return true;
  if (typeof candidate.message === 'string' && LOST_CONNECTION.test(candidate.message)) return true;
  const inner = [
    candidate.driverError,
    candidate.cause,
    ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : []),
  ];
  return inner.some((next) => next !== error && isDatabaseUnavailable(next, depth + 1));
}
