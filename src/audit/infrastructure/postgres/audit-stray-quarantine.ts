import { Inject, Injectable } from '@nestjs/common';
import pg from 'pg';
import { AuditChain, type ChainedAuditEvent } from '@lib/audit-trail';
import type { Actor } from '../../../shared/domain/actor.js';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { toEventInput } from '../chained-audit-log.js';
import { CheckpointCopies } from '../checkpoints/checkpoint-copies.js';
import { AUDIT_KEYS, type AuditKeys } from '../keys/audit-keys.js';

export interface QuarantineResult {
  /** The rows moved aside (seq and hash), in order; none when the trail had no strays. */
  moved: { seq: number; hash: string }[];
  /** The incident event recorded in the trail (`audit.strays_quarantined`), when any moved. */
  incident: ChainedAuditEvent | null;
}

/**
 * The owner's recovery from rows written beyond the trail's head (which make every append
 * refuse with BDA01): in one transaction as the database owner (MIGRATION_DATABASE_URL, or
 * DATABASE_URL when unset), `audit_quarantine_strays()` moves them into `audit_quarantine`
 * and the incident event `audit.strays_quarantined` (their seqs and hashes) is appended
 * after the head, keyed like any other. The runtime role can do neither: it runs no
 * function but the three append ones, and writes no audit table.
 */
@Injectable()
export class AuditStrayQuarantine {
  private readonly chain = new AuditChain();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly copies: CheckpointCopies,
  ) {}

  async quarantine(actor: Actor): Promise<QuarantineResult> {
    const client = new pg.Client({
      connectionString: this.config.MIGRATION_DATABASE_URL ?? this.config.DATABASE_URL,
      application_name: 'beian-desk-quarantine',
    });
    await client.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_quarantine_strays()',
      );
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        return { moved: [], incident: null };
      }
      const moved = rows.map((row) => ({ seq: Number(row.seq), hash: row.hash.trim() }));
      const now = this.clock.now();
      const { privateKey, fingerprint } = this.keys.signer;
      const { events, checkpoints } = await this.chain.append(
        client,
        [
          toEventInput(
            {
              actor,
              action: 'audit.strays_quarantined',
              details: {
                count: moved.length,
                seqs: moved.map((row) => row.seq),
                hashes: moved.map((row) => row.hash),
              },
            },
            now,
          ),
        ],
        { linkKeys: this.keys.linkKeys, signer: { privateKey, fingerprint } },
        now,
      );
      await client.query('COMMIT');
      // A trail not switched yet got checkpoint #1 here: copied outside like any other.
      if (checkpoints.length > 0) await this.copies.copyAll(checkpoints);
      return { moved, incident: events[events.length - 1] ?? null };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end();
    }
  }
}
