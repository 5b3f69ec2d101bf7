import type { KeyObject } from 'node:crypto';
import {
  checkpointHash,
  sameCheckpoint,
  verifyCheckpointSignature,
  type SignedCheckpoint,
} from './checkpoints.js';
import { GENESIS_HASH, hashAuditEvent, type ChainedAuditEvent } from './events.js';
import { linkOf, type LinkKeyring, type LinkRule } from './link-keys.js';

/** What failed; the words for each live in the app's catalogues (`audit.verify.failure.<kind>`). */
export type TrailFailureKind =
  /** An event's content no longer matches its link. */
  | 'changed'
  /** Events absent: a gap in the seqs, or fewer events than the head records. */
  | 'missing'
  /** An event does not link to its predecessor (reordered, replaced, re-linked). */
  | 'reordered'
  /** A link made without the key: under the public keyless rule, or naming an unknown key. */
  | 'forged'
  /** A keyless event at or after the switch to keyed links. */
  | 'unkeyed-after-switch'
  /** Events exist but no signed checkpoint does. */
  | 'no-checkpoint'
  /** A checkpoint's signature is not valid under the key it names. */
  | 'checkpoint-signature'
  /** A checkpoint names a signer that is not a trusted key. */
  | 'untrusted-signer'
  /** The checkpoints' own chain breaks: a gap in `no`, a wrong `prev`, a moved switch. */
  | 'checkpoint-chain'
  /** The trail does not pass through a checkpoint's (seq, hash). */
  | 'checkpoint-mismatch'
  /** A checkpoint copied outside has no row in the database. */
  | 'checkpoint-deleted'
  /** A checkpoint's outside copy differs from its row in the database. */
  | 'checkpoint-outside-differs'
  /** The last event does not match the recorded chain head. */
  | 'head-mismatch'
  /** Rows beyond the head that no append accounted for. */
  | 'unaccounted';

/** ICU parameters of a failure's or warning's words. */
export type MessageParams = Record<string, string | number>;

export interface TrailFailure {
  /** The first event that fails, when an event does. */
  event?: number;
  /** The checkpoint (`no`) that fails, when one does. */
  checkpoint?: number;
  kind: TrailFailureKind;
  params: MessageParams;
}

export interface TrailWarning {
  /** A checkpoint in the database with no outside copy (yet): reported, does not fail. */
  kind: 'checkpoint-not-copied';
  checkpoint: number;
  params: MessageParams;
}

export type TrailVerification =
  | {
      ok: true;
      /** Events verified by this run (after `from` when incremental). */
      verified: number;
      head: { seq: number; hash: string };
      /** The last checkpoint verified: the next incremental run's `from`. */
      lastCheckpoint: SignedCheckpoint | null;
      warnings: TrailWarning[];
    }
  | { ok: false; verified: number; failure: TrailFailure; warnings: TrailWarning[] };

export interface TrailProgress {
  /** Events verified so far. */
  verified: number;
  /** The last event verified. */
  seq: number;
}

export interface VerifyTrailInput {
  /**
   * The events in order of seq — all of them, or (with `from`) those after `from`'s
   * seq (earlier ones are skipped). Read from the same snapshot as `head` and `checkpoints`.
   * Omit it to verify in segments (`segments`).
   */
  events?: AsyncIterable<ChainedAuditEvent> | Iterable<ChainedAuditEvent>;
  /**
   * Verify the events in segments between checkpoints instead (e.g. in worker threads,
   * each running `verifySegment` on its plan); results in the order of the plans.
   */
  segments?: {
    parts?: number;
    run(plans: SegmentPlan[]): Promise<SegmentReport[]>;
  };
  /** A checkpoint a passed full verification covered: verify only what came after it. */
  from?: SignedCheckpoint;
  /** The database's checkpoints (`audit_checkpoints`), all or those from `from`'s on. */
  checkpoints: readonly SignedCheckpoint[];
  /** The checkpoints' copies kept outside the database. */
  outsideCopies: readonly SignedCheckpoint[];
  /** Fingerprint → public key, from configuration only (never the database). */
  trustedKeys: ReadonlyMap<string, KeyObject>;
  linkKeys: LinkKeyring;
  /** The chain head row. */
  head: { seq: number; hash: string };
  /** Seqs of rows beyond the head (`seq > head.seq`), if any. */
  strays?: readonly number[];
  /** Called every 10,000 events and at the end. */
  onProgress?: (progress: TrailProgress) => void;
}

