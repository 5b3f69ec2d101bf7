import { createHash } from 'node:crypto';
import { linkCanonical } from './canonical-json.js';

/** What the caller knows about an event; the chain adds `seq`, `prevHash`, `hash` and `linkKeyId`. */
export interface AuditEventInput {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  requestId: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface ChainedAuditEvent extends AuditEventInput {
  seq: number;
  prevHash: string;
  /** The link: keyless SHA-256 (legacy) or HMAC-SHA256 under `linkKeyId`. */
  hash: string;
  /** The keyring id the link was made under; null for a legacy (keyless) event. */
  linkKeyId: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
  updatedAt: Date | null;
}

/** The `prevHash` of the very first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The action of the event that switches a trail to keyed links; its seq is `keyedFrom`. */
export const KEYED_LINKS_STARTED = 'audit.keyed_links_started';

/** The fields a link covers, as hashed (both rules; the keyed one adds `keyId`). */
export function linkFields(prevHash: string, seq: number, event: AuditEventInput) {
  return {
    seq,
    prevHash,
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    actorRole: event.actorRole,
    actorName: event.actorName,
    action: event.action,
    requestId: event.requestId,
    subjectId: event.subjectId,
    details: event.details,
    ip: event.ip,
  };
}

/**
 * The legacy (keyless) link: SHA-256 over the RFC 8785 canonical JSON of the event,
 * its position and its predecessor's hash. Anyone can compute it, so it proves an
 * event unchanged only against someone who cannot write to the database.
 */
export function hashAuditEvent(prevHash: string, seq: number, event: AuditEventInput): string {
  const canonical = linkCanonical(prevHash, seq, event);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
