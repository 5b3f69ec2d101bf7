import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import {
  appendAuditEvents,
  download,
  exportIdOf,
  tableFigures,
  waitForExport,
} from '../support/audit-fixtures.js';
import { REJECT_REASONS } from '../../src/initialization/domain/reject-reason.js';
import { Translator } from '../../src/shared/i18n/translator.js';
import { insertRequest } from '../support/request-fixtures.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { WebSession, signedIn } from '../support/web-session.js';

const FROM = '2024-03-04';
const TO = '2024-03-17';
const at = (local: string): Date => DateTime.fromISO(local, { zone: 'Asia/Shanghai' }).toJSDate();

/** The export speaks its requester's language (English here): its codes as words. */
const en = new Translator('Asia/Shanghai').words('en');
const DECISION = {
  APPROVED: en.t('request.status.APPROVED'),
  REJECTED: en.t('request.status.REJECTED'),
  EXPIRED: en.t('request.status.EXPIRED'),
  WITHDRAWN: en.t('request.status.WITHDRAWN'),
};
const SLA = { MET: en.t('sla.state.MET'), MISSED: en.t('sla.state.MISSED') };
const REASON_CODES = new Map<string, string>(
  REJECT_REASONS.map((code) => [en.t(`request.rejectReason.${code}`), code]),
);

/** The report's own arithmetic, written again from the export's columns. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low]! + (sorted[Math.ceil(rank)]! - sorted[low]!) * (rank - low);
}
const hours = (minutes: number | null): string =>
  minutes === null ? '—' : (minutes / 60).toFixed(1);
const share = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`;

type Row = Record<string, string>;

/**
 * The "Submitted for second approval by" cell, each person once: "Li Na (3 times, 2 sent
 * back); Chen Jing (sent back)" → how often each sent the request and how often it came back.
 */
function submissionsIn(
  cell: string | undefined,
): { name: string; submitted: number; sentBack: number }[] {
  return (cell ?? '')
    .split('; ')
    .filter(Boolean)
    .map((part) => {
      const [, name, times, sentBack, once] =
        /^(.+?)(?: \((?:(\d+) times(?:, (\d+) sent back)?|(sent back))\))?$/.exec(part)!;
      return {
        name: name!,
        submitted: times ? Number(times) : 1,
        sentBack: sentBack ? Number(sentBack) : once ? 1 : 0,
      };
    });
}

function periodFigures(received: Row[], decided: Row[]): Record<string, string> {
  const outcome = (name: keyof typeof DECISION) =>
    decided.filter((row) => row.Decision === DECISION[name]).length;
  const met = decided.filter((row) => row.SLA === SLA.MET).length;
  const missed = decided.filter((row) => row.SLA === SLA.MISSED).length;
  const minutes = decided
    .map((row) => row['Time to decision (business minutes)'])
    .filter((value): value is string => Boolean(value))
    .map(Number);
  return {
    received: String(received.length),
    decided: String(outcome('APPROVED') + outcome('REJECTED') + outcome('EXPIRED')),
    approved: String(outcome('APPROVED')),
    rejected: String(outcome('REJECTED')),
    expired: String(outcome('EXPIRED')),
    onTime: share(met, met + missed),
    breaches: String(missed),
    median: hours(percentile(minutes, 50)),
    p90: hours(percentile(minutes, 90)),
  };
}

