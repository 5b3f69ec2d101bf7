// Beside the controller in interface/web: it writes the page's hrefs and its choices in the reader's Words.
import { msg } from '../../../shared/i18n/message.js';
import type { Words } from '../../../shared/i18n/translator.js';
import { selectOptions } from '../../../shared/interface/web/select-options.js';
import { writeCursor } from '../../application/queries/queue/queue.handler.js';
import type { QueueView } from '../../application/queries/queue/queue.query.js';
import type { SlaBadgeOfRequest } from '../../application/queries/sla-badges/sla-badges.query.js';
import { presentQueueRows } from './queue-rows.presenter.js';

/** Address parameters of the queue page and the view model fields they carry. */
const PARAMETERS = {
  subjectType: 'subjectType',
  province: 'province',
  riskFlag: 'riskFlag',
  assignee: 'assignee',
  search: 'q',
} as const;

const EMPTY_FILTERS: QueueView['filters'] = {
  subjectType: '',
  province: '',
  riskFlag: '',
  assignee: '',
  search: '',
};

/** The queue's address for a tab, the filters in force and a page (after or before a row). */
function queueHref(
  tab: string,
  filters: QueueView['filters'],
  page?: { after: string } | { before: string },
): string {
  const parameters = new URLSearchParams({ tab });
  for (const [field, name] of Object.entries(PARAMETERS)) {
    const value = filters[field as keyof typeof PARAMETERS];
    if (value) parameters.set(name, value);
  }
  if (page && 'after' in page) parameters.set('after', page.after);
  if (page && 'before' in page) parameters.set('before', page.before);
  return `/queue?${parameters.toString()}`;
}

/**
 * The queue page: the tabs and pager as addresses, the filters' choices and the rows
 * written out in one locale (a fixed-shape literal, as the rows are: see
 * queue-rows.presenter.ts).
 */
export function presentQueuePage(view: QueueView, words: Words) {
  return {
    pageTitle: msg('queue.pageTitle', { tab: view.tabLabel }),
    tab: view.tab,
    tabLabel: view.tabLabel,
    tabs: view.tabs.map((tab) => ({
      key: tab.key,
      label: tab.label,
      count: tab.count,
      current: tab.current,
      href: queueHref(tab.key, view.filters),
    })),
    filters: view.filters,
    filtered: view.filtered,
    matching: view.matching,
    problems: view.problems,
    byReplyDeadline: view.byReplyDeadline,
    readOnly: view.readOnly,
    emptyText: view.emptyText,
    rows: presentQueueRows(view.rows, words),
    choices: {
      subjectTypes: selectOptions(words, view.options.subjectTypes),
      provinces: selectOptions(words, view.options.provinces),
      riskFlags: selectOptions(words, view.options.riskFlags),
      // Staff members' names are data; "nobody" is words.
      assignees: selectOptions(words, view.options.assignees, (option) => option.value !== 'none'),
    },
    nextHref: view.next
      ? queueHref(view.tab, view.filters, { after: writeCursor(view.next) })
      : null,
    previousHref: view.previous
      ? queueHref(view.tab, view.filters, { before: writeCursor(view.previous) })
      : null,
    firstHref: view.paged ? queueHref(view.tab, view.filters) : null,
    clearHref: queueHref(view.tab, EMPTY_FILTERS),
  };
}

/** The SLA badges' refresh (desk.js): each badge with its words in one locale. */
export function presentSlaBadges(badges: readonly SlaBadgeOfRequest[], words: Words) {
  return {
    badges: badges.map((badge) => ({
      id: badge.id,
      state: badge.state,
      label: words.text(badge.label),
      tone: badge.tone,
      timeLeft: words.text(badge.timeLeft),
    })),
  };
}
