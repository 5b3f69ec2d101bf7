import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditTrailHealth } from '../../../shared/application/audit-trail-attention.js';

/**
 * `/health`'s view of the trail: down while rows lie beyond the head (what `audit_lock_head()`
 * refuses appends for), read without taking the head's lock (the primary key's last entry,
 * however long the trail).
 */
@Injectable()
export class PostgresAuditTrailHealth implements AuditTrailHealth {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<{ ok: true } | { ok: false; reason: string }> {
    // max(): one probe of the primary key from its end, however long the trail.
    const rows: { head: string; last: string | null }[] = await this.dataSource.query(
      `SELECT h.seq AS head, (SELECT max(e.seq) FROM audit_events e) AS last
         FROM audit_chain_head h WHERE h.id = 1`,
    );
    const row = rows[0];
    if (!row) return { ok: false, reason: 'the audit trail has no head: run the migrations' };
    if (row.last === null || Number(row.last) <= Number(row.head)) return { ok: true };
    const [strays] = await this.dataSource.query<{ count: number; first: string }[]>(
      `SELECT count(*)::int AS count, min(s.seq) AS first
         FROM (SELECT e.seq FROM audit_events e WHERE e.seq > $1 ORDER BY e.seq LIMIT 1001) s`,
      [row.head],
    );
    const count = strays!.count > 1000 ? 'over 1000' : String(strays!.count);
    return {
      ok: false,
      reason: `${count} row(s) lie beyond the audit trail's head #${row.head} (from #${strays!.first}), written without the desk; nothing can be recorded until the database owner runs: npm run cli -- audit:quarantine-strays`,
    };
  }
}
