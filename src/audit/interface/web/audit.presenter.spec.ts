import { describe, expect, it } from '@jest/globals';
import { msg } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import type { AuditTrailPage } from '../../application/queries/search-audit-trail/search-audit-trail.query.js';
import { auditHref, presentAuditTrail, presentChainVerification } from './audit.presenter.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

const page: AuditTrailPage = {
  head: { seq: 42, hash: 'f'.repeat(64), updatedAt: new Date('2026-11-30T02:00:00Z') },
  events: [
    {
      seq: 41,
      occurredAt: new Date('2026-11-30T01:00:00Z'),
      actorName: 'Zhao Min',
      actorType: 'staff',
      actorRole: 'AUDITOR',
      action: 'request.approved',
      actionLabel: msg('audit.action.request.approved'),
      sentence: msg('audit.action.request.approved'),
      details: [
        { label: msg('audit.detail.views'), value: '4' },
        { label: msg('audit.detail.documentsViewed'), value: msg('audit.action.request.approved') },
      ],
      requestId: 'c0ffee00-0000-4000-8000-000000000001',
      requestReference: 'BA-2026-000123',
      subjectId: null,
      ip: '10.0.0.7',
      hash: '0123456789abcdef'.repeat(4),
    },
  ],
  olderCursor: 41,
  newerCursor: null,
};

describe('presentAuditTrail', () => {
  const view = presentAuditTrail({
    filters: { action: 'request.approved', actor: 'Zhao' },
    credential: { token: 'sealed-token', number: '110101199003071234' },
    problems: [],
    page,
  });

  it('shows the credential number searched for masked, never as typed, and keeps its sealed token', () => {
    expect(view.credential).toEqual({ token: 'sealed-token', masked: '110***********1234' });
    expect(JSON.stringify(view)).not.toContain('110101199003071234');
    expect(view.filtered).toBe(true);
  });

  it('prints each event with its staff role in the reader’s words, its details as recorded or as words, its hash shortened', () => {
    const [event] = view.events;
    expect(event!.seq).toBe(41);
    expect(event!.shortHash).toBe('0123456789ab');
    expect(en.text(event!.roleLabel)).toBe('Auditor');
    expect(zh.text(event!.roleLabel)).toBe('审计员');
    expect(event!.details.map((detail) => [en.text(detail.label), detail.recorded])).toEqual([
      ['Views', '4'],
      ['Documents', null],
    ]);
    expect(zh.text(event!.details[1]!.words)).toBe('通过');
    expect(event!.requestReference).toBe('BA-2026-000123');
  });

  it('marks the chosen action in its group and links the older page with the same search', () => {
    const requests = view.actionGroups.find((group) => group.group === 'requests')!;
    expect(requests.selected).toBe(false);
    expect(requests.actions.filter((action) => action.selected).map((a) => a.value)).toEqual([
      'request.approved',
    ]);
    expect(en.text(requests.any)).toBe('Any request action');
    expect(zh.text(requests.any)).toBe('全部申请操作');
    expect(view.olderHref).toBe(
      '/audit?action=request.approved&actor=Zhao&credential=sealed-token&before=41',
    );
    expect(view.newerHref).toBeNull();
  });

  it('says an unfiltered search is not filtered and has no role for a system actor', () => {
    const plain = presentAuditTrail({
      filters: {},
      credential: null,
      problems: [msg('audit.search.credentialExpired')],
      page: { ...page, events: [{ ...page.events[0]!, actorRole: null }], olderCursor: null },
    });
    expect(plain.filtered).toBe(false);
    expect(plain.credential).toBeNull();
    expect(plain.events[0]!.roleLabel).toBeNull();
    expect(plain.olderHref).toBeNull();
    expect(plain.problems).toHaveLength(1);
  });
});

describe('auditHref', () => {
  it('carries the filters as typed, leaves empty ones out and adds the cursor', () => {
    expect(auditHref({ from: '2026-11-01', subject: '' }, null, { after: 7 })).toBe(
      '/audit?from=2026-11-01&after=7',
    );
  });
});

describe('presentChainVerification', () => {
  const verifiedAt = new Date('2026-11-30T03:00:00Z');
  const head = { seq: 9, hash: 'a'.repeat(64) };
  const status = {
    key: { fingerprint: 'SHA256:abc', publicKeyPem: 'PEM', lastCheckpoint: null },
    latestFull: null,
  };
  const base = {
    mode: 'incremental' as const,
    head,
    from: null,
    lastCheckpoint: null,
    warnings: [],
  };

  it('shows a trail that holds up to its head, and that it was checked from the first event', () => {
    const view = presentChainVerification(
      { result: { ...base, ok: true, verified: 9, failure: null }, verifiedAt },
      status,
    );
    expect(view).toMatchObject({ ok: true, verified: 9, failedEvent: null, brokenHref: null });
    expect(en.text(view.headline)).toBe('The audit trail holds');
    expect(en.text(view.scope)).toContain('every event was checked from the first');
    expect(en.text(view.full.text)).toBe('No full verification has run yet.');
  });

  it('names the failing event and what failed, in both languages, and links the events around it', () => {
    const view = presentChainVerification(
      {
        result: {
          ...base,
          ok: false,
          verified: 4,
          failure: { kind: 'forged', event: 5, checkpoint: null, params: {} },
        },
        verifiedAt,
      },
      status,
    );
    expect(view.ok).toBe(false);
    expect(en.text(view.headline)).toBe('The audit trail fails at event #5');
    expect(zh.text(view.headline)).toBe('审计日志在第 5 条事件处未通过校验');
    expect(en.text(view.summary)).toContain('Event #5 does not verify under the desk’s link keys');
    expect(view.brokenHref).toBe('/audit?before=6');
  });

  it('follows a running full verification, and keeps its button off meanwhile', () => {
    const run = {
      id: 'r',
      kind: 'full' as const,
      status: 'running' as const,
      requestedBy: 'Guo Wei',
      startedAt: verifiedAt,
      heartbeatAt: verifiedAt,
      finishedAt: null,
      eventsTotal: 2_000_000,
      eventsChecked: 500_000,
      fromCheckpointNo: null,
      headSeq: null,
      lastCheckpoint: null,
      failure: null,
      warnings: [],
      error: null,
    };
    const view = presentChainVerification(
      { result: { ...base, ok: true, verified: 9, failure: null }, verifiedAt },
      { ...status, latestFull: run },
      'running',
    );
    expect(view.full).toMatchObject({ state: 'running', running: true, percent: 25 });
    expect(en.text(view.full.text)).toBe('Running: 500,000 of 2,000,000 events checked (25%).');
    expect(zh.text(view.full.text)).toBe('进行中：已校验 500,000 / 2,000,000 条事件（25%）。');
    expect(en.text(view.fullNotice)).toContain('already running');
  });

  it('names a failing checkpoint when no event is to blame', () => {
    const view = presentChainVerification(
      {
        result: {
          ...base,
          ok: false,
          verified: 0,
          failure: { kind: 'checkpoint-deleted', event: null, checkpoint: 3, params: {} },
        },
        verifiedAt,
      },
      status,
    );
    expect(en.text(view.headline)).toBe('The audit trail fails at checkpoint #3');
    expect(en.text(view.summary)).toBe(
      'Checkpoint #3 was deleted from the database: its copy outside the database remains.',
    );
    expect(view.brokenHref).toBeNull();
  });
});
