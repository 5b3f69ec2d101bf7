import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { maskIdentifier } from '../../../../shared/domain/personal-data.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { messagesOf, msg, type Message } from '../../../../shared/i18n/message.js';
import { REQUEST_STATUSES } from '../../../domain/request-status.js';
import { isProvincePrefix, PROVINCE_PREFIXES, provinceLabel } from '../../../domain/province.js';
import { BLOCKING_FLAGS, RISK_FLAGS, type RiskFlag } from '../../../domain/risk-flag.js';
import { SUBJECT_TYPES, type SubjectType } from '../../../domain/subject-type.js';
import {
  QUEUE_TABS,
  queueSortKey,
  REQUEST_READ_MODEL,
  type QueueCursor,
  type QueueFilters,
  type QueueRow,
  type QueueSlice,
  type RequestReadModel,
} from '../../ports/request-read-model.js';
import { SLA_DESCRIBER, type SlaDescriber } from '../../ports/sla-describer.js';
import { STAFF_DIRECTORY, type StaffDirectory } from '../../ports/staff-directory.js';
import { slaBadgeOf } from '../sla-badge.js';
import { QueueQuery, type QueueOption, type QueueView } from './queue.query.js';

export const QUEUE_PAGE_SIZE = 50;
/** Tab counts stop here and read "1,000+": a count never walks a whole slice. */
export const QUEUE_COUNT_CAP = 1000;

// Every row's labels, made once (see `messagesOf`).
const SUBJECT_TYPE_LABELS = messagesOf('request.subjectType', SUBJECT_TYPES);
const STATUS_LABELS = messagesOf('request.status', REQUEST_STATUSES);
const PROVINCE_LABELS = messagesOf('request.province', PROVINCE_PREFIXES);
const TAB_LABELS = messagesOf('queue.tab', QUEUE_TABS);
const EMPTY_TEXTS = messagesOf('queue.empty', QUEUE_TABS);
const FLAG_VIEWS = Object.fromEntries(
  RISK_FLAGS.map((flag) => [
    flag,
    {
      label: msg(`request.riskFlag.${flag}`),
      explanation: msg(`request.riskFlag.${flag}.explanation`),
      blocking: BLOCKING_FLAGS.includes(flag),
    },
  ]),
) as Record<RiskFlag, { label: Message; explanation: Message; blocking: boolean }>;

