import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  checkpointHash,
  publicKeyFingerprint,
  signCheckpoint,
  type CheckpointBody,
  type SignedCheckpoint,
} from './checkpoints.js';
import {
  GENESIS_HASH,
  KEYED_LINKS_STARTED,
  hashAuditEvent,
  type AuditEventInput,
  type ChainedAuditEvent,
} from './events.js';
import { linkOf, parseLinkKeyring, type LinkKeyring } from './link-keys.js';
import {
  planSegments,
  verifySegment,
  verifyTrail,
  type SegmentPlan,
  type TrailVerification,
  type VerifyTrailInput,
} from './verify-trail.js';

const keyring = parseLinkKeyring(
  `k2:${Buffer.alloc(32, 2).toString('base64')}\nk1:${Buffer.alloc(32, 1).toString('base64')}`,
);

function signer() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, fingerprint: publicKeyFingerprint(publicKey) };
}
const desk = signer();
const trusted = new Map<string, KeyObject>([[desk.fingerprint, desk.publicKey]]);

function input(
  seq: number,
  action = seq % 2 ? 'request.claimed' : 'request.released',
): AuditEventInput {
  return {
    occurredAt: new Date(Date.UTC(2026, 11, 1, 1, 0, seq)),
    actorType: 'STAFF',
    actorId: '00000000-0000-4000-8000-000000000001',
    actorRole: 'REVIEWER',
    actorName: 'Li Na',
    action,
    requestId: null,
    subjectId: null,
    details: { n: seq, note: '审核' },
    ip: '10.0.0.1',
  };
}

interface Trail {
  events: ChainedAuditEvent[];
  checkpoints: SignedCheckpoint[];
  keyedFrom: number;
}

/**
 * `legacy` keyless events, then the switch (keyed under k1 up to `rotateAt`, k2 after),
 * `keyed` more events; checkpoint #1 at the switch and one more at each seq in `at`.
 */
function buildTrail(
  options: { legacy?: number; keyed?: number; at?: number[]; rotateAt?: number } = {},
): Trail {
  const { legacy = 3, keyed = 6, at = [], rotateAt = Infinity } = options;
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  const keyedFrom = legacy + 1;
  for (let seq = 1; seq <= legacy + 1 + keyed; seq += 1) {
    const event = seq === keyedFrom ? input(seq, KEYED_LINKS_STARTED) : input(seq);
    const keyId = seq < keyedFrom ? null : seq < rotateAt ? 'k1' : 'k2';
    const hash = linkOf(
      prevHash,
      seq,
      event,
      keyId ? { kind: 'keyed', keyId, secret: keyring.secret(keyId)! } : { kind: 'legacy' },
    );
    events.push({ ...event, seq, prevHash, hash, linkKeyId: keyId });
    prevHash = hash;
  }
  const checkpoints: SignedCheckpoint[] = [];
  for (const seq of [keyedFrom, ...at]) {
    const previous = checkpoints[checkpoints.length - 1];
    const body: CheckpointBody = {
      no: checkpoints.length + 1,
      seq,
      hash: events[seq - 1]!.hash,
      at: new Date(Date.UTC(2026, 11, 1, 2, 0, seq)).toISOString(),
      linkKeyIds: keyring.ids(),
      keyedFrom,
      prev: previous ? checkpointHash(previous.body) : GENESIS_HASH,
      signer: desk.fingerprint,
    };
    checkpoints.push(signCheckpoint(body, desk.privateKey));
  }
  return { events, checkpoints, keyedFrom };
}

