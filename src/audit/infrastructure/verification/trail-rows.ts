import type { ChainedAuditEvent } from '@lib/audit-trail';

/** The columns a verification reads of `audit_events`. */
export const VERIFY_COLUMNS = `seq, occurred_at, actor_type, actor_id, actor_role, actor_name, action,
  request_id, subject_id, details, ip, prev_hash, hash, link_key_id`;

export interface VerifyEventRow {
  seq: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  action: string;
  request_id: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  prev_hash: string;
  hash: string;
  link_key_id: string | null;
}

export function toChainedEvent(row: VerifyEventRow): ChainedAuditEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    requestId: row.request_id,
    subjectId: row.subject_id,
    details: row.details,
    ip: row.ip,
    prevHash: row.prev_hash.trim(),
    hash: row.hash.trim(),
    linkKeyId: row.link_key_id,
  };
}