const PROGRESS_EVERY = 10_000;

type Failed = { ok: false; failure: TrailFailure };

function failure(
  kind: TrailFailureKind,
  at: { event?: number; checkpoint?: number },
  params: MessageParams = {},
): Failed {
  const named: MessageParams = { ...params };
  if (at.event !== undefined) named.seq ??= at.event;
  if (at.checkpoint !== undefined) named.no ??= at.checkpoint;
  return { ok: false, failure: { ...at, kind, params: named } };
}

// ---------------------------------------------------------------------------------------
// Checkpoints

export interface CheckpointsReport {
  ok: boolean;
  failure?: TrailFailure;
  warnings: TrailWarning[];
  /** The valid checkpoints in order of `no`, from `from` (or #1) on. */
  chain: SignedCheckpoint[];
  /** Where keyed links begin (null: no checkpoint, so no switch). */
  keyedFrom: number | null;
}

/**
 * Checks the checkpoints, in order of `no`: each one's signature under a trusted key,
 * each outside copy against its database row (an outside copy without a row means the row
 * was deleted), and their own chain (`no` with no gap, `prev`, #1 at the switch, the same
 * switch throughout). With `from`, starts at it: earlier checkpoints are not read.
 */
export function verifyCheckpoints(input: {
  checkpoints: readonly SignedCheckpoint[];
  outsideCopies: readonly SignedCheckpoint[];
  trustedKeys: ReadonlyMap<string, KeyObject>;
  from?: SignedCheckpoint;
}): CheckpointsReport {
  const warnings: TrailWarning[] = [];
  const chain: SignedCheckpoint[] = [];
  const startNo = input.from?.body.no ?? 1;
  const stored = new Map<number, SignedCheckpoint>();
  for (const checkpoint of input.checkpoints) {
    if (checkpoint.body.no >= startNo && !stored.has(checkpoint.body.no)) {
      stored.set(checkpoint.body.no, checkpoint);
    }
  }
  const outside = new Map<number, SignedCheckpoint>();
  for (const copy of input.outsideCopies) {
    if (copy.body.no >= startNo && !outside.has(copy.body.no)) outside.set(copy.body.no, copy);
  }
  const report = (failed?: Failed): CheckpointsReport => ({
    ok: !failed,
    failure: failed?.failure,
    warnings,
    chain,
    keyedFrom: chain[0]?.body.keyedFrom ?? input.from?.body.keyedFrom ?? null,
  });

  if (input.from) {
    const from = input.from;
    const signed = verifyCheckpointSignature(from, input.trustedKeys);
    if (!signed.ok) return report(failure(signed.kind, { checkpoint: from.body.no }));
  }
  const numbers = [...new Set([...stored.keys(), ...outside.keys()])].sort((a, b) => a - b);
  let previous: SignedCheckpoint | undefined;
  let expectedNo = startNo;
  for (const no of numbers) {
    if (no !== expectedNo) {
      // Neither in the database nor outside: the chain has a gap.
      return report(failure('checkpoint-chain', { checkpoint: expectedNo }, { reason: 'missing' }));
    }
    expectedNo += 1;
    const row = stored.get(no);
    const copy = outside.get(no);
    if (!row) {
      // Only outside: deleted from the database (if it is a checkpoint we signed).
      const signed = verifyCheckpointSignature(copy!, input.trustedKeys);
      if (!signed.ok) return report(failure(signed.kind, { checkpoint: no }, { copy: 'outside' }));
      return report(failure('checkpoint-deleted', { checkpoint: no }, { seq: copy!.body.seq }));
    }
    const signed = verifyCheckpointSignature(row, input.trustedKeys);
    if (!signed.ok) return report(failure(signed.kind, { checkpoint: no }, { copy: 'database' }));
    if (copy) {
      if (!sameCheckpoint(row, copy)) {
        return report(failure('checkpoint-outside-differs', { checkpoint: no }));
      }
    } else {
      warnings.push({ kind: 'checkpoint-not-copied', checkpoint: no, params: { no } });
    }
    const body = row.body;
    if (no === startNo && input.from) {
      if (!sameCheckpoint(row, input.from)) {
        return report(failure('checkpoint-chain', { checkpoint: no }, { reason: 'from-differs' }));
      }
    } else if (no === 1) {
      if (body.prev !== GENESIS_HASH || body.seq !== body.keyedFrom) {
        return report(failure('checkpoint-chain', { checkpoint: no }, { reason: 'first' }));
      }
    } else if (!previous) {
      return report(failure('checkpoint-chain', { checkpoint: no }, { reason: 'missing' }));
    } else {
      const prior = previous.body;
      if (body.prev !== checkpointHash(prior)) {
        return report(failure('checkpoint-chain', { checkpoint: no }, { reason: 'prev' }));
      }
      if (body.keyedFrom !== prior.keyedFrom) {
        return report(failure('checkpoint-chain', { checkpoint: no }, { reason: 'switch-moved' }));
      }
      if (body.seq < prior.seq || (body.seq === prior.seq && body.hash !== prior.hash)) {
        return report(failure('checkpoint-chain', { checkpoint: no }, { reason: 'went-back' }));
      }
    }
    chain.push(row);
    previous = row;
  }
  if (input.from && chain.length === 0) {
    // The checkpoint verified before is no longer in the database, nor copied outside.
    return report(
      failure('checkpoint-chain', { checkpoint: input.from.body.no }, { reason: 'missing' }),
    );
  }
  return report();
}