function headOf(events: ChainedAuditEvent[]) {
  const last = events[events.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

function verify(
  trail: Trail,
  overrides: Partial<VerifyTrailInput> = {},
): Promise<TrailVerification> {
  return verifyTrail({
    events: stream(trail.events),
    checkpoints: trail.checkpoints,
    outsideCopies: trail.checkpoints,
    trustedKeys: trusted,
    linkKeys: keyring,
    head: headOf(trail.events),
    ...overrides,
  });
}

/** An edited event re-linked under `rule` (keeping its key id). */
function relinked(event: ChainedAuditEvent, changes: Partial<AuditEventInput>, keys?: LinkKeyring) {
  const edited = { ...event, ...changes };
  edited.hash = keys
    ? linkOf(edited.prevHash, edited.seq, edited, {
        kind: 'keyed',
        keyId: edited.linkKeyId!,
        secret: keys.secret(edited.linkKeyId!)!,
      })
    : hashAuditEvent(edited.prevHash, edited.seq, edited);
  return edited;
}

describe('trail verification', () => {
  it('verifies a trail of keyless then keyed events through its checkpoints', async () => {
    const trail = buildTrail({ legacy: 3, keyed: 6, at: [7, 10], rotateAt: 8 });
    const progress: number[] = [];
    const report = await verify(trail, { onProgress: ({ seq }) => progress.push(seq) });
    expect(report).toEqual({
      ok: true,
      verified: 10,
      head: headOf(trail.events),
      lastCheckpoint: trail.checkpoints[2],
      warnings: [],
    });
    expect(progress).toEqual([10]);
  });

  it('verifies an empty trail with no checkpoint', async () => {
    const report = await verify({ events: [], checkpoints: [], keyedFrom: 1 });
    expect(report).toMatchObject({ ok: true, verified: 0, head: { seq: 0, hash: GENESIS_HASH } });
  });

  it('warns, without failing, of a checkpoint not copied outside yet', async () => {
    const trail = buildTrail({ at: [8] });
    const report = await verify(trail, { outsideCopies: trail.checkpoints.slice(0, 1) });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([
      { kind: 'checkpoint-not-copied', checkpoint: 2, params: { no: 2 } },
    ]);
  });

  it('names a keyed event whose details were edited', async () => {
    const trail = buildTrail();
    trail.events[5] = { ...trail.events[5]!, details: { n: 6, note: 'edited' } };
    expect(await verify(trail)).toMatchObject({
      ok: false,
      verified: 5,
      failure: { event: 6, kind: 'changed', params: { seq: 6, action: 'request.released' } },
    });
  });

  it('names a keyless event, before the switch, whose details were edited', async () => {
    const trail = buildTrail();
    trail.events[1] = { ...trail.events[1]!, details: { n: 2, note: 'edited' } };
    expect(await verify(trail)).toMatchObject({
      ok: false,
      failure: { event: 2, kind: 'changed' },
    });
  });

  it('names the first missing event when one was deleted', async () => {
    const trail = buildTrail();
    trail.events.splice(6, 1);
    expect(await verify(trail)).toMatchObject({
      ok: false,
      verified: 6,
      failure: { event: 7, kind: 'missing', params: { from: 7, to: 7 } },
    });
  });

  it('notices two events that swapped places', async () => {
    const trail = buildTrail();
    const [a, b] = [trail.events[5]!, trail.events[6]!];
    trail.events[5] = { ...b, seq: 6 };
    trail.events[6] = { ...a, seq: 7 };
    expect(await verify(trail)).toMatchObject({
      ok: false,
      failure: { event: 6, kind: 'changed' },
    });
  });

  it('calls an appended event linked by the public keyless rule a forgery', async () => {
    const trail = buildTrail();
    const last = trail.events[trail.events.length - 1]!;
    const forged = relinked(
      { ...last, seq: last.seq + 1, prevHash: last.hash, action: 'request.approved' },
      {},
    );
    trail.events.push(forged);
    expect(await verify(trail)).toMatchObject({
      ok: false,
      failure: { event: forged.seq, kind: 'forged', params: { reason: 'public-rule' } },
    });
    trail.events[trail.events.length - 1] = { ...forged, linkKeyId: null };
    expect(await verify(trail)).toMatchObject({
      ok: false,
      failure: { event: forged.seq, kind: 'unkeyed-after-switch' },
    });
  });

  it('calls an event under a key the keyring does not hold a forgery', async () => {
    const trail = buildTrail();
    trail.events[7] = { ...trail.events[7]!, linkKeyId: 'k9' };
    expect(await verify(trail)).toMatchObject({
      ok: false,
      failure: { event: 8, kind: 'forged', params: { reason: 'unknown-key', keyId: 'k9' } },
    });
  });

  it('catches a tail rewritten from event k with every later link recomputed keyless', async () => {
    const trail = buildTrail({ at: [8] });
    for (let i = 5; i < trail.events.length; i += 1) {
      const changes = i === 5 ? { details: { n: 6, note: 'rewritten' } } : {};
      const event = { ...trail.events[i]!, prevHash: trail.events[i - 1]!.hash };
      trail.events[i] = relinked(event, changes);
    }
    expect(await verify(trail)).toMatchObject({
      ok: false,
      failure: { event: 6, kind: 'forged' },
    });
  });

  it('catches a tail rewritten with the right key as not passing through its checkpoint', async () => {
    // Only someone holding the link key could do this; the signed checkpoint still catches it.
    const trail = buildTrail({ at: [8] });
    for (let i = 5; i < trail.events.length; i += 1) {
      const changes = i === 5 ? { details: { n: 6, note: 'rewritten' } } : {};
      const event = { ...trail.events[i]!, prevHash: trail.events[i - 1]!.hash };
      trail.events[i] = relinked(event, changes, keyring);
    }
    expect(await verify(trail, { head: headOf(trail.events) })).toMatchObject({
      ok: false,
      failure: { event: 8, checkpoint: 2, kind: 'checkpoint-mismatch' },
    });
  });

  it('catches a trail rewritten keyless with the switch dropped, against its checkpoints', async () => {
    const trail = buildTrail({ at: [8] });
    const rewritten: ChainedAuditEvent[] = [];
    let prevHash = GENESIS_HASH;
    for (const event of trail.events.filter((e) => e.action !== KEYED_LINKS_STARTED)) {
      const seq = rewritten.length + 1;
      const plain = { ...event, seq, prevHash, linkKeyId: null };
      plain.hash = hashAuditEvent(prevHash, seq, plain);
      rewritten.push(plain);
      prevHash = plain.hash;
    }
    const tampered = { ...trail, events: rewritten };
    expect(await verify(tampered, { head: headOf(rewritten) })).toMatchObject({
      ok: false,
      failure: { event: 4, kind: 'unkeyed-after-switch' },
    });
    // … and with the checkpoints deleted from the database too: their outside copies remain.
    expect(await verify(tampered, { head: headOf(rewritten), checkpoints: [] })).toMatchObject({
      ok: false,
      failure: { checkpoint: 1, kind: 'checkpoint-deleted' },
    });
    // … and with no copy left anywhere: a trail with events and no checkpoint fails.
    expect(
      await verify(tampered, { head: headOf(rewritten), checkpoints: [], outsideCopies: [] }),
    ).toMatchObject({ ok: false, failure: { kind: 'no-checkpoint' } });
  });

  it('catches the last events deleted and the head moved back, at the checkpoint past the end', async () => {
    const trail = buildTrail({ at: [9] });
    const events = trail.events.slice(0, 7);
    expect(await verify({ ...trail, events }, { head: headOf(events) })).toMatchObject({
      ok: false,
      failure: { checkpoint: 2, kind: 'checkpoint-mismatch', params: { seq: 9, headSeq: 7 } },
    });
  });

  it('names the missing events when the trail ends before its head', async () => {
    const trail = buildTrail();
    const head = headOf(trail.events);
    expect(await verify({ ...trail, events: trail.events.slice(0, 7) }, { head })).toMatchObject({
      ok: false,
      verified: 7,
      failure: { event: 8, kind: 'missing', params: { from: 8, to: 10 } },
    });
  });

  it('notices a head that does not match the last event', async () => {
    const trail = buildTrail();
    const head = { seq: 10, hash: 'f'.repeat(64) };
    expect(await verify(trail, { head })).toMatchObject({
      ok: false,
      failure: { event: 10, kind: 'head-mismatch' },
    });
  });

  it('reports a row beyond the head as unaccounted, in the events or as strays', async () => {
    const trail = buildTrail();
    const head = headOf(trail.events);
    const stray = relinked({ ...trail.events[9]!, seq: 11, prevHash: head.hash }, {}, keyring);
    expect(await verify({ ...trail, events: [...trail.events, stray] }, { head })).toMatchObject({
      ok: false,
      verified: 10,
      failure: { event: 11, kind: 'unaccounted', params: { headSeq: 10 } },
    });
    expect(await verify(trail, { head, strays: [11, 12] })).toMatchObject({
      ok: false,
      verified: 10,
      failure: { event: 11, kind: 'unaccounted', params: { count: 2 } },
    });
  });

  it('names a checkpoint whose signature was altered', async () => {
    const trail = buildTrail({ at: [8] });
    const altered = { ...trail.checkpoints[1]!, signature: trail.checkpoints[0]!.signature };
    expect(await verify(trail, { checkpoints: [trail.checkpoints[0]!, altered] })).toMatchObject({
      ok: false,
      failure: { checkpoint: 2, kind: 'checkpoint-signature' },
    });
  });

  it('refuses a checkpoint signed by a key that is not trusted, whatever the database says', async () => {
    const trail = buildTrail({ at: [8] });
    const intruder = signer();
    const body = { ...trail.checkpoints[1]!.body, signer: intruder.fingerprint, at: 'later' };
    const planted = signCheckpoint(body, intruder.privateKey);
    expect(
      await verify(trail, {
        checkpoints: [trail.checkpoints[0]!, planted],
        outsideCopies: [trail.checkpoints[0]!, planted],
      }),
    ).toMatchObject({ ok: false, failure: { checkpoint: 2, kind: 'untrusted-signer' } });
  });

  it('names a checkpoint deleted from the database by its outside copy', async () => {
    const trail = buildTrail({ at: [8, 10] });
    expect(await verify(trail, { checkpoints: trail.checkpoints.slice(0, 2) })).toMatchObject({
      ok: false,
      failure: { checkpoint: 3, kind: 'checkpoint-deleted' },
    });
    expect(
      await verify(trail, { checkpoints: [trail.checkpoints[0]!, trail.checkpoints[2]!] }),
    ).toMatchObject({ ok: false, failure: { checkpoint: 2, kind: 'checkpoint-deleted' } });
  });

  it('notices a gap in the checkpoints even with no outside copy', async () => {
    const trail = buildTrail({ at: [8, 10] });
    const kept = [trail.checkpoints[0]!, trail.checkpoints[2]!];
    expect(await verify(trail, { checkpoints: kept, outsideCopies: kept })).toMatchObject({
      ok: false,
      failure: { checkpoint: 2, kind: 'checkpoint-chain', params: { reason: 'missing' } },
    });
  });

  it('notices an outside copy that differs from the database', async () => {
    const trail = buildTrail({ at: [8] });
    const other = buildTrail({ at: [9] }).checkpoints[1]!;
    expect(await verify(trail, { outsideCopies: [trail.checkpoints[0]!, other] })).toMatchObject({
      ok: false,
      failure: { checkpoint: 2, kind: 'checkpoint-outside-differs' },
    });
  });

  it('notices checkpoints whose own chain is broken', async () => {
    const trail = buildTrail({ at: [8] });
    const body = { ...trail.checkpoints[1]!.body, prev: GENESIS_HASH };
    const unlinked = signCheckpoint(body, desk.privateKey);
    const checkpoints = [trail.checkpoints[0]!, unlinked];
    expect(await verify(trail, { checkpoints, outsideCopies: checkpoints })).toMatchObject({
      ok: false,
      failure: { checkpoint: 2, kind: 'checkpoint-chain', params: { reason: 'prev' } },
    });
  });

  it('reads only the events after a verified checkpoint, incrementally', async () => {
    const trail = buildTrail({ at: [6, 8] });
    let read = 0;
    async function* counted() {
      for (const event of trail.events.slice(6)) {
        read += 1;
        yield event;
      }
    }
    const report = await verify(trail, {
      events: counted(),
      from: trail.checkpoints[1],
      checkpoints: trail.checkpoints.slice(1),
      outsideCopies: trail.checkpoints.slice(1),
    });
    expect(report).toMatchObject({ ok: true, verified: 4, lastCheckpoint: trail.checkpoints[2] });
    expect(read).toBe(4);
  });

  it('incrementally, still names an event after the checkpoint that was changed', async () => {
    const trail = buildTrail({ at: [6] });
    trail.events[8] = { ...trail.events[8]!, actorName: 'Someone else' };
    expect(
      await verify(trail, { events: stream(trail.events.slice(6)), from: trail.checkpoints[1] }),
    ).toMatchObject({ ok: false, verified: 2, failure: { event: 9, kind: 'changed' } });
  });

  it('verifies in segments between checkpoints, with the same findings', async () => {
    const trail = buildTrail({ legacy: 20, keyed: 60, at: [30, 40, 50, 60, 70] });
    const run = (plans: SegmentPlan[]) =>
      Promise.all(
        plans.map((plan) =>
          verifySegment({
            // As a worker would read it: only its own seqs.
            events: stream(
              trail.events.filter((e) => e.seq > plan.from.seq && e.seq <= plan.to.seq),
            ),
            plan: structuredClone(plan),
            linkKeys: keyring,
          }),
        ),
      );
    const whole = await verify(trail, { events: undefined, segments: { parts: 3, run } });
    expect(whole).toEqual(await verify(trail));
    expect(whole.ok).toBe(true);

    trail.events[64] = { ...trail.events[64]!, details: {} };
    trail.events[44] = { ...trail.events[44]!, details: {} };
    expect(await verify(trail, { events: undefined, segments: { parts: 3, run } })).toEqual(
      await verify(trail),
    );
    expect(await verify(trail)).toMatchObject({ ok: false, verified: 44, failure: { event: 45 } });
  });

  it('in segments, names the missing event where a segment ends short of its checkpoint', async () => {
    const trail = buildTrail({ legacy: 10, keyed: 40, at: [30, 40] });
    const run = (plans: SegmentPlan[]) =>
      Promise.all(
        plans.map((plan) =>
          verifySegment({
            events: stream(
              trail.events.filter((e) => e.seq > plan.from.seq && e.seq <= plan.to.seq),
            ),
            plan,
            linkKeys: keyring,
          }),
        ),
      );
    trail.events.splice(29, 1); // event #30, where checkpoint #2 is
    expect(await verify(trail, { events: undefined, segments: { parts: 2, run } })).toMatchObject({
      ok: false,
      verified: 29,
      failure: { event: 30, kind: 'missing' },
    });
  });

  it('refuses to start from a checkpoint the database no longer holds as it was', async () => {
    const trail = buildTrail({ at: [6, 8] });
    const other = buildTrail({ at: [7, 8] }).checkpoints[1]!;
    expect(
      await verify(trail, { events: stream(trail.events.slice(6)), from: other }),
    ).toMatchObject({
      ok: false,
      failure: { checkpoint: 2, kind: 'checkpoint-chain', params: { reason: 'from-differs' } },
    });
    const forged = { ...trail.checkpoints[1]!, signature: trail.checkpoints[0]!.signature };
    expect(
      await verify(trail, { events: stream(trail.events.slice(6)), from: forged }),
    ).toMatchObject({ ok: false, failure: { checkpoint: 2, kind: 'checkpoint-signature' } });
  });

  it('plans segments of similar length cut at checkpoints', () => {
    const { checkpoints, events } = buildTrail({ legacy: 10, keyed: 89, at: [30, 48, 52, 75, 90] });
    const plans = planSegments({
      start: { seq: 0, hash: GENESIS_HASH },
      headSeq: 100,
      keyedFrom: 11,
      chain: checkpoints,
      parts: 4,
    });
    expect(plans.map((plan) => [plan.from.seq, plan.to.seq])).toEqual([
      [0, 11],
      [11, 48],
      [48, 75],
      [75, 100],
    ]);
    expect(plans[1]!.from.hash).toBe(events[10]!.hash);
    expect(plans[1]!.passThrough.map((point) => point.no)).toEqual([2, 3]);
  });
});
