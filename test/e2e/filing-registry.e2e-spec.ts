import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
  unifiedSocialCreditCodeCheckCharacter,
} from '@lib/credentials';
import {
  ImportLegacyRegistryCommand,
  type LegacyRegistryRecord,
  type LegacyRegistryRejection,
} from '../../src/filing-registry/application/commands/import-legacy-registry/import-legacy-registry.command.js';
import { RegisterFilingSubjectCommand } from '../../src/filing-registry/application/commands/register-filing-subject/register-filing-subject.command.js';
import { ReplaceSubjectAccountEmailCommand } from '../../src/filing-registry/application/commands/replace-subject-account-email/replace-subject-account-email.command.js';
import { FindSubjectAndAccountHolderQuery } from '../../src/filing-registry/application/queries/find-subject-and-account-holder/find-subject-and-account-holder.query.js';
import { FindSubjectByAliyunAccountQuery } from '../../src/filing-registry/application/queries/find-subject-by-aliyun-account/find-subject-by-aliyun-account.query.js';
import { FindSubjectByFilingNumberQuery } from '../../src/filing-registry/application/queries/find-subject-by-filing-number/find-subject-by-filing-number.query.js';
import { GetSubjectHistoryQuery } from '../../src/filing-registry/application/queries/get-subject-history/get-subject-history.query.js';
import {
  AccountHoldsOtherSubjectError,
  FilingSubjectNotFoundError,
} from '../../src/filing-registry/domain/filing-subject.errors.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../src/filing-registry/application/ports/filing-subject.repository.js';
import {
  AUDIT_LOG,
  type AuditAction,
  type AuditLog,
} from '../../src/shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../src/shared/application/unit-of-work.js';
import { TypeormUnitOfWork } from '../../src/shared/infrastructure/database/typeorm-unit-of-work.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { Translator } from '../../src/shared/i18n/translator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const actor = systemActor('test');
const translator = new Translator('Asia/Shanghai');
const english = translator.words('en');
const chinese = translator.words('zh-CN');
const digits = (count: number) =>
  Array.from({ length: count }, () => String(randomInt(10))).join('');

/** A 10-digit subject number nobody else in this run uses. */
const newFilingNumber = (prefix = '浙') => `${prefix}ICP备20${digits(8)}号`;
const newAccountId = () => `13${digits(14)}`;
const newResidentId = () => {
  const first17 = `33010619900101${digits(3)}`;
  return first17 + residentIdCheckCharacter(first17);
};
const newCreditCode = () => {
  const body = `MA${digits(6)}`;
  const first17 = `91330106${body}${organizationCodeCheckCharacter(body)}`;
  return first17 + unifiedSocialCreditCodeCheckCharacter(first17);
};

