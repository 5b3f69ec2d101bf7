import { execFile, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { RemoveExpiredExportsCommand } from '../../src/audit/application/commands/remove-expired-exports/remove-expired-exports.command.js';
import { AUDIT_KEYS, type AuditKeys } from '../../src/audit/infrastructure/keys/audit-keys.js';
import {
  EXPORT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import { projectRoot } from '../../src/shared/infrastructure/project-root.js';
import { download, exportIdOf, waitForExport } from '../support/audit-fixtures.js';
import { insertRequest } from '../support/request-fixtures.js';
import { createStaff, startTestApp, type TestApp } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const ZONE = 'Asia/Shanghai';
const FROM = '2019-06-03';
const TO = '2019-06-07';
const beijing = (wallClock: string): Date => DateTime.fromISO(wallClock, { zone: ZONE }).toJSDate();

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Offline verification of exports (issue 18): every finished export has a statement signed
 * with the audit signing key at a checkpoint made for it, downloadable beside the file; and
 * `audit:verify-export`, run as its own process from the build with no database and no
 * configuration, accepts the file as downloaded and refuses one changed in any way, saying what.
 */
describe('signed export statements, verified offline', () => {
  let t: TestApp;
  let auditor: WebSession;
  let chinese: WebSession;
  let keys: AuditKeys;
  let dir: string;
  let build: string;
  let deskKey: string;
  let otherKey: string;

  /** `npm run cli -- audit:verify-export …`, as a child process with an empty environment. */
  const verifyExport = (...args: string[]): Promise<CliRun> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(build, 'src/cli.js'), 'audit:verify-export', ...args],
        // No DATABASE_URL, no keys, nothing: the check needs only the files it is given.
        { cwd: dir, env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    const root = projectRoot();
    dir = await mkdtemp(path.join(tmpdir(), 'export-statements-'));
    // The CLI as `npm run cli` builds it (swc), in a folder of its own.
    build = path.join(dir, 'build');
    const swc = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/@swc/cli/bin/swc.js'),
        'src',
        'libs',
        'migrations',
        '-d',
        build,
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (swc.status !== 0) throw new Error(`swc failed: ${swc.stderr}`);
    await symlink(path.join(root, 'node_modules'), path.join(build, 'node_modules'), 'dir');
    await writeFile(path.join(build, 'package.json'), '{ "type": "module" }\n');

    t = await startTestApp({ ownDatabase: true });
    keys = t.app.get<AuditKeys>(AUDIT_KEYS);
    deskKey = path.join(dir, 'desk-public-key.pem');
    otherKey = path.join(dir, 'other-public-key.pem');
    await writeFile(deskKey, keys.signer.publicKey.export({ type: 'spki', format: 'pem' }));
    await writeFile(
      otherKey,
      generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
    );

    const staff = await createStaff(t.app, 'AUDITOR', 'Qian Li');
    auditor = await signedIn(t.url, staff.email, staff.password);
    const chineseStaff = await createStaff(t.app, 'AUDITOR', '钱莉');
    chinese = await signedIn(t.url, chineseStaff.email, chineseStaff.password, 'zh-CN');
    for (const [index, day] of ['03', '04', '05', '06'].entries()) {
      await insertRequest(t.dataSource, {
        reference: `STMT-${index + 1}`,
        receivedAt: beijing(`2019-06-${day}T10:0${index}:00`),
        subjectType: index % 2 === 0 ? 'ORGANIZATION' : 'INDIVIDUAL',
        decision:
          index === 0
            ? { outcome: 'APPROVED', at: beijing('2019-06-04T15:30:00'), byName: 'Wang Fang' }
            : undefined,
      });
    }
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Asks for an export of requests, waits for it, and saves its file and statement as downloaded. */
  async function exported(format: 'CSV' | 'XLSX', dataset = 'requests') {
    await auditor.page('/exports');
    const response = await auditor.submit('/exports', { from: FROM, to: TO, dataset, format });
    expect(response.status).toBe(303);
    const id = exportIdOf(response.headers.location);
    const done = await waitForExport(t.dataSource, id);
    expect(done.status).toBe('COMPLETED');
    const file = await download(auditor, `/exports/${id}/download`);
    const statement = await download(auditor, `/exports/${id}/download.statement.json`);
    expect(statement.status).toBe(200);
    expect(statement.headers['content-type']).toBe('application/json; charset=utf-8');
    const fileName = /filename="([^"]+)"/.exec(String(file.headers['content-disposition']))![1]!;
    expect(statement.headers['content-disposition']).toContain(
      `filename="${fileName}.statement.json"`,
    );
    const filePath = path.join(dir, fileName);
    await writeFile(filePath, file.body as Buffer);
    await writeFile(`${filePath}.statement.json`, statement.body as Buffer);
    return { id, done, fileName, filePath, statementPath: `${filePath}.statement.json` };
  }

  it('signs each finished export at a checkpoint made for it, and audit:verify-export accepts the file as downloaded', async () => {
    for (const format of ['CSV', 'XLSX'] as const) {
      const made = await exported(format);
      const signed = JSON.parse(await readFile(made.statementPath, 'utf8')) as {
        statement: Record<string, unknown> & { checkpoint: { no: number }; fieldCodes: string[] };
        signature: string;
      };
      expect(signed.statement).toMatchObject({
        type: 'beian-desk/export-statement/v1',
        exportId: made.id,
        dataset: 'requests',
        format,
        rowCount: 4,
        filters: { from: FROM, to: TO },
        fieldCodes: expect.arrayContaining(['request.reference', 'request.status']),
        file: { sha256: made.done.sha256 },
        signer: keys.signer.fingerprint,
      });
      expect(signed.statement.fieldCodes[0]).toBe('request.reference');
      // The checkpoint it names is in the database, at or after the rows it attests.
      const [checkpoint] = await t.dataSource.query(
        `SELECT no, seq, hash FROM audit_checkpoints WHERE no = $1`,
        [signed.statement.checkpoint.no],
      );
      expect({ no: checkpoint.no, seq: Number(checkpoint.seq), hash: checkpoint.hash }).toEqual(
        signed.statement.checkpoint,
      );
      expect(Number(checkpoint.seq)).toBeGreaterThanOrEqual(Number(made.done.chain_head_seq));

      const run = await verifyExport(made.filePath, '--public-key', deskKey);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(
        `VERIFIED: export ${made.id} (${format}, requests): its 4 data rows match the statement`,
      );
      expect(run.stdout).toContain(`at audit checkpoint #${signed.statement.checkpoint.no}`);
      expect(run.stdout).toContain('byte for byte');

      // Offered on the list beside the checksum; its download is audited.
      const page = await auditor.page('/exports');
      const row = new RegExp(`<tr id="export-${made.id}"[\\s\\S]*?</tr>`).exec(page.text)![0];
      expect(row).toContain(`href="/exports/${made.id}/download.statement.json"`);
      expect(row).toContain('>Signed statement</a>');
      expect(row).toContain(`Signed at audit checkpoint #${signed.statement.checkpoint.no}.`);
      const chinesePage = await chinese.page('/exports');
      expect(
        new RegExp(`<tr id="export-${made.id}"[\\s\\S]*?</tr>`).exec(chinesePage.text)![0],
      ).toContain('>签名声明</a>');
      const [audited] = await t.dataSource.query(
        `SELECT details FROM audit_events
          WHERE action = 'export.statement_downloaded' AND details->>'exportId' = $1`,
        [made.id],
      );
      expect(audited.details).toMatchObject({
        format,
        checkpointNo: signed.statement.checkpoint.no,
      });
    }
  });

  it('refuses a CSV with a changed row, a removed row or an added row, saying which', async () => {
    const made = await exported('CSV');
    const original = await readFile(made.filePath, 'utf8');
    const lines = original.split('\r\n');
    expect(lines[1]).toMatch(/^STMT-/);
    const changedPath = path.join(dir, 'changed.csv');

    await writeFile(changedPath, original.replace('STMT-3', 'STMT-9'));
    let run = await verifyExport(
      changedPath,
      '--statement',
      made.statementPath,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the file holds the statement's 4 data rows, but their SHA-256");
    expect(run.stderr).toContain('a row among data rows 1–4 was changed');

    await writeFile(changedPath, [lines[0], ...lines.slice(2)].join('\r\n'));
    run = await verifyExport(
      changedPath,
      '--statement',
      made.statementPath,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'the file holds 3 data rows; the statement says 4: 1 row was removed (the first difference is among data rows 1–4)',
    );

    await writeFile(changedPath, [lines[0], lines[1], ...lines.slice(1)].join('\r\n'));
    run = await verifyExport(
      changedPath,
      '--statement',
      made.statementPath,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 row was added (the first difference is among data rows 1–5)');
  });

  it('refuses an Excel workbook with a changed cell, and accepts one saved again unchanged', async () => {
    const made = await exported('XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(made.filePath);
    const resaved = path.join(dir, 'resaved.xlsx');
    await workbook.xlsx.writeFile(resaved);
    let run = await verifyExport(
      resaved,
      '--statement',
      made.statementPath,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'not byte for byte the one the desk wrote (saved again?), but its rows are',
    );

    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A3').text).toMatch(/^STMT-/);
    sheet.getCell('A3').value = 'STMT-9';
    const changed = path.join(dir, 'changed.xlsx');
    await workbook.xlsx.writeFile(changed);
    run = await verifyExport(changed, '--statement', made.statementPath, '--public-key', deskKey);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a row among data rows 1–4 was changed');
  });

  it('refuses a changed statement and a wrong key, and never trusts a key the files carry', async () => {
    const made = await exported('CSV');
    const signed = JSON.parse(await readFile(made.statementPath, 'utf8')) as {
      statement: Record<string, unknown> & { checkpoint: { no: number }; fieldCodes: string[] };
      signature: string;
    };
    const changedStatement = path.join(dir, 'changed.statement.json');

    // Fewer rows claimed, to match a file with a row cut out: the signature no longer holds.
    await writeFile(
      changedStatement,
      JSON.stringify({ ...signed, statement: { ...signed.statement, rowCount: 3 } }),
    );
    let run = await verifyExport(
      made.filePath,
      '--statement',
      changedStatement,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('REFUSED: the statement was changed after it was signed');

    // The right statement checked with another key.
    run = await verifyExport(made.filePath, '--public-key', otherKey);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `names its signer as ${keys.signer.fingerprint}, but the key given is`,
    );
    expect(run.stderr).toContain('wrong key');

    // Re-signed with another key, naming that key (and carrying it): refused under the desk's key.
    const forger = generateKeyPairSync('ed25519');
    const { signExportStatement } =
      await import('../../src/audit/application/exports/export-statement.js');
    const { publicKeyFingerprint } = await import('@lib/audit-trail');
    const forged = signExportStatement(
      { ...signed.statement, rowCount: 3, signer: publicKeyFingerprint(forger.publicKey) } as never,
      forger.privateKey,
    );
    await writeFile(
      changedStatement,
      JSON.stringify({
        ...forged,
        publicKey: forger.publicKey.export({ type: 'spki', format: 'pem' }),
      }),
    );
    run = await verifyExport(
      made.filePath,
      '--statement',
      changedStatement,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('wrong key, or the statement');

    // Not a statement at all: a checkpoint signed by the same key.
    const [checkpoint] = await t.dataSource.query(
      `SELECT body, signature FROM audit_checkpoints ORDER BY no DESC LIMIT 1`,
    );
    await writeFile(changedStatement, JSON.stringify(checkpoint));
    run = await verifyExport(
      made.filePath,
      '--statement',
      changedStatement,
      '--public-key',
      deskKey,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a signed export statement: it has no statement');
  });

  it('signs exports of the audit trail too, Excel date cells and all, under their own field codes', async () => {
    for (const format of ['CSV', 'XLSX'] as const) {
      const made = await exported(format, 'audit-events');
      const { statement } = JSON.parse(await readFile(made.statementPath, 'utf8')) as {
        statement: { rowCount: number; fieldCodes: string[] };
      };
      expect(statement.fieldCodes.slice(0, 2)).toEqual([
        'audit_event.seq',
        'audit_event.occurred_at',
      ]);
      expect(statement.rowCount).toBe(Number(made.done.row_count));
      const run = await verifyExport(made.filePath, '--public-key', deskKey);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toContain(`(${format}, audit-events)`);
    }
  });

  it('says in words that an export made before exports were signed has no statement, and removes a statement with its file', async () => {
    const made = await exported('CSV');
    const store = t.app.get<ObjectStore>(EXPORT_OBJECTS);
    const statementKey = `${made.id}.statement.json`;
    expect(await store.exists(statementKey)).toBe(true);

    await t.dataSource.query(
      `UPDATE data_exports SET statement_key = NULL, statement_checkpoint_no = NULL, rows_sha256 = NULL
        WHERE id = $1`,
      [made.id],
    );
    const refused = await auditor.agent.get(`/exports/${made.id}/download.statement.json`);
    expect(refused.status).toBe(404);
    expect(refused.text).toContain('This export was made before exports were signed');
    const page = await auditor.page('/exports');
    const row = new RegExp(`<tr id="export-${made.id}"[\\s\\S]*?</tr>`).exec(page.text)![0];
    expect(row).toContain(`href="/exports/${made.id}/download.sha256"`);
    expect(row).not.toContain('download.statement.json');

    // Past the retention period, the statement goes with the file.
    const other = await exported('XLSX');
    await t.dataSource.query(
      `UPDATE data_exports SET finished_at = now() - interval '400 days' WHERE id = $1`,
      [other.id],
    );
    await t.app.get(CommandBus).execute(new RemoveExpiredExportsCommand(365));
    expect(await store.exists(`${other.id}.statement.json`)).toBe(false);
    expect(await store.exists(`${other.id}.xlsx`)).toBe(false);
  });
});