const REVIEW_ROLES = ['REVIEWER', 'SENIOR_REVIEWER'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SEARCH = 100;

@QueryHandler(QueueQuery)
export class QueueHandler implements IQueryHandler<QueueQuery> {
  constructor(
    @Inject(REQUEST_READ_MODEL) private readonly readModel: RequestReadModel,
    @Inject(SLA_DESCRIBER) private readonly sla: SlaDescriber,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: QueueQuery): Promise<QueueView> {
    const { viewer, request } = query;
    const reviewing = REVIEW_ROLES.includes(viewer.role);
    const tabs = QUEUE_TABS.filter((tab) => reviewing || tab !== 'mine');
    const problems: Message[] = [];
    const tab =
      tabs.find((candidate) => candidate === request.tab) ?? (reviewing ? 'unassigned' : 'all');
    if (request.tab && request.tab !== tab)
      problems.push(msg('queue.problem.noSuchTab', { tab: request.tab }));

    const { filters, ignored } = readFilters(request);
    problems.push(...ignored);
    const after = readCursor(request.after);
    const before = after ? null : readCursor(request.before);
    const now = this.clock.now();
    const slice = { viewerId: viewer.id, filters, now };
    const filtered = Object.values(filters).some((value) => value !== undefined);
    // Tab counts are the workload (no filters): each stops at 1,001 index entries. The
    // filtered count is the current tab's only (the "all" tab's would walk the history),
    // and needs no query when one page holds every match. Both may be a few seconds
    // old (QUEUE_COUNTS_CACHE_SECONDS); the rows never are.
    const [page, counts, reviewers] = await Promise.all([
      this.page({ ...slice, tab }, after, before),
      this.readModel.countTabs(
        tabs.filter((candidate) => candidate !== 'all'),
        { ...slice, filters: {} },
        QUEUE_COUNT_CAP,
      ),
      this.staff.reviewers(),
    ]);
    const { rows, hasPrevious, hasNext } = page;
    const matching =
      !filtered || tab === 'all'
        ? null
        : !hasPrevious && !hasNext
          ? rows.length
          : (await this.readModel.countTabs([tab], slice, QUEUE_COUNT_CAP))[tab];
    const key = queueSortKey(tab);
    const cursorOf = (row: QueueRow | undefined): QueueCursor | null =>
      row ? { at: row[key], id: row.id } : null;
    const slas = await this.sla.describeAll(
      rows.map((row) => ({
        status: row.status,
        dueAt: row.dueAt,
        atRiskAt: row.atRiskAt,
        outcome: row.slaOutcome,
      })),
      now,
    );

    const option = (value: string, label: Message, current: string | undefined): QueueOption => ({
      value,
      label,
      selected: value === current,
    });
    return {
      tab,
      tabLabel: TAB_LABELS[tab],
      tabs: tabs.map((key) => ({
        key,
        label: TAB_LABELS[key],
        count: key === 'all' ? null : tabCount(counts[key]),
        current: key === tab,
      })),
      filters: {
        subjectType: filters.subjectType ?? '',
        province: filters.province ?? '',
        riskFlag: filters.riskFlag ?? '',
        assignee: filters.assignee ?? '',
        search: filters.search ?? '',
      },
      filtered,
      matching:
        matching === null
          ? null
          : matching > QUEUE_COUNT_CAP
            ? msg('queue.matchingCapped', { count: QUEUE_COUNT_CAP })
            : msg('queue.matching', { count: matching }),
      options: {
        subjectTypes: SUBJECT_TYPES.map((type) =>
          option(type, SUBJECT_TYPE_LABELS[type], filters.subjectType),
        ),
        provinces: PROVINCE_PREFIXES.map((prefix) =>
          option(prefix, PROVINCE_LABELS[prefix], filters.province),
        ),
        riskFlags: RISK_FLAGS.map((flag) => option(flag, FLAG_VIEWS[flag].label, filters.riskFlag)),
        assignees: [
          option('none', msg('queue.nobody'), filters.assignee),
          ...reviewers.map((reviewer) =>
            option(
              reviewer.id,
              reviewer.id === viewer.id
                ? msg('common.you', { name: reviewer.name })
                : msg('queue.filter.staffMember', { name: reviewer.name }),
              filters.assignee,
            ),
          ),
        ],
      },
      problems,
      rows: rows.map((row, index) => ({
        id: row.id,
        reference: row.reference,
        subjectName: row.subjectName,
        credentialNumber: maskIdentifier(row.credentialNumber),
        subjectTypeLabel: SUBJECT_TYPE_LABELS[row.subjectType],
        filingNumber: row.filingNumber,
        provinceLabel: provinceLabel(row.province),
        statusLabel: STATUS_LABELS[row.status],
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        expiresAt: row.status === 'AWAITING_APPLICANT' ? row.expiresAt : null,
        sla: slaBadgeOf(slas[index]!),
        flags: row.riskFlags.map((flag) => FLAG_VIEWS[flag]),
        holder: row.assigneeName,
        held: row.assigneeId !== null,
        claimable: reviewing && row.status === 'PENDING_REVIEW',
        version: row.version,
      })),
      byReplyDeadline: key === 'expiresAt',
      next: hasNext ? cursorOf(rows[rows.length - 1]) : null,
      previous: hasPrevious ? cursorOf(rows[0]) : null,
      paged: hasPrevious,
      readOnly: !reviewing,
      emptyText: EMPTY_TEXTS[tab],
    };
  }

  /**
   * One page, read one row further than it shows to know whether another follows: the
   * first page, the page after a cursor, or the page before one (read backwards). Going
   * back past the start (rows that moved meanwhile) lands on the first page, whole.
   */
  private async page(
    slice: QueueSlice,
    after: QueueCursor | null,
    before: QueueCursor | null,
  ): Promise<QueuePage> {
    if (before) {
      const found = await this.readModel.queuePage(slice, { before }, QUEUE_PAGE_SIZE + 1);
      if (found.length >= QUEUE_PAGE_SIZE) {
        return {
          rows: found.slice(-QUEUE_PAGE_SIZE),
          hasPrevious: found.length > QUEUE_PAGE_SIZE,
          hasNext: true,
        };
      }
    }
    const found = await this.readModel.queuePage(
      slice,
      after ? { after } : null,
      QUEUE_PAGE_SIZE + 1,
    );
    return {
      rows: found.slice(0, QUEUE_PAGE_SIZE),
      hasPrevious: after !== null,
      hasNext: found.length > QUEUE_PAGE_SIZE,
    };
  }
}

/** A page of the queue and whether pages come before and after it. */
interface QueuePage {
  rows: QueueRow[];
  hasPrevious: boolean;
  hasNext: boolean;
}

/** "1,234", or "1,000+" past the cap; null when the tab was not counted. */
function tabCount(count: number | undefined): Message | null {
  if (count === undefined) return null;
  return count > QUEUE_COUNT_CAP
    ? msg('queue.tab.countCapped', { count: QUEUE_COUNT_CAP })
    : msg('queue.tab.count', { count });
}

function readFilters(request: QueueQuery['request']): {
  filters: QueueFilters;
  ignored: Message[];
} {
  const filters: QueueFilters = {};
  const ignored: Message[] = [];
  const text = (value: string | undefined): string => (value ?? '').trim();
  const subjectType = text(request.subjectType);
  if (subjectType) {
    if ((SUBJECT_TYPES as readonly string[]).includes(subjectType))
      filters.subjectType = subjectType as SubjectType;
    else ignored.push(msg('queue.problem.notASubjectType', { value: subjectType }));
  }
  const province = text(request.province);
  if (province) {
    if (isProvincePrefix(province)) filters.province = province;
    else ignored.push(msg('queue.problem.notAProvince', { value: province }));
  }
  const riskFlag = text(request.riskFlag);
  if (riskFlag) {
    if ((RISK_FLAGS as readonly string[]).includes(riskFlag))
      filters.riskFlag = riskFlag as RiskFlag;
    else ignored.push(msg('queue.problem.notARiskFlag', { value: riskFlag }));
  }
  const assignee = text(request.assignee);
  if (assignee) {
    if (assignee === 'none' || UUID.test(assignee)) filters.assignee = assignee.toLowerCase();
    else ignored.push(msg('queue.problem.notAStaffMember', { value: assignee }));
  }
  const search = text(request.search).slice(0, MAX_SEARCH);
  if (search) filters.search = search;
  return { filters, ignored };
}

/** `<sort key in ms, or "none">.<id>`; anything else starts from the first page. */
export function readCursor(value: string | undefined): QueueCursor | null {
  const match = /^(\d{1,15}|none)\.([0-9a-f-]{36})$/i.exec(value ?? '');
  if (!match || !UUID.test(match[2]!)) return null;
  return {
    at: match[1] === 'none' ? null : new Date(Number(match[1])),
    id: match[2]!.toLowerCase(),
  };
}

export function writeCursor(cursor: QueueCursor): string {
  return `${cursor.at ? cursor.at.getTime() : 'none'}.${cursor.id}`;
}
