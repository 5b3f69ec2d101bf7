import { describe, expect, it } from '@jest/globals';
import { msg } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import type { QueueView } from '../../application/queries/queue/queue.query.js';
import { presentQueuePage, presentSlaBadges } from './queue-page.presenter.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

const view: QueueView = {
  tab: 'mine',
  tabLabel: msg('queue.tab.mine'),
  tabs: [
    { key: 'unassigned', label: msg('queue.tab.unassigned'), count: null, current: false },
    { key: 'mine', label: msg('queue.tab.mine'), count: null, current: true },
  ],
  filters: { subjectType: 'INDIVIDUAL', province: '', riskFlag: '', assignee: '', search: 'a&b' },
  filtered: true,
  matching: null,
  options: {
    subjectTypes: [
      { value: 'INDIVIDUAL', label: msg('request.subjectType.INDIVIDUAL'), selected: true },
    ],
    provinces: [],
    riskFlags: [],
    assignees: [
      { value: 'none', label: msg('queue.nobody'), selected: false },
      { value: 'staff-1', label: msg('common.you', { name: 'Li Na' }), selected: false },
    ],
  },
  problems: [],
  byReplyDeadline: false,
  rows: [],
  next: { at: new Date(1_700_000_000_000), id: 'row-50' },
  previous: { at: null, id: 'row-1' },
  paged: true,
  readOnly: false,
  emptyText: msg('queue.empty.mine'),
};

describe('presentQueuePage', () => {
  const page = presentQueuePage(view, en);

  it('links each tab, the pages before and after, the first page and clearing the filters, keeping the filters', () => {
    expect(page.tabs.map((tab) => [tab.key, tab.current, tab.href])).toEqual([
      ['unassigned', false, '/queue?tab=unassigned&subjectType=INDIVIDUAL&q=a%26b'],
      ['mine', true, '/queue?tab=mine&subjectType=INDIVIDUAL&q=a%26b'],
    ]);
    expect(page.nextHref).toBe(
      '/queue?tab=mine&subjectType=INDIVIDUAL&q=a%26b&after=1700000000000.row-50',
    );
    expect(page.previousHref).toBe(
      '/queue?tab=mine&subjectType=INDIVIDUAL&q=a%26b&before=none.row-1',
    );
    expect(page.firstHref).toBe('/queue?tab=mine&subjectType=INDIVIDUAL&q=a%26b');
    expect(page.clearHref).toBe('/queue?tab=mine');
  });

  it('has no pager links on a single first page', () => {
    const first = presentQueuePage({ ...view, next: null, previous: null, paged: false }, en);
    expect([first.nextHref, first.previousHref, first.firstHref]).toEqual([null, null, null]);
  });

  it('writes the filters’ choices in the reader’s language, names marked as data', () => {
    expect(String(page.choices.subjectTypes)).toBe(
      '<option value="INDIVIDUAL" selected>Individual</option>',
    );
    expect(String(presentQueuePage(view, zh).choices.subjectTypes)).toBe(
      '<option value="INDIVIDUAL" selected>个人</option>',
    );
    expect(String(page.choices.assignees)).toContain('<option value="none">Nobody</option>');
    expect(String(page.choices.assignees)).toContain('<option value="staff-1" translate="no">');
  });

  it('carries the title and the page’s settings through', () => {
    expect(en.text(page.pageTitle)).toBe('Queue · Mine');
    expect(page).toMatchObject({ tab: 'mine', filtered: true, readOnly: false, rows: [] });
  });
});

describe('presentSlaBadges', () => {
  it('writes each badge’s words in the reader’s language', () => {
    const badges = [
      {
        id: 'r1',
        state: 'BREACHED' as const,
        label: msg('sla.state.BREACHED'),
        tone: 'bad' as const,
        timeLeft: null,
      },
    ];
    expect(presentSlaBadges(badges, zh)).toEqual({
      badges: [{ id: 'r1', state: 'BREACHED', label: '已超时', tone: 'bad', timeLeft: '' }],
    });
  });
});