describe('SLA and throughput reports', () => {
  let t: TestApp;
  let auditor: TestStaff;
  let session: WebSession;
  const run = randomBytes(2).toString('hex');
  const liNa = `Li Na ${run}`;
  const wangFang = `Wang Fang ${run}`;
  const zhaoLei = `Zhao Lei ${run}`;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await createStaff(t.app, 'AUDITOR');
    let n = 0;
    const seed = (values: Omit<Parameters<typeof insertRequest>[1], 'reference'>) =>
      insertRequest(t.dataSource, { reference: `RPT-${run}-${(n += 1)}`, ...values });
    const decided = (
      outcome: 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'WITHDRAWN',
      when: string,
      byName: string | null,
      reasons: string[] = [],
    ) => ({ outcome, at: at(when), byName, reasons });

    await seed({
      receivedAt: at('2024-03-04T10:00'),
      decision: decided('APPROVED', '2024-03-04T15:00', liNa),
      firstApprovedBy: liNa,
      slaOutcome: 'MET',
    });
    await seed({
      receivedAt: at('2024-03-04T11:00'),
      decision: decided('REJECTED', '2024-03-06T10:00', liNa, [
        'DOCUMENT_UNCLEAR',
        'INFO_MISMATCH',
      ]),
      slaOutcome: 'MET',
    });
    const foursEyes = await seed({
      receivedAt: at('2024-03-05T09:30'),
      subjectType: 'ORGANIZATION',
      subjectName: '杭州示例科技有限公司',
      credentialNumber: '91110000600037341L',
      decision: decided('APPROVED', '2024-03-07T16:00', zhaoLei),
      firstApprovedBy: wangFang,
      secondApprovedBy: zhaoLei,
      slaOutcome: 'MET',
    });
    await seed({
      receivedAt: at('2024-03-09T10:00'),
      decision: decided('REJECTED', '2024-03-12T10:00', wangFang, ['SUSPECTED_FRAUD']),
      slaOutcome: 'MISSED',
    });
    await seed({
      receivedAt: at('2024-03-01T16:00'),
      decision: decided('APPROVED', '2024-03-04T09:30', liNa),
      firstApprovedBy: liNa,
      slaOutcome: 'MET',
    });
    await seed({ receivedAt: at('2024-03-13T10:00'), status: 'IN_REVIEW', assigneeName: liNa });
    await seed({
      receivedAt: at('2024-03-11T10:00'),
      decision: decided('EXPIRED', '2024-03-15T18:30', null),
    });
    await seed({
      receivedAt: at('2024-03-14T10:00'),
      decision: decided('WITHDRAWN', '2024-03-14T12:00', null),
    });
    await seed({
      receivedAt: at('2024-03-14T11:00'),
      decision: decided('APPROVED', '2024-03-18T10:00', liNa),
      firstApprovedBy: liNa,
      slaOutcome: 'MISSED',
    });
    await seed({ receivedAt: at('2024-03-17T10:00') });
    await seed({
      receivedAt: at('2024-02-26T10:00'),
      decision: decided('APPROVED', '2024-02-28T10:00', liNa),
      slaOutcome: 'MET',
    });
    await seed({
      receivedAt: at('2024-03-06T10:00'),
      decision: decided('APPROVED', '2024-03-08T17:00', zhaoLei),
      firstApprovedBy: zhaoLei,
      slaOutcome: 'MISSED',
    });
    await seed({
      receivedAt: at('2024-03-12T14:00'),
      decision: decided('REJECTED', '2024-03-15T11:00', liNa, ['DOCUMENT_UNCLEAR']),
      slaOutcome: 'MISSED',
    });
    const secondLiNa = await seed({
      receivedAt: at('2024-03-13T09:00'),
      subjectType: 'ORGANIZATION',
      subjectName: '宁波示例贸易有限公司',
      decision: decided('APPROVED', '2024-03-14T16:00', zhaoLei),
      firstApprovedBy: liNa,
      secondApprovedBy: zhaoLei,
      slaOutcome: 'MET',
    });

    const staff = (name: string) => ({
      actorType: 'STAFF',
      actorId: randomUUID(),
      actorRole: 'REVIEWER',
      actorName: name,
      ip: null,
      subjectId: null,
    });
    await appendAuditEvents(t.dataSource, [
      {
        ...staff(wangFang),
        occurredAt: at('2024-03-05T14:00'),
        action: 'request.approved',
        requestId: foursEyes,
        details: { awaitingSecondApproval: true },
      },
      {
        ...staff(zhaoLei),
        occurredAt: at('2024-03-06T10:00'),
        action: 'request.returned_for_review',
        requestId: foursEyes,
        details: { note: 'Check the seal', assigneeName: wangFang },
      },
      {
        ...staff(wangFang),
        occurredAt: at('2024-03-06T15:00'),
        action: 'request.approved',
        requestId: foursEyes,
        details: { awaitingSecondApproval: true },
      },
      {
        ...staff(zhaoLei),
        occurredAt: at('2024-03-07T16:00'),
        action: 'request.second_approval_given',
        requestId: foursEyes,
        details: {},
      },
      {
        ...staff(liNa),
        occurredAt: at('2024-03-13T15:00'),
        action: 'request.approved',
        requestId: secondLiNa,
        details: { awaitingSecondApproval: true },
      },
      {
        ...staff(zhaoLei),
        occurredAt: at('2024-03-14T16:00'),
        action: 'request.second_approval_given',
        requestId: secondLiNa,
        details: {},
      },
    ]);
    session = await signedIn(t.url, auditor.email, auditor.password);
  });
  afterAll(() => t.close());

  async function requestsExport(): Promise<{ rows: Row[]; text: string }> {
    await session.page('/exports');
    const created = await session.submit('/exports', {
      dataset: 'requests',
      format: 'CSV',
      from: FROM,
      to: TO,
    });
    const id = exportIdOf(created.headers.location);
    expect((await waitForExport(t.dataSource, id)).status).toBe('COMPLETED');
    const file = await download(session, `/exports/${id}/download`);
    const text = (file.body as Buffer).toString('utf8');
    const rows: Row[] = parse(file.body as Buffer, {
      bom: true,
      columns: true,
      relax_column_count: true,
    });
    // The last two rows are the column codes and the summary.
    return {
      rows: rows.filter((row) => row.Reference !== 'Summary' && row.Reference !== 'Column codes'),
      text,
    };
  }

  it('draws its charts on the server as SVG, each with its table', async () => {
    const page = await session.page(`/reports?from=${FROM}&to=${TO}`);
    expect(page.status).toBe(200);
    const charts = page.text.match(/<svg [^>]*class="chart"[^>]*role="img"/g) ?? [];
    expect(charts).toHaveLength(5);
    for (const table of ['report-days', 'report-weeks', 'report-reviewers', 'report-reasons']) {
      expect(page.text).toContain(`id="${table}"`);
    }
    expect(page.text).not.toMatch(/<script(?! src="\/assets\/js\/desk\.js")/);
  });

  it('shows the figures the requests export of the same range adds up to', async () => {
    const page = await session.page(`/reports?from=${FROM}&to=${TO}`);
    const { rows, text } = await requestsExport();
    expect(text).not.toContain('33010219900101123X');
    expect(text).not.toContain('91110000600037341L');
    expect(text).not.toContain('13812345678');

    const inRange = (day: string | undefined) => Boolean(day) && day! >= FROM && day! <= TO;
    const decided = rows.filter(
      (row) => inRange(row['Business day decided']) && row.Decision !== DECISION.WITHDRAWN,
    );
    const decidedAny = rows.filter((row) => inRange(row['Business day decided']));

    // Per business day.
    const days = tableFigures(page.text, 'report-days');
    const businessDays: string[] = [];
    for (let day = DateTime.fromISO(FROM); day.toISODate()! <= TO; day = day.plus({ days: 1 })) {
      if (day.weekday <= 5) businessDays.push(day.toISODate()!);
    }
    expect([...days.keys()]).toEqual(businessDays);
    for (const day of businessDays) {
      expect({ day, ...days.get(day) }).toEqual({
        day,
        ...periodFigures(
          rows.filter((row) => row['Business day received'] === day),
          decidedAny.filter((row) => row['Business day decided'] === day),
        ),
      });
    }

    // Per week and in total.
    const weekOf = (day: string) => DateTime.fromISO(day).toFormat("kkkk-'W'WW");
    const weeks = tableFigures(page.text, 'report-weeks');
    expect([...weeks.keys()]).toEqual(['2024-W10', '2024-W11']);
    for (const week of weeks.keys()) {
      expect({ week, ...weeks.get(week) }).toEqual({
        week,
        ...periodFigures(
          rows.filter(
            (row) =>
              inRange(row['Business day received']) &&
              weekOf(row['Business day received']!) === week,
          ),
          decidedAny.filter((row) => weekOf(row['Business day decided']!) === week),
        ),
      });
    }
    const totals = Object.fromEntries(
      [...page.text.matchAll(/<dd data-figure="([^"]+)">([^<]*)<\/dd>/g)].map((m) => [m[1], m[2]]),
    );
    expect(totals).toEqual(
      periodFigures(
        rows.filter((row) => inRange(row['Business day received'])),
        decidedAny,
      ),
    );

    // Per reviewer.
    const reviewers = tableFigures(page.text, 'report-reviewers');
    const names = new Set<string>();
    for (const row of decided) {
      if (row['Decided by'] && row['Time to decision (business minutes)'])
        names.add(row['Decided by']);
      for (const { name } of submissionsIn(row['Submitted for second approval by']))
        names.add(name);
    }
    expect(new Set(reviewers.keys())).toEqual(names);
    for (const name of names) {
      const theirs = decided.filter(
        (row) => row['Decided by'] === name && row['Time to decision (business minutes)'],
      );
      let submitted = 0;
      let sentBack = 0;
      for (const row of decidedAny) {
        for (const person of submissionsIn(row['Submitted for second approval by'])) {
          if (person.name !== name) continue;
          submitted += person.submitted;
          sentBack += person.sentBack;
        }
      }
      expect({ name, ...reviewers.get(name) }).toEqual({
        name,
        decisions: String(theirs.length),
        median: hours(
          percentile(
            theirs.map((row) => Number(row['Time to decision (business minutes)'])),
            50,
          ),
        ),
        submitted: String(submitted),
        sentBack: String(sentBack),
        sentBackShare: share(sentBack, submitted),
      });
    }
    expect(reviewers.get(wangFang)).toMatchObject({
      submitted: '2',
      sentBack: '1',
      sentBackShare: '50.0%',
    });
    expect(reviewers.get(liNa)).toMatchObject({
      submitted: '1',
      sentBack: '0',
      sentBackShare: '0.0%',
    });

    // Reject reasons by frequency.
    const rejections = decided.filter((row) => row.Decision === DECISION.REJECTED);
    const counts = new Map<string, number>();
    for (const row of rejections) {
      for (const label of row['Reject reasons']!.split('; ')) {
        const code = REASON_CODES.get(label) ?? label;
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
    }
    const reasons = tableFigures(page.text, 'report-reasons');
    expect([...reasons.keys()].sort()).toEqual([...counts.keys()].sort());
    for (const [code, count] of counts) {
      expect(reasons.get(code)).toEqual({
        count: String(count),
        share: share(count, rejections.length),
      });
    }
    expect(reasons.get('DOCUMENT_UNCLEAR')?.count).toBe('2');
  });

  it('counts a receipt on a day off on the next business day, and leaves out what falls outside the range', async () => {
    const page = await session.page(`/reports?from=${FROM}&to=${TO}`);
    const { rows } = await requestsExport();
    const mine = rows.filter((row) => row.Reference!.startsWith(`RPT-${run}-`));
    const saturday = mine.find((row) => row['Received at (UTC+8)']!.startsWith('2024-03-09'));
    expect(saturday?.['Business day received']).toBe('2024-03-11');
    // Received on Sunday the 17th counts on Monday the 18th, and was never decided: not in the range.
    expect(mine.some((row) => row['Received at (UTC+8)']!.startsWith('2024-03-17'))).toBe(false);
    expect(mine.some((row) => row['Received at (UTC+8)']!.startsWith('2024-02-26'))).toBe(false);
    expect(mine).toHaveLength(12);
    expect(tableFigures(page.text, 'report-days').get('2024-03-11')?.received).toBeDefined();
  });

  it('says in words when the range cannot be shown', async () => {
    const page = await session.page('/reports?from=2024-03-17&to=2024-03-04');
    expect(page.status).toBe(200);
    expect(page.text).toContain('the first day must not be after the last');
  });

  it('speaks Chinese to an auditor whose browser asks for it: headings, tables, charts and refusals', async () => {
    const chineseAuditor = await createStaff(t.app, 'AUDITOR', `陈静 ${run}`);
    const chinese = new WebSession(t.url, 'zh-CN');
    expect((await chinese.signIn(chineseAuditor.email, chineseAuditor.password)).status).toBe(303);
    const page = await chinese.page(`/reports?from=${FROM}&to=${TO}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="zh-CN"');
    expect(page.text).toContain('<h1>报表</h1>');
    expect(page.text).toContain('<h2 id="days-heading">按工作日</h2>');
    expect(page.text).toContain(
      '<title id="chart-throughput-title">每个工作日的收到数与办结数</title>',
    );
    expect(page.text).toContain('2024-03-04 周一');
    expect(page.text).toContain('2024-03-04 起的一周');
    expect(page.text).toContain('材料不清晰');
    expect(page.text).not.toMatch(/Received and decided|Per business day|Week of|No data/);
    // The same figures as in English.
    const english = await session.page(`/reports?from=${FROM}&to=${TO}`);
    for (const table of ['report-days', 'report-weeks', 'report-reviewers', 'report-reasons']) {
      expect(tableFigures(page.text, table)).toEqual(tableFigures(english.text, table));
    }
    const refused = await chinese.page('/reports?from=2024-03-17&to=2024-03-04');
    expect(refused.text).toContain('无法显示报表：开始日期不能晚于结束日期。');
  });
});