// ---------------------------------------------------------------------------------------
// Events

/** A checkpoint the events must pass through. */
export interface PassPoint {
  no: number;
  seq: number;
  hash: string;
}

/**
 * One stretch of the trail to verify on its own (structured-clone safe, for a worker):
 * the events in (from.seq, to.seq], starting after `from.hash`.
 */
export interface SegmentPlan {
  index: number;
  from: { seq: number; hash: string };
  /** The last seq; `hash` when a checkpoint attests it (the segment must end on it). */
  to: { seq: number; hash: string | null; no: number | null };
  keyedFrom: number | null;
  /** Checkpoints inside the segment the events must pass through. */
  passThrough: PassPoint[];
}

export type SegmentReport =
  | { index: number; ok: true; verified: number; last: { seq: number; hash: string } }
  | { index: number; ok: false; verified: number; failure: TrailFailure };

/**
 * Verifies the links of one segment: seq continuity, each link under its rule (keyless
 * strictly before `keyedFrom`, keyed under a known key from it on), each link to its
 * predecessor, and the checkpoints it passes through. Constant memory; usable in a worker.
 * Events outside (from.seq, to.seq] are ignored.
 */
export async function verifySegment(input: {
  events: AsyncIterable<ChainedAuditEvent> | Iterable<ChainedAuditEvent>;
  plan: SegmentPlan;
  linkKeys: LinkKeyring;
  onProgress?: (progress: TrailProgress) => void;
}): Promise<SegmentReport> {
  const { plan } = input;
  const walked = await walk(input.events, {
    start: plan.from,
    end: plan.to.seq,
    keyedFrom: plan.keyedFrom,
    passThrough: plan.passThrough,
    linkKeys: input.linkKeys,
    onProgress: input.onProgress,
  });
  if (!walked.ok)
    return { index: plan.index, ok: false, verified: walked.verified, failure: walked.failure };
  const { last, verified } = walked;
  if (last.seq < plan.to.seq) {
    return {
      index: plan.index,
      ok: false,
      verified,
      failure: failure('missing', { event: last.seq + 1 }, { from: last.seq + 1, to: plan.to.seq })
        .failure,
    };
  }
  return { index: plan.index, ok: true, verified, last };
}

interface WalkOptions {
  start: { seq: number; hash: string };
  /** Stop after this seq (events beyond are not read). */
  end: number;
  keyedFrom: number | null;
  passThrough: readonly PassPoint[];
  linkKeys: LinkKeyring;
  onProgress?: (progress: TrailProgress) => void;
  /** Called with the first event beyond `end` instead of ignoring it. */
  beyond?: (seq: number) => Failed;
}

type Walked =
  | { ok: true; verified: number; last: { seq: number; hash: string }; passed: number }
  | { ok: false; verified: number; failure: TrailFailure };

