import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  GENESIS_HASH,
  checkpointHash,
  hashAuditEvent,
  linkOf,
  publicKeyFingerprint,
  signCheckpoint,
  type AuditEventInput,
  type CheckpointBody,
} from '@lib/audit-trail';
import { runCli } from '../../src/cli/run-cli.js';
import { AuditCheckpoints } from '../../src/audit/infrastructure/checkpoints/audit-checkpoints.js';
import {
  EXPORT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import { CheckpointCopies } from '../../src/audit/infrastructure/checkpoints/checkpoint-copies.js';
import { AUDIT_KEYS, type AuditKeys } from '../../src/audit/infrastructure/keys/audit-keys.js';
import { audit as englishAudit } from '../../src/shared/i18n/messages/en/audit.js';
import { audit as chineseAudit } from '../../src/shared/i18n/messages/zh-CN/audit.js';
import { decodeEntities } from '../support/audit-fixtures.js';
import { testServices } from '../support/services.js';
import {
  createStaff,
  startTestApp,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

/**
 * Issue 18's tampers, each done as the database's superuser (who can disable triggers,
 * rewrite any row and call the append functions) on a database of the test's own, and
 * each caught by the full verification — on the page (its button, then its result) and
 * by `audit:verify --full` (exit 1) — naming the event or checkpoint that fails.
 */

type FailureKind =
  | 'changed'
  | 'missing'
  | 'reordered'
  | 'forged'
  | 'unkeyed-after-switch'
  | 'no-checkpoint'
  | 'checkpoint-signature'
  | 'untrusted-signer'
  | 'checkpoint-chain'
  | 'checkpoint-mismatch'
  | 'checkpoint-deleted'
  | 'checkpoint-outside-differs'
  | 'head-mismatch'
  | 'unaccounted';

/**
 * The fixed words of a failure kind in a catalogue (the longest stretch between its
 * placeholders), so the test checks that the page says what failed without copying the
 * sentence.
 */
function kindWords(kind: FailureKind, catalogue: object = englishAudit): string {
  const messages = catalogue as Record<string, string>;
  const message = messages[`audit.verify.failure.${kind}`];
  if (!message) throw new Error(`no words for audit.verify.failure.${kind} in the catalogue`);
  const fixed = message
    .split(/\{[^}]*\}/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 6);
  if (fixed.length === 0) throw new Error(`audit.verify.failure.${kind} has no fixed words`);
  return fixed.sort((a, b) => b.length - a.length)[0]!;
}

/** What the full verification's panel says when it passed. */
const FULL_PASSED = englishAudit['audit.verify.full.passed'].split(':')[0]!;

interface Row {
  seq: number;
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

const inputOf = (row: Row): AuditEventInput => ({
  occurredAt: new Date(row.occurred_at),
  actorType: row.actor_type,
  actorId: row.actor_id,
  actorRole: row.actor_role,
  actorName: row.actor_name,
  action: row.action,
  requestId: row.request_id,
  subjectId: row.subject_id,
  details: row.details,
  ip: row.ip,
});

/** An event as `audit_append` takes it: an object keyed by column name. */
const columnsOf = (
  seq: number,
  event: AuditEventInput,
  prevHash: string,
  hash: string,
  linkKeyId: string | null,
) => ({
  seq,
  occurred_at: event.occurredAt.toISOString(),
  actor_type: event.actorType,
  actor_id: event.actorId,
  actor_role: event.actorRole,
  actor_name: event.actorName,
  action: event.action,
  request_id: event.requestId,
  subject_id: event.subjectId,
  details: event.details,
  ip: event.ip,
  prev_hash: prevHash,
  hash,
  link_key_id: linkKeyId,
});

const forgedApproval = (at: Date): AuditEventInput => ({
  occurredAt: at,
  actorType: 'STAFF',
  actorId: '00000000-0000-4000-8000-000000000001',
  actorRole: 'SENIOR_REVIEWER',
  actorName: 'Forged Senior',
  action: 'request.approved',
  requestId: null,
  subjectId: null,
  details: { note: 'approved (forged)' },
  ip: '10.9.9.9',
});

/** One test's desk: its own database, export store and Redis database. */
interface Desk {
  t: TestApp;
  /** The database as its superuser (triggers off for this connection). */
  su: pg.Client;
  auditor: TestStaff;
  session: WebSession;
  /** Seqs of the keyless events written before the switch. */
  legacySeqs: number[];
  switchSeq: number;
}

const { redisUrl } = testServices();
// A Redis database no other test file uses, so no other app's worker runs this file's jobs.
const isolatedRedis = Object.assign(new URL(redisUrl), { pathname: '/11' }).toString();

let open: Desk | undefined;
afterEach(async () => {
  const desk = open;
  open = undefined;
  await desk?.su.end().catch(() => undefined);
  await desk?.t.close();
});

async function rows(
  su: pg.Client,
  sql = 'SELECT * FROM audit_events ORDER BY seq',
): Promise<Row[]> {
  return (await su.query(sql)).rows.map((row: Row) => ({
    ...row,
    seq: Number(row.seq),
    prev_hash: String(row.prev_hash).trim(),
    hash: String(row.hash).trim(),
  }));
}

async function head(su: pg.Client): Promise<{ seq: number; hash: string }> {
  const { rows: found } = await su.query(`SELECT seq, hash FROM audit_chain_head`);
  return { seq: Number(found[0].seq), hash: String(found[0].hash).trim() };
}

async function moveHead(su: pg.Client, seq: number, hash: string): Promise<void> {
  await su.query(`UPDATE audit_chain_head SET seq = $1, hash = $2, updated_at = now()`, [
    seq,
    hash,
  ]);
}

async function checkpointRows(
  su: pg.Client,
): Promise<{ no: number; seq: number; hash: string; body: CheckpointBody; signature: string }[]> {
  const { rows: found } = await su.query(
    `SELECT no, seq, hash, body, signature FROM audit_checkpoints ORDER BY no`,
  );
  return found.map((row) => ({ ...row, no: Number(row.no), seq: Number(row.seq) }));
}

async function insertRow(su: pg.Client, row: ReturnType<typeof columnsOf>): Promise<void> {
  await su.query(
    `INSERT INTO audit_events (seq, occurred_at, actor_type, actor_id, actor_role, actor_name,
       action, request_id, subject_id, details, ip, prev_hash, hash, link_key_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      row.seq,
      row.occurred_at,
      row.actor_type,
      row.actor_id,
      row.actor_role,
      row.actor_name,
      row.action,
      row.request_id,
      row.subject_id,
      JSON.stringify(row.details),
      row.ip,
      row.prev_hash,
      row.hash,
      row.link_key_id,
    ],
  );
}

/** Makes a checkpoint now, as an export would (signed, stored, copied outside). */
async function checkpointNow(desk: Desk): Promise<{ no: number; seq: number; hash: string }> {
  const made = await desk.t.app.get(AuditCheckpoints).checkpointNow();
  return { no: made.body.no, seq: made.body.seq, hash: made.body.hash };
}

/** The numbers of the checkpoints' copies outside the database (the export store). */
async function outsideCopies(desk: Desk): Promise<number[]> {
  return desk.t.app.get(CheckpointCopies).numbers();
}

async function addStaff(desk: Pick<Desk, 't'>, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await createStaff(desk.t.app, 'REVIEWER');
}

/**
 * A desk upgraded from keyless links: three events written under the old rule before any
 * keyed append, then staff created (the switch and checkpoint #1 come with the first
 * append), checkpoint #2 after them, and a few more events after that.
 */
async function deskWithTrail(): Promise<Desk> {
  const t = await startTestApp({ ownDatabase: true, env: { REDIS_URL: isolatedRedis } });
  const su = new pg.Client({ connectionString: t.database.adminUrl });
  await su.connect();
  // The intruder's first step: no trigger fires for this session.
  await su.query(`SET session_replication_role = replica`);
  const desk = { t, su } as Desk;
  open = desk;

  // Keyless events from before the upgrade, through the owner's append function.
  const legacySeqs: number[] = [];
  const start = await head(su);
  if (start.seq === 0) {
    let prevHash = start.hash || GENESIS_HASH;
    const legacy = [];
    for (let seq = 1; seq <= 3; seq += 1) {
      const event: AuditEventInput = {
        occurredAt: new Date(Date.UTC(2025, 10, 1, 2, seq)),
        actorType: 'SYSTEM',
        actorId: null,
        actorRole: null,
        actorName: 'before the upgrade',
        action: 'staff.created',
        requestId: null,
        subjectId: null,
        details: { legacy: seq, note: '升级前的事件' },
        ip: null,
      };
      const hash = hashAuditEvent(prevHash, seq, event);
      legacy.push(columnsOf(seq, event, prevHash, hash, null));
      legacySeqs.push(seq);
      prevHash = hash;
    }
    await su.query(`SELECT audit_append($1::jsonb)`, [JSON.stringify(legacy)]);
  }
  desk.legacySeqs = legacySeqs;

  desk.auditor = await createStaff(t.app, 'AUDITOR', 'Chen Jing');
  await addStaff(desk, 4);
  const switchRow = (
    await su.query(`SELECT seq FROM audit_events WHERE action = 'audit.keyed_links_started'`)
  ).rows[0];
  if (!switchRow) throw new Error('the first append made no audit.keyed_links_started event');
  desk.switchSeq = Number(switchRow.seq);
  await checkpointNow(desk);
  await addStaff(desk, 3);
  desk.session = await signedIn(t.url, desk.auditor.email, desk.auditor.password);
  return desk;
}

interface Finding {
  code: number;
  cli: string;
  page: string;
}

function cliEnv(t: TestApp): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: t.config.DATABASE_URL,
    REDIS_URL: isolatedRedis,
    SESSION_SECRET: t.config.SESSION_SECRET,
    INTAKE_TOKENS: 'cli:cli-token-000000000000',
    DOCUMENT_DIR: t.config.DOCUMENT_DIR,
    EXPORT_DIR: t.config.EXPORT_DIR,
    DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
    PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
  };
  // The audit keys' files and the owner's URL, as the test app was given them.
  for (const [key, value] of Object.entries(t.config)) {
    if (
      (key.startsWith('AUDIT_') || key === 'MIGRATION_DATABASE_URL') &&
      (typeof value === 'string' || typeof value === 'number')
    ) {
      env[key] = String(value);
    }
  }
  return env;
}

/** `npm run cli -- audit:verify --full`, in this process. */
async function verifyOnCli(t: TestApp): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(['audit:verify', '--full'], cliEnv(t), {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  });
  return { code, out: lines.join('\n') };
}

const textOf = (html: string): string =>
  decodeEntities(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

/** The full verification's panel of /audit/verify: its state and its words. */
function fullPanelOf(html: string): { state: string | null; text: string } {
  const panel =
    /<section[^>]*data-verify="full"[^>]*data-state="([^"]*)"[^>]*>([\s\S]*?)<\/section>/.exec(
      html,
    );
  return panel ? { state: panel[1]!, text: textOf(panel[2]!) } : { state: null, text: '' };
}

/**
 * The auditor presses the page's full verification button, then reads /audit/verify
 * until the run has finished; returns the words of its result on the page.
 */
async function verifyOnPage(desk: Desk): Promise<string> {
  const { session } = desk;
  const before = await session.page('/audit/verify');
  const form = /<form[^>]*action="([^"]*full[^"]*)"/i.exec(before.text);
  if (!form) {
    throw new Error(
      `no full-verification form on /audit/verify (status ${before.status}): ${textOf(before.text).slice(0, 600)}`,
    );
  }
  const started = await session.submitFrom('/audit/verify', decodeEntities(form[1]!));
  if (![302, 303].includes(started.status)) {
    return `pressing the button answered ${started.status}: ${textOf(started.text ?? '').slice(0, 600)}`;
  }
  const deadline = Date.now() + 40_000;
  let last = '';
  while (Date.now() < deadline) {
    const page = await session.page('/audit/verify');
    if (page.status !== 200)
      return `/audit/verify answered ${page.status}: ${textOf(page.text).slice(0, 600)}`;
    const panel = fullPanelOf(page.text);
    last = `${panel.state}: ${panel.text}`;
    if (panel.state && !['none', 'running'].includes(panel.state)) return panel.text;
    await sleep(500);
  }
  throw new Error(
    `the full verification did not finish on the page in 40 s: ${last.slice(0, 800)}`,
  );
}

function kindWordsOrNull(kind: FailureKind): string | null {
  try {
    return kindWords(kind);
  } catch {
    return null;
  }
}

/** Both ways an auditor runs the full verification, after the tamper. */
async function fullVerification(desk: Desk): Promise<Finding> {
  // The page first: the command line's run is recorded too, and the page would show it.
  const page = await verifyOnPage(desk);
  const { code, out } = await verifyOnCli(desk.t);
  return { code, cli: out, page };
}

/**
 * Each way names `number` (an event's seq or a checkpoint's no) and says one of `kinds`
 * in words; the command line exits 1.
 */
function expectCaught(
  finding: Finding,
  kinds: FailureKind[],
  number: number | null,
  what: 'event' | 'checkpoint',
): void {
  const context = `\nCLI (exit ${finding.code}):\n${finding.cli}\n\nPAGE:\n${finding.page.slice(0, 1500)}`;
  expect({ exit: finding.code, context }).toEqual({ exit: 1, context });
  const cliSaysKind = kinds.some(
    (kind) => finding.cli.includes(kind) || finding.cli.includes(kindWordsOrNull(kind) ?? '\u0000'),
  );
  expect({ cliSaysKind, kinds, context }).toEqual({ cliSaysKind: true, kinds, context });
  const pageSaysKind = kinds.some((kind) => finding.page.includes(kindWords(kind)));
  expect({ pageSaysKind, kinds, context }).toEqual({ pageSaysKind: true, kinds, context });
  if (number !== null) {
    const word = new RegExp(`${what}\\s*#${number}(?!\\d)`, 'i');
    expect({ cliNames: word.test(finding.cli), context }).toEqual({
      cliNames: true,
      context,
    });
    expect({ pageNames: word.test(finding.page), context }).toEqual({
      pageNames: true,
      context,
    });
  }
  expect(finding.page).not.toContain(FULL_PASSED);
}

type Alternative = [kinds: FailureKind[], number: number | null, what: 'event' | 'checkpoint'];

/**
 * As `expectCaught`, when more than one report is right (e.g. the checkpoint a deletion
 * breaks, or the first event it removed): the alternative whose words the page shows.
 */
function expectCaughtAs(finding: Finding, alternatives: Alternative[]): void {
  const shown =
    alternatives.find(
      ([kinds, number, what]) =>
        kinds.some((kind) => finding.page.includes(kindWords(kind))) &&
        (number === null || new RegExp(`${what}\\s*#${number}(?!\\d)`, 'i').test(finding.page)),
    ) ?? alternatives[0]!;
  expectCaught(finding, ...shown);
}

/** Picks a keyed event between checkpoints #1 and #2 (one the trail has moved past). */
async function keyedEventInTheMiddle(desk: Desk): Promise<Row> {
  const all = await rows(desk.su);
  const keyed = all.filter((row) => row.seq > desk.switchSeq && row.link_key_id !== null);
  return keyed[Math.floor(keyed.length / 3)]!;
}

describe('the audit trail against its database superuser', () => {
  it('an untouched trail passes the full verification on the page and the command line', async () => {
    const desk = await deskWithTrail();
    const { code, out } = await verifyOnCli(desk.t);
    expect({ code, out }).toMatchObject({ code: 0 });
    const page = await verifyOnPage(desk);
    expect(page).toContain(FULL_PASSED);
    // Before the switch the keyless rule holds; from it on, every event names its key.
    const all = await rows(desk.su);
    expect(all.filter((row) => row.seq < desk.switchSeq).map((row) => row.link_key_id)).toEqual(
      desk.legacySeqs.map(() => null),
    );
    expect(all.filter((row) => row.seq >= desk.switchSeq).every((row) => row.link_key_id)).toBe(
      true,
    );
    const checkpoints = await checkpointRows(desk.su);
    expect(checkpoints[0]).toMatchObject({ no: 1, seq: desk.switchSeq });
    expect(checkpoints[0]!.body.keyedFrom).toBe(desk.switchSeq);
  });

  it('names the event whose detail was edited', async () => {
    const desk = await deskWithTrail();
    const target = await keyedEventInTheMiddle(desk);
    await desk.su.query(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [
      target.seq,
      { ...target.details, role: 'ADMIN' },
    ]);
    expectCaught(await fullVerification(desk), ['changed', 'forged'], target.seq, 'event');
    // In Chinese too.
    const chinese = await signedIn(desk.t.url, desk.auditor.email, desk.auditor.password, 'zh-CN');
    const zh = fullPanelOf((await chinese.page('/audit/verify')).text).text;
    expect(zh).toContain(chineseAudit['audit.verify.full.failed']);
    expect(zh).toContain(kindWords('changed', chineseAudit));
    expect(zh).toContain(`第 ${target.seq} 条事件`);
  });

  it('names the event that was deleted', async () => {
    const desk = await deskWithTrail();
    const target = await keyedEventInTheMiddle(desk);
    await desk.su.query(`DELETE FROM audit_events WHERE seq = $1`, [target.seq]);
    expectCaught(await fullVerification(desk), ['missing'], target.seq, 'event');
  });

  it('names the first of two events that were swapped', async () => {
    const desk = await deskWithTrail();
    const first = await keyedEventInTheMiddle(desk);
    const k = first.seq;
    await desk.su.query(`UPDATE audit_events SET seq = seq + 1000000000 WHERE seq IN ($1, $2)`, [
      k,
      k + 1,
    ]);
    await desk.su.query(`UPDATE audit_events SET seq = $2 WHERE seq = $1`, [k + 1000000000, k + 1]);
    await desk.su.query(`UPDATE audit_events SET seq = $2 WHERE seq = $1`, [k + 1000000001, k]);
    expectCaught(await fullVerification(desk), ['reordered', 'changed', 'forged'], k, 'event');
  });

  it('names an event inserted in the middle, linked to its predecessor under a key it does not have', async () => {
    const desk = await deskWithTrail();
    const at = await keyedEventInTheMiddle(desk);
    const k = at.seq;
    const before = (await rows(desk.su)).find((row) => row.seq === k - 1)!;
    const keyId = at.link_key_id!;
    await desk.su.query(`UPDATE audit_events SET seq = seq + 1000000000 WHERE seq >= $1`, [k]);
    await desk.su.query(
      `UPDATE audit_events SET seq = seq - 1000000000 + 1 WHERE seq >= 1000000000`,
    );
    const forged = forgedApproval(new Date(new Date(before.occurred_at).getTime() + 1));
    const hash = linkOf(before.hash, k, forged, {
      kind: 'keyed',
      keyId,
      secret: randomBytes(32),
    });
    await insertRow(desk.su, columnsOf(k, forged, before.hash, hash, keyId));
    const old = await head(desk.su);
    await moveHead(desk.su, old.seq + 1, old.hash);
    expectCaught(await fullVerification(desk), ['forged', 'changed', 'reordered'], k, 'event');
  });

  it('names a forged event appended at the end with a correct public hash and the head moved to it', async () => {
    const desk = await deskWithTrail();
    const last = await head(desk.su);
    const forged = forgedApproval(new Date());
    const hash = hashAuditEvent(last.hash, last.seq + 1, forged);
    expect(hash).toBe(linkOf(last.hash, last.seq + 1, forged, { kind: 'legacy' }));
    await insertRow(desk.su, columnsOf(last.seq + 1, forged, last.hash, hash, null));
    await moveHead(desk.su, last.seq + 1, hash);
    expectCaught(
      await fullVerification(desk),
      ['unkeyed-after-switch', 'forged'],
      last.seq + 1,
      'event',
    );
  });

  it('names the event from which the chain was rewritten with every later hash recomputed (keyless)', async () => {
    const desk = await deskWithTrail();
    const from = await keyedEventInTheMiddle(desk);
    const all = await rows(desk.su);
    let prevHash = all.find((row) => row.seq === from.seq - 1)!.hash;
    for (const row of all.filter((candidate) => candidate.seq >= from.seq)) {
      const event = inputOf(row);
      if (row.seq === from.seq) event.details = { ...event.details, role: 'ADMIN' };
      const hash = hashAuditEvent(prevHash, row.seq, event);
      await desk.su.query(
        `UPDATE audit_events SET details = $2, prev_hash = $3, hash = $4, link_key_id = NULL WHERE seq = $1`,
        [row.seq, JSON.stringify(event.details), prevHash, hash],
      );
      prevHash = hash;
    }
    await moveHead(desk.su, all[all.length - 1]!.seq, prevHash);
    expectCaught(
      await fullVerification(desk),
      ['unkeyed-after-switch', 'forged', 'changed'],
      from.seq,
      'event',
    );
  });

  it('fails a trail rewritten under the old keyless rule with the switch dropped while the outside copies remain', async () => {
    const desk = await deskWithTrail();
    const all = await rows(desk.su);
    const kept = all.filter((row) => row.action !== 'audit.keyed_links_started');
    await desk.su.query(`DELETE FROM audit_events`);
    await desk.su.query(`DELETE FROM audit_checkpoints`);
    let prevHash = GENESIS_HASH;
    let seq = 0;
    for (const row of kept) {
      seq += 1;
      const hash = hashAuditEvent(prevHash, seq, inputOf(row));
      await insertRow(desk.su, columnsOf(seq, inputOf(row), prevHash, hash, null));
      prevHash = hash;
    }
    await moveHead(desk.su, seq, prevHash);
    const copies = await outsideCopies(desk);
    expect(copies).toEqual([1, 2]);
    // The copy of #1 has no row (a desk that went on working and signed a new #1 would show
    // its copy differing, or the copy of #2 without a row).
    expectCaughtAs(await fullVerification(desk), [
      [['checkpoint-deleted'], 2, 'checkpoint'],
      [['checkpoint-deleted', 'checkpoint-outside-differs'], 1, 'checkpoint'],
      [['no-checkpoint'], null, 'checkpoint'],
    ]);
  });

  it('still fails a trail rewritten keyless with the switch dropped after the desk has gone on working and signed checkpoints again', async () => {
    const desk = await deskWithTrail();
    const all = await rows(desk.su);
    const kept = all.filter((row) => row.action !== 'audit.keyed_links_started');
    await desk.su.query(`DELETE FROM audit_events`);
    await desk.su.query(`DELETE FROM audit_checkpoints`);
    let prevHash = GENESIS_HASH;
    let seq = 0;
    for (const row of kept) {
      seq += 1;
      const hash = hashAuditEvent(prevHash, seq, inputOf(row));
      await insertRow(desk.su, columnsOf(seq, inputOf(row), prevHash, hash, null));
      prevHash = hash;
    }
    await moveHead(desk.su, seq, prevHash);
    // The desk carries on: staff are added, an export's checkpoint is signed, twice. (A desk
    // that refuses to, because its trail needs attention, is right too.)
    for (let round = 0; round < 2; round += 1) {
      await addStaff(desk, 1).catch(() => undefined);
      await checkpointNow(desk).catch(() => undefined);
    }
    // The copies outside made before the tamper are the evidence; the desk must not have
    // written over them, nor taken the rewritten keyless trail as never switched.
    expectCaughtAs(await fullVerification(desk), [
      [['checkpoint-outside-differs', 'checkpoint-deleted'], 1, 'checkpoint'],
      [['checkpoint-outside-differs', 'checkpoint-deleted'], 2, 'checkpoint'],
      [['unkeyed-after-switch', 'no-checkpoint', 'checkpoint-chain'], null, 'event'],
    ]);
  });

  it('names what is missing when the last events were deleted and the head moved back', async () => {
    const desk = await deskWithTrail();
    const made = await checkpointNow(desk);
    const all = await rows(desk.su);
    // The last two events the checkpoint covers go, with whatever came after them.
    const keep = all.find((row) => row.seq === made.seq - 2)!;
    await desk.su.query(`DELETE FROM audit_events WHERE seq > $1`, [keep.seq]);
    await moveHead(desk.su, keep.seq, keep.hash);
    // The trail no longer reaches checkpoint #made.no: it, or the first missing event.
    expectCaughtAs(await fullVerification(desk), [
      [['checkpoint-mismatch'], made.no, 'checkpoint'],
      [['missing', 'head-mismatch'], keep.seq + 1, 'event'],
    ]);
  });

  it('names the unaccounted row inserted at head + 1 with the head untouched', async () => {
    const desk = await deskWithTrail();
    const last = await head(desk.su);
    const forged = forgedApproval(new Date());
    const keyId = (await rows(desk.su)).at(-1)!.link_key_id!;
    const hash = linkOf(last.hash, last.seq + 1, forged, {
      kind: 'keyed',
      keyId,
      secret: randomBytes(32),
    });
    await insertRow(desk.su, columnsOf(last.seq + 1, forged, last.hash, hash, keyId));
    expectCaught(await fullVerification(desk), ['unaccounted'], last.seq + 1, 'event');
  });

  it('names a checkpoint deleted from the database with the events after it, by its outside copy', async () => {
    const desk = await deskWithTrail();
    const second = (await checkpointRows(desk.su)).at(-1)!;
    const third = await checkpointNow(desk);
    expect(third.no).toBe(second.no + 1);
    await desk.su.query(`DELETE FROM audit_checkpoints WHERE no = $1`, [third.no]);
    await desk.su.query(`DELETE FROM audit_events WHERE seq > $1`, [second.seq]);
    await moveHead(desk.su, second.seq, second.hash);
    expect(await outsideCopies(desk)).toContain(third.no);
    expectCaught(await fullVerification(desk), ['checkpoint-deleted'], third.no, 'checkpoint');
  });

  it('names checkpoints deleted from the database even when an earlier one was never copied outside', async () => {
    const desk = await deskWithTrail();
    const second = (await checkpointRows(desk.su)).at(-1)!;
    const third = await checkpointNow(desk);
    await addStaff(desk, 1);
    const fourth = await checkpointNow(desk);
    expect([third.no, fourth.no]).toEqual([second.no + 1, second.no + 2]);
    // The copy of #3 failed (the store was down for a moment); #4's was made.
    const copies = desk.t.app.get(CheckpointCopies);
    await desk.t.app.get<symbol, ObjectStore>(EXPORT_OBJECTS).remove(copies.keyOf(third.no));
    expect(await outsideCopies(desk)).toEqual([1, 2, fourth.no]);
    await desk.su.query(`DELETE FROM audit_checkpoints WHERE no > $1`, [second.no]);
    await desk.su.query(`DELETE FROM audit_events WHERE seq > $1`, [second.seq]);
    await moveHead(desk.su, second.seq, second.hash);
    expectCaughtAs(await fullVerification(desk), [
      [['checkpoint-deleted'], fourth.no, 'checkpoint'],
      [['checkpoint-chain'], third.no, 'checkpoint'],
    ]);
  });

  it('names the checkpoint whose signature was altered', async () => {
    const desk = await deskWithTrail();
    const target = (await checkpointRows(desk.su)).at(-1)!;
    const bytes = Buffer.from(target.signature, 'base64');
    bytes[0] = bytes[0]! ^ 0x01;
    await desk.su.query(`UPDATE audit_checkpoints SET signature = $2 WHERE no = $1`, [
      target.no,
      bytes.toString('base64'),
    ]);
    expectCaught(
      await fullVerification(desk),
      ['checkpoint-signature', 'checkpoint-outside-differs'],
      target.no,
      'checkpoint',
    );
  });

  it('changes nothing when the intruder adds a key of their own to the database and signs a checkpoint with it', async () => {
    const desk = await deskWithTrail();
    const keys = desk.t.app.get<typeof AUDIT_KEYS, AuditKeys>(AUDIT_KEYS);
    const intruder = generateKeyPairSync('ed25519');
    const intruderFingerprint = publicKeyFingerprint(intruder.publicKey);
    const intruderPem = intruder.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const intruderSecret = randomBytes(32);
    // Rows claiming a trusted signing key and a link key, where a careless verifier might look.
    await desk.su.query(
      `CREATE TABLE audit_trusted_keys (fingerprint text PRIMARY KEY, public_key text NOT NULL)`,
    );
    await desk.su.query(`INSERT INTO audit_trusted_keys VALUES ($1, $2)`, [
      intruderFingerprint,
      intruderPem,
    ]);
    await desk.su.query(`CREATE TABLE audit_link_keys (id text PRIMARY KEY, secret text NOT NULL)`);
    await desk.su.query(`INSERT INTO audit_link_keys VALUES ('intruder', $1)`, [
      intruderSecret.toString('base64'),
    ]);

    // A forged approval linked under the intruder's key, through the owner's own function,
    // and a checkpoint at it signed by the intruder, chained to the last real one.
    const last = await head(desk.su);
    const forged = forgedApproval(new Date());
    const hash = linkOf(last.hash, last.seq + 1, forged, {
      kind: 'keyed',
      keyId: 'intruder',
      secret: intruderSecret,
    });
    await desk.su.query(`SELECT audit_append($1::jsonb)`, [
      JSON.stringify([columnsOf(last.seq + 1, forged, last.hash, hash, 'intruder')]),
    ]);
    const previous = (await checkpointRows(desk.su)).at(-1)!;
    const body: CheckpointBody = {
      no: previous.no + 1,
      seq: last.seq + 1,
      hash,
      at: new Date().toISOString(),
      linkKeyIds: ['intruder', ...keys.linkKeys.ids()],
      keyedFrom: previous.body.keyedFrom,
      prev: checkpointHash(previous.body),
      signer: intruderFingerprint,
    };
    const signed = signCheckpoint(body, intruder.privateKey);
    await desk.su.query(`SELECT audit_add_checkpoint($1::jsonb, $2)`, [
      JSON.stringify(signed.body),
      signed.signature,
    ]);

    // The checkpoint is signed by a key the desk does not trust; the event names a key the
    // desk does not have.
    expectCaughtAs(await fullVerification(desk), [
      [['untrusted-signer'], body.no, 'checkpoint'],
      [['forged'], last.seq + 1, 'event'],
    ]);
    const shown = await desk.session.page('/audit/verify');
    expect(shown.text).toContain(keys.signer.fingerprint);
    expect(shown.text).not.toContain(intruderFingerprint);
  });

  it('names a checkpoint signed by a key the intruder added to the database, with no event forged', async () => {
    const desk = await deskWithTrail();
    const keys = desk.t.app.get<typeof AUDIT_KEYS, AuditKeys>(AUDIT_KEYS);
    const intruder = generateKeyPairSync('ed25519');
    const intruderFingerprint = publicKeyFingerprint(intruder.publicKey);
    await desk.su.query(
      `CREATE TABLE audit_trusted_keys (fingerprint text PRIMARY KEY, public_key text NOT NULL)`,
    );
    await desk.su.query(`INSERT INTO audit_trusted_keys VALUES ($1, $2)`, [
      intruderFingerprint,
      intruder.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ]);
    const last = await head(desk.su);
    const previous = (await checkpointRows(desk.su)).at(-1)!;
    const body: CheckpointBody = {
      no: previous.no + 1,
      seq: last.seq,
      hash: last.hash,
      at: new Date().toISOString(),
      linkKeyIds: keys.linkKeys.ids(),
      keyedFrom: previous.body.keyedFrom,
      prev: checkpointHash(previous.body),
      signer: intruderFingerprint,
    };
    const signed = signCheckpoint(body, intruder.privateKey);
    await desk.su.query(`SELECT audit_add_checkpoint($1::jsonb, $2)`, [
      JSON.stringify(signed.body),
      signed.signature,
    ]);
    expectCaught(
      await fullVerification(desk),
      ['untrusted-signer', 'checkpoint-signature'],
      body.no,
      'checkpoint',
    );
  });

  it('names a keyless event edited before the switch, with the keyless hashes after it recomputed up to the switch', async () => {
    const desk = await deskWithTrail();
    const all = await rows(desk.su);
    const target = all[0]!;
    expect(target.link_key_id).toBeNull();
    let prevHash = GENESIS_HASH;
    for (const row of all.filter((candidate) => candidate.seq < desk.switchSeq)) {
      const event = inputOf(row);
      if (row.seq === target.seq) event.details = { ...event.details, note: 'rewritten' };
      const hash = hashAuditEvent(prevHash, row.seq, event);
      await desk.su.query(
        `UPDATE audit_events SET details = $2, prev_hash = $3, hash = $4 WHERE seq = $1`,
        [row.seq, JSON.stringify(event.details), prevHash, hash],
      );
      prevHash = hash;
    }
    // The switch event still links to the original keyless head, which is no longer there.
    await desk.su.query(`UPDATE audit_events SET prev_hash = $2 WHERE seq = $1`, [
      desk.switchSeq,
      prevHash,
    ]);
    expectCaught(
      await fullVerification(desk),
      ['forged', 'changed', 'reordered'],
      desk.switchSeq,
      'event',
    );
  });
});
