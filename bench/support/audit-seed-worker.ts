/**
 * A worker thread of `bench:audit`'s seeding: for a stretch of sequence numbers, the
 * events' keyed canonical texts (cut around the predecessor's hash) and their COPY lines
 * up to prev_hash. The main thread chains them (one HMAC per event, in order).
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  copyLineStart,
  keyedCanonicalParts,
  seedEvent,
  type SeedPlan,
} from './audit-seed-events.js';

export interface SeedBatchRequest {
  id: number;
  from: number;
  to: number;
}

export interface SeedBatch {
  id: number;
  from: number;
  before: string[];
  after: string[];
  lines: string[];
}

const plan = workerData as SeedPlan;

parentPort!.on('message', ({ id, from, to }: SeedBatchRequest) => {
  const before: string[] = [];
  const after: string[] = [];
  const lines: string[] = [];
  for (let seq = from; seq <= to; seq += 1) {
    const event = seedEvent(seq, plan);
    const [head, tail] = keyedCanonicalParts(seq, event, plan.keyId);
    before.push(head);
    after.push(tail);
    lines.push(copyLineStart(seq, event, plan.keyId));
  }
  const batch: SeedBatch = { id, from, before, after, lines };
  parentPort!.postMessage(batch);
});
