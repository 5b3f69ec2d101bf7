import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { AuditEventInput } from '@lib/audit-trail';

/**
 * The benchmark's audit trail, event by event, computed from the sequence number alone
 * (so worker threads can make any stretch of it): a year of a desk's work, ten events a
 * request — submitted, claimed, three documents viewed, checks, a note, the approval, the
 * second approval — and a sign-in, by twenty reviewers. Requests are `seedRequests`'s
 * (`md5('request' || n)` ids, `INIT-2026-nnnnnnn` references, filing numbers
 * `浙ICP备nnnnnnnnnn号`).
 */
export interface SeedPlan {
  /** occurred_at of event #1, ms since the epoch. */
  startMs: number;
  /** ms between two events. */
  stepMs: number;
  /** Events before this seq are legacy (keyless); this seq is the switch event. */
  keyedFrom: number;
  keyId: string;
  signer: string;
}

export const REVIEWERS = [
  '王芳',
  '李娜',
  '张伟',
  '刘洋',
  '陈静',
  '杨磊',
  '赵敏',
  '黄勇',
  '周杰',
  '吴霞',
  '徐明',
  '孙丽',
  '马超',
  '朱琳',
  '胡军',
  '郭燕',
  '何平',
  '高峰',
  '林红',
  '罗斌',
];

const EVENTS_PER_REQUEST = 10;

/** `md5(text)::uuid`, as PostgreSQL casts it; the last one remembered (a request's events are consecutive). */
let lastUuid = { text: '', uuid: '' };
const uuidOf = (text: string): string => {
  if (lastUuid.text === text) return lastUuid.uuid;
  const hex = createHash('md5').update(text).digest('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  lastUuid = { text, uuid };
  return uuid;
};

/** The request the event at `seq` belongs to (1-based), as `seedRequests` numbers them. */
export const requestNumberOf = (seq: number): number =>
  Math.floor((seq - 1) / EVENTS_PER_REQUEST) + 1;

export const requestCountFor = (events: number): number => requestNumberOf(events);

export const referenceOf = (request: number): string =>
  `INIT-2026-${String(request).padStart(7, '0')}`;

export const filingNumberOf = (request: number): string =>
  `浙ICP备${String(request).padStart(10, '0')}号`;

export const occurredMsOf = (seq: number, plan: SeedPlan): number =>
  plan.startMs + (seq - 1) * plan.stepMs;

export function seedEvent(seq: number, plan: SeedPlan): AuditEventInput {
  const occurredAt = new Date(occurredMsOf(seq, plan));
  if (seq === plan.keyedFrom) {
    return {
      occurredAt,
      actorType: 'SYSTEM',
      actorId: null,
      actorRole: null,
      actorName: 'beian-desk',
      action: 'audit.keyed_links_started',
      requestId: null,
      subjectId: null,
      details: { linkKeyId: plan.keyId, signer: plan.signer },
      ip: null,
    };
  }
  const request = requestNumberOf(seq);
  const reviewer = request % REVIEWERS.length;
  const staff = {
    actorType: 'STAFF',
    actorId: `00000000-0000-4000-8000-${String(reviewer).padStart(12, '0')}`,
    actorRole: reviewer < 5 ? 'SENIOR_REVIEWER' : 'REVIEWER',
    actorName: REVIEWERS[reviewer]!,
  };
  const ip = `10.0.${reviewer}.${seq % 200}`;
  const requestId = uuidOf(`request${request}`);
  const reference = referenceOf(request);
  const step = seq % EVENTS_PER_REQUEST;
  const of = (
    action: string,
    details: Record<string, unknown>,
    who: Pick<AuditEventInput, 'actorType' | 'actorId' | 'actorRole' | 'actorName'> = staff,
    withRequest = true,
  ): AuditEventInput => ({
    occurredAt,
    ...who,
    action,
    requestId: withRequest ? requestId : null,
    subjectId: null,
    details,
    ip: who === staff ? ip : null,
  });
  switch (step) {
    case 1:
      return of(
        'request.submitted',
        {
          reference,
          riskFlags: request % 7 === 0 ? ['RECENT_EMAIL_CHANGE'] : [],
          documents: ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO'],
        },
        { actorType: 'INTAKE_CLIENT', actorId: null, actorRole: null, actorName: 'bench' },
      );
    case 2:
      return of('request.claimed', { reference });
    case 3:
      return of('document.viewed', { kind: 'ID_FRONT' });
    case 4:
      return of('document.viewed', { kind: 'ID_BACK' });
    case 5:
      return of('document.viewed', { kind: 'HALF_LENGTH_PHOTO' });
    case 6:
      return of('request.checks_recorded', {
        checks: [
          {
            kind: 'ID_FRONT',
            legible: true,
            authentic: true,
            valid: true,
            matchesApplication: true,
          },
        ],
      });
    case 7:
      return of('request.note_added', { note: `材料清晰，核对无误 #${request}` });
    case 8:
      return of('request.approved', { reference, awaitingSecondApproval: true });
    case 9:
      return of('request.second_approval_given', { reference });
    default:
      return of('staff.signed_in', {}, staff, false);
  }
}

/**
 * The keyed link's canonical text (the library's `linkOf` rule: the same fields as the
 * keyless hash, plus `keyId`), in two parts around the predecessor's hash, which only the
 * sequential pass knows: HMAC(secret, before + prevHash + after) is the link.
 */
export function keyedCanonicalParts(
  seq: number,
  event: AuditEventInput,
  keyId: string,
): [string, string] {
  // RFC 8785 by hand for this one shape (keys in code-point order; strings and integers as
  // JSON.stringify writes them, which is what RFC 8785 specifies for them); the nested
  // details through json-canonicalize. `AuditTrailSeeder` checks it against `linkOf`.
  const j = JSON.stringify;
  return [
    `{"action":${j(event.action)},"actorId":${j(event.actorId)},"actorName":${j(event.actorName)},"actorRole":${j(event.actorRole)},"actorType":${j(event.actorType)},"details":${canonicalize(event.details)},"ip":${j(event.ip)},"keyId":${j(keyId)},"occurredAt":${j(event.occurredAt.toISOString())},"prevHash":"`,
    `","requestId":${j(event.requestId)},"seq":${seq},"subjectId":${j(event.subjectId)}}`,
  ];
}

const copyText = (value: string | null): string =>
  value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/** The COPY columns, in the order `copyLineStart` writes them, then prev_hash and hash. */
export const COPY_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_role',
  'actor_name',
  'action',
  'request_id',
  'subject_id',
  'details',
  'ip',
  'link_key_id',
  'prev_hash',
  'hash',
];

/** A COPY text line up to its prev_hash (which ends it with the hash and a newline). */
export function copyLineStart(seq: number, event: AuditEventInput, keyId: string | null): string {
  return [
    String(seq),
    event.occurredAt.toISOString(),
    copyText(event.actorType),
    copyText(event.actorId),
    copyText(event.actorRole),
    copyText(event.actorName),
    copyText(event.action),
    copyText(event.requestId),
    copyText(event.subjectId),
    copyText(JSON.stringify(event.details)),
    copyText(event.ip),
    copyText(keyId),
    '',
  ].join('\t');
}
