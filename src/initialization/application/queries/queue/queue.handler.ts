import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { maskIdentifier } from '../../../../audit/domain/personal-data.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { PROVINCE_NAMES, provinceLabel } from '../../../domain/province.js';
import { STATUS_LABELS } from '../../../domain/request-status.js';
import {
  BLOCKING_FLAGS,
  RISK_FLAG_EXPLANATIONS,
  RISK_FLAG_LABELS,
  RISK_FLAGS,
  type RiskFlag,
} from '../../../domain/risk-flag.js';
import {
  SUBJECT_TYPE_LABELS,
  SUBJECT_TYPES,
  type SubjectType,
} from '../../../domain/subject-type.js';
import {
  QUEUE_TABS,
  REQUEST_READ_MODEL,
  type QueueCursor,
  type QueueFilters,
  type QueueTab,
  type RequestReadModel,
} from '../../ports/request-read-model.js';
import { SLA_DESCRIBER, type SlaDescriber } from '../../ports/sla-describer.js';
import { STAFF_DIRECTORY, type StaffDirectory } from '../../ports/staff-directory.js';
import { slaBadgeOf } from '../sla-badge.js';
import { QueueQuery, type QueueOption, type QueueView } from './queue.query.js';

export const QUEUE_PAGE_SIZE = 50;
/** Tab counts stop here and read "1,000+": a count never walks a whole slice. */
export const QUEUE_COUNT_CAP = 1000;

const TAB_LABELS: Record<QueueTab, string> = {
  unassigned: 'Unassigned',
  mine: 'Mine',
  'at-risk': 'At risk',
  breached: 'Breached',
  'second-approval': 'Second approval',
  'awaiting-applicant': 'Awaiting applicant',
  all: 'All requests',
};

const EMPTY_TEXT: Record<QueueTab, string> = {
  unassigned: 'No request is waiting to be claimed.',
  mine: 'You hold no open request.',
  'at-risk': 'No request is at risk of missing its deadline.',
  breached: 'No open request has missed its deadline.',
  'second-approval': 'No request is waiting for a second approval.',
  'awaiting-applicant': 'No request is waiting for the applicant.',
  all: 'No request matches.',
};

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
    const problems: string[] = [];
    const tab =
      tabs.find((candidate) => candidate === request.tab) ?? (reviewing ? 'unassigned' : 'all');
    if (request.tab && request.tab !== tab) problems.push(`There is no tab “${request.tab}”.`);

    const { filters, ignored } = readFilters(request);
    problems.push(...ignored);
    const after = readCursor(request.after);
    const now = this.clock.now();
    const slice = { viewerId: viewer.id, filters, now };
    const filtered = Object.values(filters).some((value) => value !== undefined);
    // Tab counts are the workload (no filters): each stops at 1,001 index entries. The
    // filtered count is the current tab's only (the "all" tab's would walk the history),
    // and needs no query when the first page holds every match. Both may be a few seconds
    // old (QUEUE_COUNTS_CACHE_SECONDS); the rows never are.
    const [found, counts, reviewers] = await Promise.all([
      this.readModel.queuePage({ ...slice, tab }, after, QUEUE_PAGE_SIZE + 1),
      this.readModel.countTabs(
        tabs.filter((candidate) => candidate !== 'all'),
        { ...slice, filters: {} },
        QUEUE_COUNT_CAP,
      ),
      this.staff.reviewers(),
    ]);
    const matching =
      !filtered || tab === 'all'
        ? null
        : !after && found.length <= QUEUE_PAGE_SIZE
          ? found.length
          : (await this.readModel.countTabs([tab], slice, QUEUE_COUNT_CAP))[tab];
    const rows = found.slice(0, QUEUE_PAGE_SIZE);
    const last = rows[rows.length - 1];
    const slas = await this.sla.describeAll(
      rows.map((row) => ({
        status: row.status,
        dueAt: row.dueAt,
        atRiskAt: row.atRiskAt,
        outcome: row.slaOutcome,
      })),
      now,
    );

    const option = (value: string, label: string, current: string | undefined): QueueOption => ({
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
        count: key === 'all' ? '' : countText(counts[key]),
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
          ? ''
          : `${countText(matching)} ${matching === 1 ? 'request matches' : 'requests match'} the filters.`,
      options: {
        subjectTypes: SUBJECT_TYPES.map((type) =>
          option(type, SUBJECT_TYPE_LABELS[type], filters.subjectType),
        ),
        provinces: Object.keys(PROVINCE_NAMES).map((prefix) =>
          option(prefix, provinceLabel(prefix), filters.province),
        ),
        riskFlags: RISK_FLAGS.map((flag) => option(flag, RISK_FLAG_LABELS[flag], filters.riskFlag)),
        assignees: [
          option('none', 'Nobody', filters.assignee),
          ...reviewers.map((reviewer) =>
            option(
              reviewer.id,
              reviewer.id === viewer.id ? `${reviewer.name} (you)` : reviewer.name,
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
        sla: slaBadgeOf(slas[index]!),
        flags: row.riskFlags.map((flag) => ({
          label: RISK_FLAG_LABELS[flag] ?? flag,
          explanation: RISK_FLAG_EXPLANATIONS[flag] ?? '',
          blocking: BLOCKING_FLAGS.includes(flag),
        })),
        holder: row.assigneeName ?? 'Nobody',
        held: row.assigneeId !== null,
        claimable: reviewing && row.status === 'PENDING_REVIEW',
        version: row.version,
      })),
      next: found.length > QUEUE_PAGE_SIZE && last ? { dueAt: last.dueAt, id: last.id } : null,
      paged: after !== null,
      readOnly: !reviewing,
      emptyText: EMPTY_TEXT[tab],
    };
  }
}

