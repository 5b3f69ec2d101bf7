import { describe, expect, it } from '@jest/globals';
import {
  GENESIS_HASH,
  hashAuditEvent,
  type AuditEventInput,
  type ChainedAuditEvent,
} from './audit-chain.js';
import { verifyAuditChain } from './verify-chain.js';

function buildChain(length: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const input: AuditEventInput = {
      occurredAt: new Date(Date.UTC(2026, 10, 25, 1, 0, seq)),
      actorType: 'STAFF',
      actorId: '00000000-0000-4000-8000-000000000001',
      actorRole: 'REVIEWER',
      actorName: 'Li Na',
      action: seq % 2 ? 'request.claimed' : 'request.released',
      requestId: null,
      subjectId: null,
      details: { n: seq, note: '审核' },
      ip: '10.0.0.1',
    };
    const hash = hashAuditEvent(prevHash, seq, input);
    events.push({ ...input, seq, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

async function* stream(events: ChainedAuditEvent[]): AsyncGenerator<ChainedAuditEvent> {
  yield* events;
}

describe('audit chain verification', () => {
  it('verifies an intact chain and reports its head', async () => {
    const events = buildChain(5);
    const head = { seq: 5, hash: events[4]!.hash };
    expect(await verifyAuditChain(stream(events), head)).toEqual({ ok: true, verified: 5, head });
  });

  it('verifies an empty trail', async () => {
    expect(await verifyAuditChain(stream([]), { seq: 0, hash: GENESIS_HASH })).toEqual({
      ok: true,
      verified: 0,
      head: { seq: 0, hash: GENESIS_HASH },
    });
  });

  it('names the event whose details were edited', async () => {
    const events = buildChain(5);
    events[2] = { ...events[2]!, details: { n: 3, note: 'edited' } };
    const report = await verifyAuditChain(stream(events));
    expect(report).toMatchObject({ ok: false, verified: 2, break: { seq: 3, kind: 'changed' } });
  });

  it('names the missing event when one was deleted', async () => {
    const events = buildChain(5);
    events.splice(1, 1);
    const report = await verifyAuditChain(stream(events));
    expect(report).toMatchObject({ ok: false, verified: 1, break: { seq: 2, kind: 'missing' } });
    if (!report.ok) expect(report.break.message).toContain('Event #2 is missing');
  });

  it('notices events removed from the end, against the recorded head', async () => {
    const events = buildChain(5);
    const head = { seq: 5, hash: events[4]!.hash };
    const report = await verifyAuditChain(stream(events.slice(0, 3)), head);
    expect(report).toMatchObject({ ok: false, break: { seq: 4, kind: 'missing' } });
  });

  it('notices two events that swapped places', async () => {
    const events = buildChain(5);
    const swapped = [
      events[0]!,
      { ...events[2]!, seq: 2 },
      { ...events[1]!, seq: 3 },
      events[3]!,
      events[4]!,
    ];
    const report = await verifyAuditChain(stream(swapped));
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.break.seq).toBe(2);
  });

  it('notices an event re-hashed to hide an edit, at the event after it', async () => {
    const events = buildChain(4);
    const edited = { ...events[1]!, details: { n: 2, note: 'forged' } };
    edited.hash = hashAuditEvent(edited.prevHash, edited.seq, edited);
    const report = await verifyAuditChain(stream([events[0]!, edited, events[2]!, events[3]!]));
    expect(report).toMatchObject({ ok: false, break: { seq: 3, kind: 'reordered' } });
  });
});
