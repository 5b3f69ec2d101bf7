import { creditCode, filingNumber, residentId } from './credentials.js';
import {
  authorizationLetter,
  individualDocuments,
  individualRequest,
  submitIntake,
} from './intake.js';
import { registerSubject, type TestSubject } from './registry.js';
import type { TestApp } from './test-app.js';
import { type WebSession } from './web-session.js';

export interface ReviewableRequest {
  id: string;
  reference: string;
  subject: TestSubject;
  newAccountEmail: string;
  aliyunAccountId: string;
}

/**
 * A request as the public system sends it, for a registered subject, so it
 * can be approved: an individual (no flags: one approval) or an organization
 * (four eyes).
 */
export async function submitReviewable(
  t: TestApp,
  options: {
    type?: 'INDIVIDUAL' | 'ORGANIZATION';
    aliyunAccountId?: string;
    subject?: TestSubject;
    /** When the public system received it (default: a minute ago). */
    receivedAt?: Date;
  } = {},
): Promise<ReviewableRequest> {
  const type = options.subject?.type ?? options.type ?? 'INDIVIDUAL';
  const subject =
    options.subject ??
    (await registerSubject(t, {
      type,
      name: type === 'INDIVIDUAL' ? '周杰' : '宁波示例网络有限公司',
      credentialNumber:
        type === 'INDIVIDUAL'
          ? residentId('330106', '19910203', 100 + Math.floor(Math.random() * 800))
          : creditCode(),
      filingNumber: filingNumber(),
    }));
  const individual = type === 'INDIVIDUAL';
  const body = individualRequest({
    subjectType: type,
    filingNumber: subject.filingNumber,
    subjectName: subject.name,
    credentialNumber: subject.credentialNumber,
    applicant: {
      name: individual ? subject.name : '钱七',
      idNumber: individual ? subject.credentialNumber : residentId('330203', '19850505', 321),
      role: individual ? 'SUBJECT_ADMIN' : 'OTHER',
      phone: '13300133000',
    },
    ...(options.aliyunAccountId ? { aliyunAccountId: options.aliyunAccountId } : {}),
    ...(options.receivedAt ? { receivedAt: options.receivedAt.toISOString() } : {}),
  });
  const files =
    type === 'INDIVIDUAL'
      ? individualDocuments()
      : [...individualDocuments(), await authorizationLetter()];
  const response = await submitIntake(t.url, body, files);
  if (response.status !== 201) throw new Error(`intake refused: ${JSON.stringify(response.body)}`);
  return {
    id: response.body.id,
    reference: response.body.reference,
    subject,
    newAccountEmail: body.newAccountEmail,
    aliyunAccountId: body.aliyunAccountId,
  };
}

/** The current documents of a request: id and kind. */
export async function documentsOf(
  t: TestApp,
  requestId: string,
): Promise<{ id: string; kind: string }[]> {
  return t.dataSource.query(
    `SELECT id, kind FROM request_documents WHERE request_id = $1 AND superseded_at IS NULL ORDER BY kind`,
    [requestId],
  );
}

/** The form fields of the checks form with every answer yes (or as given). */
export async function checksForm(
  t: TestApp,
  requestId: string,
  answer: (
    kind: string,
  ) => Partial<
    Record<'legible' | 'authentic' | 'valid' | 'matchesApplication', 'yes' | 'no'>
  > = () => ({}),
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const document of await documentsOf(t, requestId)) {
    const answers = {
      legible: 'yes',
      authentic: 'yes',
      valid: 'yes',
      matchesApplication: 'yes',
      ...answer(document.kind),
    };
    for (const [question, value] of Object.entries(answers))
      fields[`checks[${document.id}][${question}]`] = value;
    fields[`checks[${document.id}][note]`] = '';
  }
  return fields;
}

/** The messages (flash) shown on the next page the user opens. */
export async function messagesAfter(session: WebSession): Promise<string[]> {
  const page = await session.page('/queue');
  return [...String(page.text).matchAll(/<p class="flash flash-\w+"[^>]*>([^<]*)<\/p>/g)].map(
    (match) => decode(match[1]!),
  );
}

const decode = (html: string): string =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export async function statusOf(
  t: TestApp,
  requestId: string,
): Promise<{ status: string; assignee_id: string | null; risk_flags: string[]; version: number }> {
  const [row] = await t.dataSource.query(
    `SELECT status, assignee_id, risk_flags, version FROM initialization_requests WHERE id = $1`,
    [requestId],
  );
  return row;
}

export async function actionsOf(t: TestApp, requestId: string): Promise<string[]> {
  const rows: { action: string }[] = await t.dataSource.query(
    `SELECT action FROM audit_events WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
  return rows.map((row) => row.action);
}

/** The flash messages shown on the next page the user opens, with their kind (success, error, info). */
export async function flashesAfter(session: WebSession): Promise<{ kind: string; text: string }[]> {
  const page = await session.page('/queue');
  return [...String(page.text).matchAll(/<p class="flash flash-(\w+)"[^>]*>([^<]*)<\/p>/g)].map(
    (match) => ({ kind: match[1]!, text: decode(match[2]!) }),
  );
}

export interface AuditEventRow {
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  details: Record<string, unknown>;
}

/** The audit events of a request, oldest first, with who did it and the details. */
export async function auditEventsOf(t: TestApp, requestId: string): Promise<AuditEventRow[]> {
  return t.dataSource.query(
    `SELECT action, actor_type, actor_id, actor_role, actor_name, details
       FROM audit_events WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
}

export interface OutboxRowOfRequest {
  kind: string;
  recipient: string;
  subject: string;
  body_text: string;
  status: string;
}

/** The outbox rows written for a request, by kind and recipient. */
export async function outboxRowsOf(t: TestApp, requestId: string): Promise<OutboxRowOfRequest[]> {
  return t.dataSource.query(
    `SELECT kind, recipient, subject, body_text, status FROM outbox_messages
      WHERE request_id = $1 ORDER BY kind, recipient`,
    [requestId],
  );
}

/** A registry subject as approval changes it: account email, bound account, email history. */
export async function registrySubjectOf(
  t: TestApp,
  subjectId: string,
): Promise<{
  account_email: string | null;
  aliyun_account_id: string | null;
  history: { email: string; replaced_by_request_id: string }[];
}> {
  const [subject] = await t.dataSource.query(
    `SELECT account_email, aliyun_account_id FROM filing_subjects WHERE id = $1`,
    [subjectId],
  );
  if (!subject) throw new Error(`no registry subject ${subjectId}`);
  const history = await t.dataSource.query(
    `SELECT email, replaced_by_request_id FROM filing_subject_email_history
      WHERE subject_id = $1 ORDER BY email`,
    [subjectId],
  );
  return { ...subject, history };
}
