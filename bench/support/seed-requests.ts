import type pg from 'pg';

/**
 * Seeds initialization requests straight into the tables with
 * generate_series (a million rows take seconds), shaped like intake would
 * store them: individuals, pending review, no risk flags, unique subjects and
 * Alibaba Cloud accounts. `withRegistry` adds a matching registry subject per
 * request and three document rows, so the requests can be approved.
 */
export async function seedRequests(
  client: pg.Client,
  options: {
    count: number;
    now: Date;
    /** Share of requests whose at-risk moment has passed (not their deadline). */
    atRiskShare?: number;
    withRegistry?: boolean;
    /** The first request's number, so several seedings do not collide. */
    offset?: number;
  },
): Promise<void> {
  const { count, now, atRiskShare = 0, withRegistry = false, offset = 0 } = options;
  const every = atRiskShare > 0 ? Math.round(1 / atRiskShare) : 0;
  if (withRegistry) {
    await client.query(
      `INSERT INTO filing_subjects (id, type, name, credential_number, province, filing_number, account_email)
       SELECT md5('subject' || g)::uuid, 'INDIVIDUAL', '主体' || g, '33010619900307' || lpad((g % 10000)::text, 4, '0'),
              '浙', '浙ICP备' || lpad(g::text, 10, '0') || '号', 'old' || g || '@example.cn'
       FROM generate_series($1::int, $2::int) AS g`,
      [offset + 1, offset + count],
    );
  }
  await client.query(
    `INSERT INTO initialization_requests (
       id, reference, external_id, intake_client, received_at, subject_type, filing_number, subject_filing_number,
       province, subject_name, credential_number, applicant_name, applicant_id_number, applicant_role, applicant_phone,
       new_account_email, aliyun_account_id, subject_id, risk_flags, status, clock_started_at, due_at, at_risk_at,
       version, created_at, updated_at)
     SELECT md5('request' || g)::uuid, 'INIT-2026-' || lpad(g::text, 7, '0'), 'bench-' || g, 'bench', received, 'INDIVIDUAL',
            '浙ICP备' || lpad(g::text, 10, '0') || '号', '浙ICP备' || lpad(g::text, 10, '0') || '号', '浙', '主体' || g,
            '33010619900307' || lpad((g % 10000)::text, 4, '0'), '申请人' || g, '330106199003071234', 'SUBJECT_ADMIN', '13800138000',
            'new' || g || '@example.cn', (1000000000000000 + g)::text,
            CASE WHEN $4 THEN md5('subject' || g)::uuid END, '{}', 'PENDING_REVIEW', received,
            due, CASE WHEN $5 > 0 AND g % $5 = 0 THEN $3::timestamptz - interval '1 minute' ELSE due - interval '4 hours' END,
            1, received, received
     FROM generate_series($1::int, $2::int) AS g,
          LATERAL (SELECT $3::timestamptz - interval '1 hour' - (g % 600) * interval '1 second' AS received) AS r,
          LATERAL (SELECT $3::timestamptz + interval '5 hours' + (g % 86400) * interval '1 second' AS due) AS d`,
    [offset + 1, offset + count, now, withRegistry, every],
  );
  if (withRegistry) {
    await client.query(
      `INSERT INTO request_documents (id, request_id, kind, media_type, size_bytes, sha256, original_name, uploaded_at)
       SELECT md5('document' || g || kind)::uuid, md5('request' || g)::uuid, kind, 'image/jpeg', 204800,
              encode(sha256(('document' || g || kind)::bytea), 'hex'), kind || '.jpg', $3
       FROM generate_series($1::int, $2::int) AS g, unnest(ARRAY['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO']) AS kind`,
      [offset + 1, offset + count, now],
    );
  }
  await client.query('ANALYZE');
}
