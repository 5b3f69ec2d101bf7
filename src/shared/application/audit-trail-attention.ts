/**
 * The audit trail refuses appends while rows lie beyond its head (SQLSTATE BDA01 from
 * `audit_lock_head()`): somebody wrote to it without the desk. Every audited action fails
 * cleanly (503, in words) until the owner moves them aside (`audit:quarantine-strays`).
 */
export class AuditTrailNeedsAttentionError extends Error {
  constructor(
    /** What the database said: how many rows lie beyond which head, and what to run. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the audit trail needs attention: ${reason}`, options);
    this.name = 'AuditTrailNeedsAttentionError';
  }
}

/** The SQLSTATE the trail's functions raise while rows lie beyond the head. */
export const AUDIT_TRAIL_NEEDS_ATTENTION_SQLSTATE = 'BDA01';

/** The trail's own error, or PostgreSQL's BDA01 (directly or in TypeORM's QueryFailedError) made one. */
export function asAuditTrailNeedsAttention(error: unknown): AuditTrailNeedsAttentionError | null {
  if (error instanceof AuditTrailNeedsAttentionError) return error;
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  for (const candidate of candidates) {
    const pg = candidate as { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown };
    if (pg && typeof pg === 'object' && pg.code === AUDIT_TRAIL_NEEDS_ATTENTION_SQLSTATE) {
      const reason = [pg.message, pg.detail, pg.hint]
        .filter((part): part is string => typeof part === 'string' && part.length > 0)
        .join('; ');
      return new AuditTrailNeedsAttentionError(reason, { cause: error });
    }
  }
  return null;
}

/** Whether the audit trail can be appended to, and why not (for `/health`). */
export interface AuditTrailHealth {
  check(): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export const AUDIT_TRAIL_HEALTH = Symbol('AuditTrailHealth');