async function walk(
  events: AsyncIterable<ChainedAuditEvent> | Iterable<ChainedAuditEvent>,
  options: WalkOptions,
): Promise<Walked> {
  const { start, end, keyedFrom, passThrough, linkKeys, onProgress } = options;
  let expected = start.seq + 1;
  let prevHash = start.hash;
  let verified = 0;
  let next = 0;
  const rules = new Map<string, LinkRule>();
  const stop = (failed: Failed): Walked => ({ ok: false, verified, failure: failed.failure });

  for await (const event of events) {
    const seq = event.seq;
    if (seq <= start.seq) continue;
    if (seq > end) {
      if (options.beyond) return stop(options.beyond(seq));
      break;
    }
    if (seq > expected) {
      return stop(failure('missing', { event: expected }, { from: expected, to: seq - 1 }));
    }
    if (seq < expected) return stop(failure('reordered', { event: seq }, { action: event.action }));

    let rule: LinkRule;
    if (keyedFrom === null || seq < keyedFrom) {
      if (event.linkKeyId !== null) {
        return stop(
          failure(
            'forged',
            { event: seq },
            { action: event.action, reason: 'keyed-before-switch' },
          ),
        );
      }
      rule = { kind: 'legacy' };
    } else {
      if (event.linkKeyId === null) {
        return stop(
          failure('unkeyed-after-switch', { event: seq }, { action: event.action, keyedFrom }),
        );
      }
      let known = rules.get(event.linkKeyId);
      if (!known) {
        const secret = linkKeys.secret(event.linkKeyId);
        if (!secret) {
          return stop(
            failure(
              'forged',
              { event: seq },
              { action: event.action, reason: 'unknown-key', keyId: event.linkKeyId },
            ),
          );
        }
        known = { kind: 'keyed', keyId: event.linkKeyId, secret };
        rules.set(event.linkKeyId, known);
      }
      rule = known;
    }
    if (linkOf(event.prevHash, seq, event, rule) !== event.hash) {
      const publicRule =
        rule.kind === 'keyed' && hashAuditEvent(event.prevHash, seq, event) === event.hash;
      return stop(
        publicRule
          ? failure('forged', { event: seq }, { action: event.action, reason: 'public-rule' })
          : failure('changed', { event: seq }, { action: event.action }),
      );
    }
    if (event.prevHash !== prevHash) {
      return stop(failure('reordered', { event: seq }, { action: event.action }));
    }
    while (next < passThrough.length && passThrough[next]!.seq <= seq) {
      const point = passThrough[next]!;
      if (point.seq < seq || point.hash !== event.hash) {
        return stop(failure('checkpoint-mismatch', { checkpoint: point.no, event: point.seq }));
      }
      next += 1;
    }
    prevHash = event.hash;
    expected = seq + 1;
    verified += 1;
    if (onProgress && verified % PROGRESS_EVERY === 0) onProgress({ verified, seq });
  }
  onProgress?.({ verified, seq: expected - 1 });
  return { ok: true, verified, last: { seq: expected - 1, hash: prevHash }, passed: next };
}

// ---------------------------------------------------------------------------------------
// The whole trail

/**
 * Splits (start.seq, head.seq] into about `parts` segments of similar length, cut at
 * checkpoints (whose hash each segment must end on, and the next start after).
 */
export function planSegments(input: {
  start: { seq: number; hash: string };
  headSeq: number;
  keyedFrom: number | null;
  chain: readonly SignedCheckpoint[];
  parts: number;
}): SegmentPlan[] {
  const points: PassPoint[] = input.chain
    .map(({ body }) => ({ no: body.no, seq: body.seq, hash: body.hash }))
    .filter((point) => point.seq > input.start.seq && point.seq <= input.headSeq);
  const plans: SegmentPlan[] = [];
  let from = input.start;
  let at = 0;
  const span = input.headSeq - input.start.seq;
  for (let part = 1; part < Math.max(1, input.parts); part += 1) {
    const target = input.start.seq + (span * part) / input.parts;
    // The last checkpoint at or before the target, past the current start.
    let cut = -1;
    for (let i = at; i < points.length && points[i]!.seq <= target; i += 1) {
      if (points[i]!.seq > from.seq) cut = i;
    }
    if (cut < 0) continue;
    const point = points[cut]!;
    // Several checkpoints may share a seq: the segment checks all of them.
    let through = cut;
    while (through + 1 < points.length && points[through + 1]!.seq === point.seq) through += 1;
    plans.push({
      index: plans.length,
      from,
      to: { seq: point.seq, hash: point.hash, no: point.no },
      keyedFrom: input.keyedFrom,
      passThrough: points.slice(at, through + 1),
    });
    from = { seq: point.seq, hash: point.hash };
    at = through + 1;
  }
  plans.push({
    index: plans.length,
    from,
    to: { seq: input.headSeq, hash: null, no: null },
    keyedFrom: input.keyedFrom,
    passThrough: points.slice(at),
  });
  return plans;
}

