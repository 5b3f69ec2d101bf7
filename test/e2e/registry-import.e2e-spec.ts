import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../src/cli/run-cli.js';
import { ReplaceSubjectAccountEmailCommand } from '../../src/filing-registry/application/commands/replace-subject-account-email/replace-subject-account-email.command.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { projectRoot } from '../../src/shared/infrastructure/project-root.js';
import { auditKeyEnv, testServices } from '../support/services.js';
import { startTestApp, type TestApp, TEST_DOCUMENT_ENCRYPTION_KEYS } from '../support/test-app.js';

const SAMPLE = path.join(projectRoot(), 'test/fixtures/hichina-registry-sample.csv');

describe('importing the legacy HiChina registry from the command line', () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;
  let scratch: string;

  beforeAll(async () => {
    t = await startTestApp();
    const services = testServices();
    scratch = services.scratchDir;
    env = {
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      SESSION_SECRET: t.config.SESSION_SECRET,
      PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
      INTAKE_TOKENS: 'cli:cli-token-000000000000',
      DOCUMENT_DIR: t.config.DOCUMENT_DIR,
      EXPORT_DIR: t.config.EXPORT_DIR,
      DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
      ...auditKeyEnv(),
    };
  });
  afterAll(() => t.close());

  const cli = async (...args: string[]): Promise<{ code: number; out: string }> => {
    const lines: string[] = [];
    const code = await runCli(args, env, {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    return { code, out: lines.join('\n') };
  };

  const sampleSubjects = `SELECT * FROM filing_subjects WHERE filing_number = ANY($1) ORDER BY filing_number`;
  let sampleNumbers: string[];

  const readReport = async (file: string): Promise<Record<string, string>[]> =>
    parse<Record<string, string>>(await readFile(file), { columns: true });

  const importEvents = (sha256: string) =>
    t.dataSource.query<
      { actor_type: string; actor_name: string; details: Record<string, unknown> }[]
    >(
      `SELECT actor_type, actor_name, details FROM audit_events
        WHERE action = 'registry.imported' AND details->>'sha256' = $1 ORDER BY seq`,
      [sha256],
    );

  it('imports the good rows, reports the bad ones by line and field, and audits the import once', async () => {
    const errors = path.join(scratch, 'sample.errors.csv');
    const result = await cli('registry:import', SAMPLE, '--errors', errors);

    expect(result.code).toBe(2);
    expect(result.out).toContain('46 rows, 41 accepted, 5 rejected');
    expect(result.out).toContain('Subjects: 20 created, 0 updated, 0 unchanged.');
    expect(result.out).toContain('Websites: 40 created, 0 updated, 0 unchanged.');
    expect(result.out).toContain(`Rows rejected: 5; the reasons are in ${errors}.`);

    const report = await readReport(errors);
    expect(report.map(({ line, field }) => [Number(line), field])).toEqual([
      [8, 'credential_number'],
      [15, 'subject_name'],
      [17, 'credential_number'],
      [28, 'website_filing_number'],
      [36, 'account_email'],
    ]);
    expect(report[0]!.reason).toMatch(/^The check character should be .\.$/);
    expect(report[1]!.reason).toBe(
      'The subject 沪ICP备07034567号 has a different subject_name on line 13; its rows must agree.',
    );
    expect(report[2]!.reason).toMatch(/^The check character should be .\.$/);
    expect(report[3]!.reason).toBe(
      '粤ICP备2021045679号-4 does not belong to the subject 粤ICP备2021045678号.',
    );
    expect(report[4]!.reason).toBe('"wu.hao#example.com" is not an email address.');

    const lines = (await readFile(SAMPLE, 'utf8')).trim().split('\n').slice(1);
    sampleNumbers = [...new Set(lines.map((line) => line.split(',')[3]!))];
    const subjects = await t.dataSource.query<Record<string, unknown>[]>(sampleSubjects, [
      sampleNumbers,
    ]);
    expect(subjects).toHaveLength(20);
    // Rows rejected for their subject's own details created nothing.
    expect(subjects.map((row) => row.name)).not.toContain('孙强');
    expect(subjects.map((row) => row.name)).not.toContain('吴昊');

    const websites: { filing_number: string; domain: string }[] = await t.dataSource.query(
      `SELECT w.filing_number, w.domain FROM filing_websites w
         JOIN filing_subjects s ON s.id = w.subject_id
        WHERE s.filing_number = ANY($1) ORDER BY w.filing_number`,
      [sampleNumbers],
    );
    expect(websites).toHaveLength(40);
    // The full-width hyphen was normalised; a Chinese domain is kept as written.
    expect(websites).toContainEqual({
      filing_number: '浙ICP备09023456号-1',
      domain: 'zhangwei-notes.cn',
    });
    expect(websites).toContainEqual({
      filing_number: '蜀ICP备2020023456号-2',
      domain: '天府小吃.中国',
    });
    expect(websites.map((site) => site.filing_number)).not.toContain('沪ICP备07034567号-3');

    const byNumber = new Map(subjects.map((row) => [row.filing_number as string, row]));
    expect(byNumber.get('京ICP备08012345号')).toMatchObject({
      type: 'ORGANIZATION',
      name: '北京朝阳明远文化传媒有限公司',
      credential_number: '74261583-X',
      province: '京',
      aliyun_account_id: null,
      account_email_changed_at: null,
      version: 1,
    });
    expect(byNumber.get('苏ICP备2022034567号')).toMatchObject({
      type: 'INDIVIDUAL',
      credential_number: '32010219790923420X',
      aliyun_account_id: '1360000000000005',
    });
    expect(byNumber.get('陕ICP备2022012345号')).toMatchObject({
      name: '西安大雁塔软件开发有限公司',
    });

    const sha256 = createHash('sha256')
      .update(await readFile(SAMPLE))
      .digest('hex');
    const events = await importEvents(sha256);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_type).toBe('SYSTEM');
    expect(events[0]!.actor_name).toMatch(/^cli:/);
    expect(events[0]!.details).toEqual({
      fileName: 'hichina-registry-sample.csv',
      sha256,
      rows: 46,
      rowsAccepted: 41,
      rowsRejected: 5,
      subjectsCreated: 20,
      subjectsUpdated: 0,
      subjectsUnchanged: 0,
      websitesCreated: 40,
      websitesUpdated: 0,
      websitesUnchanged: 0,
      changed: true,
    });
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    const before = await t.dataSource.query(sampleSubjects, [sampleNumbers]);
    const errors = path.join(scratch, 'sample-again.errors.csv');
    const result = await cli('registry:import', SAMPLE, '--errors', errors);
    expect(result.code).toBe(2);
    expect(result.out).toContain(
      'Nothing changed: the registry already holds every accepted row of hichina-registry-sample.csv',
    );
    expect(result.out).toContain('Subjects: 0 created, 0 updated, 20 unchanged.');
    expect(result.out).toContain('Websites: 0 created, 0 updated, 40 unchanged.');
    expect(await t.dataSource.query(sampleSubjects, [sampleNumbers])).toEqual(before);
    const report = await readReport(errors);
    expect(report).toHaveLength(5);
  });

  it("keeps the desk's replacement of an account email when an older export is imported again", async () => {
    const [subject] = await t.dataSource.query(
      `SELECT id FROM filing_subjects WHERE filing_number = '闽ICP备2021056789号'`,
    );
    await t.app.get(CommandBus).execute(
      new ReplaceSubjectAccountEmailCommand({
        subjectId: subject.id,
        newEmail: 'huang.li.new@example.com',
        aliyunAccountId: '1360000000000777',
        requestId: randomUUID(),
        actor: systemActor('test'),
      }),
    );
    const result = await cli('registry:import', SAMPLE, '--errors', path.join(scratch, 'x.csv'));
    expect(result.out).toContain('Nothing changed');
    const [after] = await t.dataSource.query(
      `SELECT account_email, aliyun_account_id FROM filing_subjects WHERE id = $1`,
      [subject.id],
    );
    expect(after).toEqual({
      account_email: 'huang.li.new@example.com',
      aliyun_account_id: '1360000000000777',
    });
  });

  it('applies a corrected export: an updated subject, a new website', async () => {
    const original = await readFile(SAMPLE, 'utf8');
    const corrected =
      original.replaceAll('杭州西湖龙井茶业有限公司', '杭州西湖龙井茶叶有限公司') +
      'INDIVIDUAL,周杰,610113198208081995,陕ICP备14034567号,zhou.jie.music@example.com,,陕ICP备14034567号-3,zhoujie.net\n';
    const file = path.join(scratch, 'corrected.csv');
    await writeFile(file, corrected);
    const result = await cli('registry:import', file);
    expect(result.code).toBe(2);
    expect(result.out).toContain('Subjects: 0 created, 1 updated, 19 unchanged.');
    expect(result.out).toContain('Websites: 1 created, 0 updated, 40 unchanged.');
    // The default report sits beside the input.
    const report = await readReport(path.join(scratch, 'corrected.errors.csv'));
    expect(report).toHaveLength(5);
    const [tea] = await t.dataSource.query(
      `SELECT name, version FROM filing_subjects WHERE filing_number = '浙ICP备04012345号'`,
    );
    expect(tea).toEqual({ name: '杭州西湖龙井茶叶有限公司', version: 2 });
  });

  it('refuses a file without the columns it needs, naming them, and imports nothing', async () => {
    const file = path.join(scratch, 'no-email.csv');
    await writeFile(
      file,
      'subject_type,subject_name,credential_number,subject_filing_number,website_filing_number\n' +
        'INDIVIDUAL,钱多,110105199102140519,京ICP备2024000001号,\n',
    );
    const result = await cli('registry:import', file);
    expect(result.code).toBe(1);
    expect(result.out).toContain('lacks the columns account_email, website_domain');
    const sha256 = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(await importEvents(sha256)).toEqual([]);
    expect(
      await t.dataSource.query(
        `SELECT 1 FROM filing_subjects WHERE filing_number = '京ICP备2024000001号'`,
      ),
    ).toEqual([]);
  });

  it('reports a row with the wrong number of fields, and a missing file', async () => {
    const file = path.join(scratch, 'short-row.csv');
    await writeFile(
      file,
      '\ufeffsubject_type,subject_name,credential_number,subject_filing_number,account_email,website_filing_number,website_domain\n' +
        'INDIVIDUAL,钱多,110105199102140519\n',
    );
    const result = await cli(
      'registry:import',
      file,
      '--errors',
      path.join(scratch, 'short.errors.csv'),
    );
    expect(result.code).toBe(2);
    const report = await readReport(path.join(scratch, 'short.errors.csv'));
    expect(report).toEqual([
      { line: '2', field: 'row', reason: 'The row has 3 fields; the header has 7.' },
    ]);
    const missing = await cli('registry:import', path.join(scratch, 'nowhere.csv'));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('There is no file');
  });
});