describe('the filing registry, as other contexts use it', () => {
  let t: TestApp;
  let commands: CommandBus;
  let queries: QueryBus;
  let unitOfWork: UnitOfWork;

  beforeAll(async () => {
    t = await startTestApp();
    commands = t.app.get(CommandBus);
    queries = t.app.get(QueryBus);
    unitOfWork = t.app.get<UnitOfWork>(UNIT_OF_WORK);
  });
  afterAll(() => t.close());

  const register = async (
    overrides: Partial<RegisterFilingSubjectCommand['input']> = {},
  ): Promise<{ id: string; filingNumber: string }> => {
    const filingNumber = overrides.filingNumber ?? newFilingNumber();
    const { id } = await commands.execute(
      new RegisterFilingSubjectCommand({
        actor,
        type: 'ORGANIZATION',
        name: '杭州测试科技有限公司',
        credentialNumber: newCreditCode(),
        accountEmail: 'icp@test-keji.cn',
        websites: [
          { filingNumber: `${filingNumber}-1`, domain: 'test-keji.cn' },
          { filingNumber: `${filingNumber}-2`, domain: 'test-keji.com.cn' },
        ],
        ...overrides,
        filingNumber,
      }),
    );
    return { id, filingNumber };
  };

  const replace = (subjectId: string, newEmail: string, aliyunAccountId: string) => {
    const requestId = randomUUID();
    return {
      requestId,
      run: () =>
        commands.execute(
          new ReplaceSubjectAccountEmailCommand({
            subjectId,
            newEmail,
            aliyunAccountId,
            requestId,
            actor,
            ip: '10.0.0.8',
          }),
        ),
    };
  };

  const historyRows = (subjectId: string) =>
    t.dataSource.query(`SELECT * FROM filing_subject_email_history WHERE subject_id = $1`, [
      subjectId,
    ]);

  it("finds a subject by its own number, a website's number or a full-width spelling, as a plain snapshot", async () => {
    const account = newAccountId();
    const credentialNumber = newCreditCode();
    const { id, filingNumber } = await register({ aliyunAccountId: account, credentialNumber });
    const expected = {
      id,
      type: 'ORGANIZATION',
      name: '杭州测试科技有限公司',
      credentialNumber,
      province: '浙',
      filingNumber,
      accountEmail: 'icp@test-keji.cn',
      aliyunAccountId: account,
      accountEmailChangedAt: null,
      websites: [
        { filingNumber: `${filingNumber}-1`, domain: 'test-keji.cn' },
        { filingNumber: `${filingNumber}-2`, domain: 'test-keji.com.cn' },
      ],
    };
    expect(await queries.execute(new FindSubjectByFilingNumberQuery(filingNumber))).toEqual(
      expected,
    );
    expect(await queries.execute(new FindSubjectByFilingNumberQuery(`${filingNumber}-2`))).toEqual(
      expected,
    );
    const fullWidth = `${filingNumber}-1`.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect(await queries.execute(new FindSubjectByFilingNumberQuery(fullWidth))).toEqual(expected);
    expect(await queries.execute(new FindSubjectByAliyunAccountQuery(account))).toEqual(expected);
  });

  it('answers null for an unknown number, an unbound account, and text that is no filing number', async () => {
    expect(await queries.execute(new FindSubjectByFilingNumberQuery(newFilingNumber()))).toBeNull();
    expect(await queries.execute(new FindSubjectByFilingNumberQuery('京ICP证030173号'))).toBeNull();
    expect(await queries.execute(new FindSubjectByAliyunAccountQuery(newAccountId()))).toBeNull();
  });

  it('finds the subject of a filing number and the holder of an account in one look-up, each as its own query would', async () => {
    const first = await register({ aliyunAccountId: newAccountId() });
    const secondAccount = newAccountId();
    const second = await register({ aliyunAccountId: secondAccount });
    const both = (filingNumber: string, account: string) =>
      queries.execute(new FindSubjectAndAccountHolderQuery(filingNumber, account));
    const snapshot = (filingNumber: string) =>
      queries.execute(new FindSubjectByFilingNumberQuery(filingNumber));

    // Two subjects: the number names one, the account is bound to the other.
    const crossed = await both(`${first.filingNumber}-1`, ` ${secondAccount} `);
    expect(crossed.subject).toEqual(await snapshot(first.filingNumber));
    expect(crossed.accountHolder).toEqual(await snapshot(second.filingNumber));
    // One subject answers both.
    const same = await both(second.filingNumber, secondAccount);
    expect(same.subject).toEqual(await snapshot(second.filingNumber));
    expect(same.accountHolder).toEqual(same.subject);
    // Nothing known, or nothing askable.
    expect(await both(newFilingNumber(), newAccountId())).toEqual({
      subject: null,
      accountHolder: null,
    });
    expect(await both('京ICP证030173号', '  ')).toEqual({ subject: null, accountHolder: null });
    expect((await both('not a number', secondAccount)).accountHolder?.id).toBe(second.id);
  });

  it('replaces the account email within the caller’s unit of work: history written, account bound, audited', async () => {
    const { id, filingNumber } = await register();
    const account = newAccountId();
    const replacement = replace(id, 'New.Owner@Test-Keji.cn', account);
    const result = await unitOfWork.run(() => replacement.run());
    expect(result).toMatchObject({
      subjectId: id,
      filingNumber,
      previousEmail: 'icp@test-keji.cn',
      newEmail: 'new.owner@test-keji.cn',
      previousAliyunAccountId: null,
      aliyunAccountId: account,
    });

    const snapshot = await queries.execute(new FindSubjectByFilingNumberQuery(filingNumber));
    expect(snapshot).toMatchObject({
      accountEmail: 'new.owner@test-keji.cn',
      aliyunAccountId: account,
      accountEmailChangedAt: result.changedAt,
    });
    expect(await queries.execute(new GetSubjectHistoryQuery(id))).toEqual([
      {
        email: 'icp@test-keji.cn',
        aliyunAccountId: null,
        from: null,
        to: result.changedAt,
        replacedByRequestId: replacement.requestId,
        source: 'REQUEST',
      },
    ]);
    const events = await t.dataSource.query(
      `SELECT action, subject_id, details, ip FROM audit_events WHERE request_id = $1`,
      [replacement.requestId],
    );
    expect(events).toEqual([
      {
        action: 'registry.account_email_replaced',
        subject_id: id,
        details: {
          filingNumber,
          previousEmail: 'icp@test-keji.cn',
          newEmail: 'new.owner@test-keji.cn',
          previousAliyunAccountId: null,
          aliyunAccountId: account,
        },
        ip: '10.0.0.8',
      },
    ]);
  });

  it('rolls back with the caller when the caller’s unit of work fails after it', async () => {
    const { id } = await register();
    const replacement = replace(id, 'never@test-keji.cn', newAccountId());
    await expect(
      unitOfWork.run(async () => {
        await replacement.run();
        throw new Error('the approval failed later on');
      }),
    ).rejects.toThrow('the approval failed later on');
    expect(await historyRows(id)).toEqual([]);
    const [row] = await t.dataSource.query(
      `SELECT account_email FROM filing_subjects WHERE id = $1`,
      [id],
    );
    expect(row.account_email).toBe('icp@test-keji.cn');
  });

  it('refuses to bind an account that holds another subject, changes nothing, and leaves the caller’s transaction usable', async () => {
    const account = newAccountId();
    const holder = await register({ aliyunAccountId: account });
    const { id } = await register();
    const replacement = replace(id, 'thief@test-keji.cn', account);
    const caught = await unitOfWork.run(async () => {
      const error = await replacement.run().then(
        () => null,
        (refused: unknown) => refused,
      );
      // The caller carries on in the same transaction, e.g. to record the refusal.
      const [{ alive }] = await t.app.get(TypeormUnitOfWork).manager().query(`SELECT 1 AS alive`);
      expect(alive).toBe(1);
      t.app.get<AuditLog>(AUDIT_LOG).record({
        actor,
        // An action no command records: only this test's, so the query below finds it alone.
        action: 'test.refusal_recorded' as AuditAction,
        requestId: replacement.requestId,
      });
      return error;
    });
    expect(caught).toBeInstanceOf(AccountHoldsOtherSubjectError);
    const refusal = (caught as AccountHoldsOtherSubjectError).sentence;
    expect(english.text(refusal)).toBe(
      `The Alibaba Cloud account ${account} already holds the filing subject ${holder.filingNumber}; one account can hold only one subject.`,
    );
    expect(chinese.text(refusal)).toBe(
      `阿里云账号 ${account} 已关联备案主体 ${holder.filingNumber}；一个阿里云账号只能关联一个备案主体。`,
    );
    const [row] = await t.dataSource.query(
      `SELECT account_email, aliyun_account_id, account_email_changed_at, version FROM filing_subjects WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      account_email: 'icp@test-keji.cn',
      aliyun_account_id: null,
      account_email_changed_at: null,
      version: 1,
    });
    expect(await historyRows(id)).toEqual([]);
    const events = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE request_id = $1`,
      [replacement.requestId],
    );
    expect(events).toEqual([{ action: 'test.refusal_recorded' }]);
  });

  it('turns a unique-index refusal on save into the domain error, under a savepoint that spares the transaction', async () => {
    const account = newAccountId();
    await register({ aliyunAccountId: account });
    const { id } = await register();
    const repository = t.app.get<FilingSubjectRepository>(FILING_SUBJECT_REPOSITORY);
    await unitOfWork.run(async () => {
      const subject = (await repository.findByIdForUpdate(id))!;
      // Skipping the handler's check, as a racing approval would.
      subject.replaceAccountEmail({
        newEmail: 'racer@test-keji.cn',
        aliyunAccountId: account,
        requestId: randomUUID(),
        now: new Date(),
      });
      await expect(repository.save(subject)).rejects.toThrow(AccountHoldsOtherSubjectError);
      const again = (await repository.findById(id))!;
      expect(again.accountEmail).toBe('icp@test-keji.cn');
    });
    expect(await historyRows(id)).toEqual([]);
  });

  it('lets exactly one of two approvals racing to bind one account to two subjects win; the other gets the domain error', async () => {
    const account = newAccountId();
    const [a, b] = await Promise.all([register(), register()]);
    const outcomes = await Promise.allSettled([
      replace(a.id, 'a@test-keji.cn', account).run(),
      replace(b.id, 'b@test-keji.cn', account).run(),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(AccountHoldsOtherSubjectError);
    const bound = await t.dataSource.query(
      `SELECT id FROM filing_subjects WHERE aliyun_account_id = $1`,
      [account],
    );
    expect(bound).toHaveLength(1);
  });

  it('serialises two approvals of one subject on its row lock: both are kept, newest first, dated end to end', async () => {
    const { id } = await register();
    const [first, second] = await Promise.all([
      replace(id, 'one@test-keji.cn', newAccountId()).run(),
      replace(id, 'two@test-keji.cn', newAccountId()).run(),
    ]);
    const history = await queries.execute(new GetSubjectHistoryQuery(id));
    expect(history).toHaveLength(2);
    const [newest, oldest] = history;
    expect(oldest).toMatchObject({ email: 'icp@test-keji.cn', from: null });
    expect(newest!.from).toEqual(oldest!.to);
    expect([first.newEmail, second.newEmail]).toContain(newest!.email);
    const [row] = await t.dataSource.query(`SELECT version FROM filing_subjects WHERE id = $1`, [
      id,
    ]);
    expect(row.version).toBe(3);
  });

  it('says there is no such subject for an unknown id', async () => {
    await expect(queries.execute(new GetSubjectHistoryQuery(randomUUID()))).rejects.toThrow(
      FilingSubjectNotFoundError,
    );
    await expect(queries.execute(new GetSubjectHistoryQuery('not-a-uuid'))).rejects.toThrow(
      FilingSubjectNotFoundError,
    );
    await expect(replace(randomUUID(), 'x@test-keji.cn', newAccountId()).run()).rejects.toThrow(
      FilingSubjectNotFoundError,
    );
  });

  it('imports in batches: a subject spread over batches is created once, an account held elsewhere is refused', async () => {
    const held = newAccountId();
    await register({ aliyunAccountId: held });
    const spread = newFilingNumber('苏');
    const thief = newFilingNumber('鲁');
    const id = newResidentId();
    const row = (filingNumber: string, site: number, account = '') => ({
      subject_type: 'INDIVIDUAL',
      subject_name: '钱伟',
      credential_number: id,
      subject_filing_number: filingNumber,
      account_email: 'qian.wei@example.com',
      aliyun_account_id: account,
      website_filing_number: `${filingNumber}-${site}`,
      website_domain: `qianwei${site}.cn`,
    });
    const rows = [
      row(spread, 1),
      row(thief, 1, held),
      row(spread, 2),
      row(spread, 3),
      row(thief, 2, held),
    ];
    async function* records(): AsyncIterable<LegacyRegistryRecord> {
      for (const [index, values] of rows.entries()) yield { line: index + 2, values };
    }
    const rejections: LegacyRegistryRejection[] = [];
    const summary = await commands.execute(
      new ImportLegacyRegistryCommand({
        actor,
        fileName: 'batches.csv',
        sha256: 'f'.repeat(64),
        records: records(),
        onRejected: (rejection) => void rejections.push(rejection),
        batchSize: 2,
      }),
    );
    expect(summary).toEqual({
      rows: 5,
      rowsAccepted: 3,
      rowsRejected: 2,
      subjects: { created: 1, updated: 0, unchanged: 0 },
      websites: { created: 3, updated: 0, unchanged: 0 },
      changed: true,
    });
    expect(rejections.map(({ line, field }) => [line, field])).toEqual([
      [3, 'aliyun_account_id'],
      [6, 'aliyun_account_id'],
    ]);
    const snapshot = await queries.execute(new FindSubjectByFilingNumberQuery(spread));
    expect(snapshot?.websites.map((site) => site.filingNumber)).toEqual([
      `${spread}-1`,
      `${spread}-2`,
      `${spread}-3`,
    ]);
    expect(await queries.execute(new FindSubjectByFilingNumberQuery(thief))).toBeNull();
  });
});
