import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import {
  asAuditTrailNeedsAttention,
  AuditTrailNeedsAttentionError,
} from './audit-trail-attention.js';

describe('the audit trail needing attention (BDA01)', () => {
  const pgError = Object.assign(new Error('audit trail has unaccounted events'), {
    code: 'BDA01',
    detail: '1 row(s) lie beyond the chain head #41 (#42), written without the desk',
    hint: 'move them aside with: npm run cli -- audit:quarantine-strays',
  });

  it("makes PostgreSQL's error, bare or in TypeORM's, one error with the whole reason", () => {
    for (const error of [pgError, new QueryFailedError('SELECT audit_append($1)', [], pgError)]) {
      const attention = asAuditTrailNeedsAttention(error);
      expect(attention).toBeInstanceOf(AuditTrailNeedsAttentionError);
      expect(attention!.reason).toBe(
        'audit trail has unaccounted events; 1 row(s) lie beyond the chain head #41 (#42), written without the desk; move them aside with: npm run cli -- audit:quarantine-strays',
      );
      expect(attention!.cause).toBe(error);
    }
  });

  it('leaves every other error alone', () => {
    expect(
      asAuditTrailNeedsAttention(Object.assign(new Error('dup'), { code: '23505' })),
    ).toBeNull();
    expect(asAuditTrailNeedsAttention(new Error('boom'))).toBeNull();
    expect(asAuditTrailNeedsAttention(undefined)).toBeNull();
  });
});
