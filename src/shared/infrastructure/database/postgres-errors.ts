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
