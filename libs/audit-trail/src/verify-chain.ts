import {
  GENESIS_HASH,
  hashAuditEvent,
  type ChainedAuditEvent,
  type ChainHead,
} from './audit-chain.js';

export interface ChainBreak {
  /** The first event where the chain no longer holds. */
  seq: number;
  kind: 'changed' | 'missing' | 'reordered';
  message: string;
}

export type VerificationReport =
  | { ok: true; verified: number; head: { seq: number; hash: string } }
  | { ok: false; verified: number; break: ChainBreak };

/**
 * Recomputes the chain from the first event, one event at a time (constant
 * memory whatever the length), and reports the first place where it breaks.
 * `events` must be ordered by `seq`; `recordedHead` is the head table's row.
 */
export async function verifyAuditChain(
  events: AsyncIterable<ChainedAuditEvent>,
  recordedHead?: Pick<ChainHead, 'seq' | 'hash'>,
): Promise<VerificationReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let verified = 0;
  const fail = (seq: number, kind: ChainBreak['kind'], message: string): VerificationReport => ({
    ok: false,
    verified,
    break: { seq, kind, message },
  });

  for await (const event of events) {
    if (event.seq > expectedSeq) {
      const range =
        event.seq - expectedSeq === 1 ? `#${expectedSeq}` : `#${expectedSeq}–#${event.seq - 1}`;
      return fail(
        expectedSeq,
        'missing',
        `Event ${range} is missing: the trail jumps from #${expectedSeq - 1} to #${event.seq}.`,
      );
    }
    if (event.seq < expectedSeq) {
      return fail(
        event.seq,
        'reordered',
        `Event #${event.seq} appears again after #${expectedSeq - 1}: the order was changed.`,
      );
    }
    if (hashAuditEvent(event.prevHash, event.seq, event) !== event.hash) {
      return fail(
        event.seq,
        'changed',
        `Event #${event.seq} (${event.action}) was changed after it was written: its content no longer matches its hash.`,
      );
    }
    if (event.prevHash !== prevHash) {
      return fail(
        event.seq,
        'reordered',
        `Event #${event.seq} (${event.action}) does not follow #${event.seq - 1}: it links to a different predecessor, so events were reordered, replaced or re-hashed.`,
      );
    }
    prevHash = event.hash;
    expectedSeq += 1;
    verified += 1;
  }

  if (recordedHead) {
    if (recordedHead.seq > verified) {
      return fail(
        verified + 1,
        'missing',
        `Events #${verified + 1}–#${recordedHead.seq} are missing: the chain head records ${recordedHead.seq} events but only ${verified} remain.`,
      );
    }
    if (recordedHead.seq === verified && recordedHead.hash !== prevHash) {
      return fail(
        verified,
        'changed',
        `Event #${verified} does not match the recorded chain head.`,
      );
    }
  }
  return { ok: true, verified, head: { seq: verified, hash: prevHash } };
}
