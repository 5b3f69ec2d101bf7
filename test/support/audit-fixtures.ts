import { setTimeout as sleep } from 'node:timers/promises';
import { AuditChain, type AuditEventInput } from '@lib/audit-trail';
import type { DataSource } from 'typeorm';
import type { AuditKeys } from '../../src/audit/infrastructure/keys/audit-keys.js';
import { loadAuditKeys } from '../../src/audit/infrastructure/keys/load-audit-keys.js';
import { auditKeyEnv } from './services.js';
import type { WebSession } from './web-session.js';

let testAuditKeys: Promise<AuditKeys> | undefined;

/** The run's audit keys (the files the global set-up made), as the test apps load them. */
export function auditKeysOfTests(): Promise<AuditKeys> {
  testAuditKeys ??= loadAuditKeys({ ...auditKeyEnv(), NODE_ENV: 'test' });
  return testAuditKeys;
}

/**
 * Appends events to the real chain in one transaction, in batches (as many as you like),
 * keyed under the run's link key (a trail not switched yet is switched first).
 */
export async function appendAuditEvents(
  dataSource: DataSource,
  events: AuditEventInput[],
): Promise<void> {
  const chain = new AuditChain();
  const keys = await auditKeysOfTests();
  const signer = { privateKey: keys.signer.privateKey, fingerprint: keys.signer.fingerprint };
  await dataSource.transaction(async (manager) => {
    for (let start = 0; start < events.length; start += 1000) {
      await chain.append(
        manager,
        events.slice(start, start + 1000),
        { linkKeys: keys.linkKeys, signer },
        new Date(),
      );
    }
  });
}

export interface ExportRow {
  id: string;
  status: string;
  attempts: number;
  row_count: string | null;
  sha256: string | null;
  last_error: string | null;
  chain_head_seq: string | null;
  chain_head_hash: string | null;
  file_key: string | null;
}

/** Polls the export's record until it reaches one of `statuses`. */
export async function waitForExport(
  dataSource: DataSource,
  id: string,
  statuses: string[] = ['COMPLETED', 'FAILED'],
  timeoutMs = 45_000,
): Promise<ExportRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: ExportRow[] = await dataSource.query(`SELECT * FROM data_exports WHERE id = $1`, [
      id,
    ]);
    const row = rows[0];
    if (row && statuses.includes(row.status)) return row;
    if (Date.now() > deadline) {
      throw new Error(`export ${id} did not reach ${statuses.join('/')}: ${JSON.stringify(row)}`);
    }
    await sleep(100);
  }
}

/** The id of the export a POST /exports created, from its redirect. */
export function exportIdOf(location: string | undefined): string {
  const match = /#export-([0-9a-f-]{36})$/.exec(location ?? '');
  if (!match) throw new Error(`no export id in ${location}`);
  return match[1]!;
}

/** GETs a file as bytes. */
export async function download(session: WebSession, path: string) {
  return session.agent
    .get(path)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

/**
 * The figures of a report table: `<tr data-key>` rows and `<td data-figure>`
 * cells, as text.
 */
export function tableFigures(html: string, tableId: string): Map<string, Record<string, string>> {
  const table = new RegExp(`<table[^>]*id="${tableId}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  const rows = new Map<string, Record<string, string>>();
  if (!table) return rows;
  for (const row of table[1]!.matchAll(/<tr data-key="([^"]*)">([\s\S]*?)<\/tr>/g)) {
    const figures: Record<string, string> = {};
    for (const cell of row[2]!.matchAll(/data-figure="([^"]+)">([^<]*)</g)) {
      figures[cell[1]!] = decodeEntities(cell[2]!.trim());
    }
    rows.set(decodeEntities(row[1]!), figures);
  }
  return rows;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}
