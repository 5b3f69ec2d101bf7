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
  const recordedHead = { seq: 9, hash: 'a'.repeat(64), updatedAt: null };
  const verifiedAt = new Date('2026-11-30T03:00:00Z');

  it('shows an intact chain up to its head', () => {
    const view = presentChainVerification({
      report: { ok: true, verified: 9, head: { seq: 9, hash: 'a'.repeat(64) } },
      recordedHead,
      verifiedAt,
    });
    expect(view).toMatchObject({ ok: true, verified: 9, brokenAt: null, kindLabel: null });
    expect(view.head).toEqual({ seq: 9, hash: 'a'.repeat(64) });
  });

  it('names where and how the chain broke, in both languages, and links the events around it', () => {
    const view = presentChainVerification({
      report: { ok: false, verified: 4, break: { seq: 5, kind: 'missing', message: 'gone' } },
      recordedHead,
      verifiedAt,
    });
    expect(view.ok).toBe(false);
    expect(view.head).toBeNull();
    expect(view.brokenAt).toEqual({ seq: 5, kind: 'missing', message: 'gone' });
    expect(en.text(view.kindLabel)).toBe('deleted');
    expect(zh.text(view.kindLabel)).toBe('已被删除');
    expect(view.brokenHref).toBe('/audit?before=6');
  });
});