/**
 * Verifies the trail against everything that does not depend on trusting the database:
 * the checkpoints (signatures under trusted keys, their chain, their outside copies), then
 * every event from the start (or from `from`) to the head — continuity, each link under its
 * rule and key, the checkpoints it passes through — then the head and stray rows beyond it.
 * Streams the events: constant memory whatever the trail's length. Reports the first
 * failing checkpoint or event.
 */
export async function verifyTrail(input: VerifyTrailInput): Promise<TrailVerification> {
  const checked = verifyCheckpoints(input);
  const warnings = checked.warnings;
  if (!checked.ok) return { ok: false, verified: 0, failure: checked.failure!, warnings };
  const { chain, keyedFrom } = checked;
  const head = input.head;
  const fail = (verified: number, failed: Failed): TrailVerification => ({
    ok: false,
    verified,
    failure: failed.failure,
    warnings,
  });

  if (chain.length === 0 && (head.seq > 0 || (input.strays?.length ?? 0) > 0)) {
    return fail(0, failure('no-checkpoint', {}, { headSeq: head.seq }));
  }
  const start = input.from
    ? { seq: input.from.body.seq, hash: input.from.body.hash }
    : { seq: 0, hash: GENESIS_HASH };
  if (head.seq < start.seq) {
    // The head went back behind a checkpoint already verified.
    return fail(
      0,
      failure('checkpoint-mismatch', { checkpoint: input.from!.body.no, event: start.seq }),
    );
  }
  const unaccounted = (seq: number) =>
    failure('unaccounted', { event: seq }, { count: input.strays?.length || 1, headSeq: head.seq });

  let verified = 0;
  let last: { seq: number; hash: string };
  if (input.segments) {
    const plans = planSegments({
      start,
      headSeq: head.seq,
      keyedFrom,
      chain,
      parts: input.segments.parts ?? 2,
    });
    const reports = await input.segments.run(plans);
    const ordered = [...reports].sort((a, b) => a.index - b.index);
    last = start;
    for (const plan of plans) {
      const report = ordered.find((candidate) => candidate.index === plan.index);
      if (!report) throw new Error(`segment ${plan.index} was not verified`);
      verified += report.verified;
      if (!report.ok) return fail(verified, { ok: false, failure: report.failure });
      last = report.last;
    }
  } else {
    if (!input.events) throw new Error('verifyTrail needs events or segments');
    const points = chain
      .map(({ body }) => ({ no: body.no, seq: body.seq, hash: body.hash }))
      .filter((point) => point.seq > start.seq);
    const walked = await walk(input.events, {
      start,
      end: head.seq,
      keyedFrom,
      passThrough: points,
      linkKeys: input.linkKeys,
      onProgress: input.onProgress,
      beyond: unaccounted,
    });
    verified = walked.verified;
    if (!walked.ok) return fail(verified, { ok: false, failure: walked.failure });
    last = walked.last;
  }

  if (last.seq < head.seq) {
    return fail(
      verified,
      failure('missing', { event: last.seq + 1 }, { from: last.seq + 1, to: head.seq }),
    );
  }
  if (last.hash !== head.hash) {
    return fail(verified, failure('head-mismatch', { event: last.seq }, { headSeq: head.seq }));
  }
  // A checkpoint beyond the end of the trail: events after it were removed, the head moved back.
  const beyond = chain.find((checkpoint) => checkpoint.body.seq > last.seq);
  if (beyond) {
    return fail(
      verified,
      failure(
        'checkpoint-mismatch',
        { checkpoint: beyond.body.no, event: beyond.body.seq },
        { headSeq: head.seq },
      ),
    );
  }
  const stray = input.strays?.[0];
  if (stray !== undefined) return fail(verified, unaccounted(stray));
  return {
    ok: true,
    verified,
    head: { seq: last.seq, hash: last.hash },
    lastCheckpoint: chain[chain.length - 1] ?? input.from ?? null,
    warnings,
  };
}