/** 1,234 (one formatter: `toLocaleString` builds a new one for every number). */
const COUNT_FORMAT = new Intl.NumberFormat('en');

function countText(count: number | undefined): string {
  if (count === undefined) return '';
  return count > QUEUE_COUNT_CAP
    ? `${COUNT_FORMAT.format(QUEUE_COUNT_CAP)}+`
    : COUNT_FORMAT.format(count);
}

function readFilters(request: QueueQuery['request']): {
  filters: QueueFilters;
  ignored: string[];
} {
  const filters: QueueFilters = {};
  const ignored: string[] = [];
  const text = (value: string | undefined): string => (value ?? '').trim();
  const subjectType = text(request.subjectType);
  if (subjectType) {
    if ((SUBJECT_TYPES as readonly string[]).includes(subjectType))
      filters.subjectType = subjectType as SubjectType;
    else ignored.push(`“${subjectType}” is not a subject type, so it was ignored.`);
  }
  const province = text(request.province);
  if (province) {
    if (province in PROVINCE_NAMES) filters.province = province;
    else ignored.push(`“${province}” is not a province prefix, so it was ignored.`);
  }
  const riskFlag = text(request.riskFlag);
  if (riskFlag) {
    if ((RISK_FLAGS as readonly string[]).includes(riskFlag))
      filters.riskFlag = riskFlag as RiskFlag;
    else ignored.push(`“${riskFlag}” is not a risk flag, so it was ignored.`);
  }
  const assignee = text(request.assignee);
  if (assignee) {
    if (assignee === 'none' || UUID.test(assignee)) filters.assignee = assignee.toLowerCase();
    else ignored.push(`“${assignee}” is not a staff member, so it was ignored.`);
  }
  const search = text(request.search).slice(0, MAX_SEARCH);
  if (search) filters.search = search;
  return { filters, ignored };
}

/** `<dueAt in ms, or "none">.<id>`; anything else starts from the first page. */
export function readCursor(value: string | undefined): QueueCursor | null {
  const match = /^(\d{1,15}|none)\.([0-9a-f-]{36})$/i.exec(value ?? '');
  if (!match || !UUID.test(match[2]!)) return null;
  return {
    dueAt: match[1] === 'none' ? null : new Date(Number(match[1])),
    id: match[2]!.toLowerCase(),
  };
}

export function writeCursor(cursor: QueueCursor): string {
  return `${cursor.dueAt ? cursor.dueAt.getTime() : 'none'}.${cursor.id}`;
}
