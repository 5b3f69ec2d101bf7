import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail against its own database (issue 18).
 *
 * - `audit_events.link_key_id`: the id of the secret an event's keyed link was made with
 *   (NULL: the keyless rule of the events written before the switch).
 * - `audit_checkpoints`: the signed checkpoints (their body and its Ed25519 signature).
 * - `audit_quarantine`: rows found beyond the chain's head, moved aside by the owner's
 *   `audit:quarantine-strays` (they were never appended by the desk).
 * - The only ways the desk's runtime role writes the trail, all `SECURITY DEFINER` functions
 *   owned by the role that runs the migrations (the owner), with a fixed search_path:
 *   `audit_lock_head()` (locks the head's row, refuses with SQLSTATE BDA01 while rows lie
 *   beyond it), `audit_append(events)` (checks the batch follows the head, inserts it and
 *   moves the head) and `audit_add_checkpoint(body, signature)` (the next number only).
 *   The runtime role gets EXECUTE on these three and SELECT on the trail's tables from the
 *   grant step that follows every migration run (`database-roles.ts`), nothing else.
 * - `audit_quarantine_strays()`: the owner's recovery, never granted to the runtime role;
 *   the append-only trigger lets it (and nothing else) delete rows beyond the head.
 */
export class AuditLeastPrivilege1765756800000 implements MigrationInterface {
  name = 'AuditLeastPrivilege1765756800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN link_key_id text`);

    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        no integer PRIMARY KEY CHECK (no >= 1),
        seq bigint NOT NULL,
        hash text NOT NULL,
        signed_at timestamptz NOT NULL,
        body jsonb NOT NULL,
        signature text NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE audit_quarantine (
        seq bigint NOT NULL,
        occurred_at timestamptz,
        actor_type varchar(20),
        actor_id uuid,
        actor_role varchar(20),
        actor_name varchar(200),
        action varchar(80),
        request_id uuid,
        subject_id uuid,
        details jsonb,
        ip varchar(64),
        prev_hash char(64),
        hash char(64),
        link_key_id text,
        quarantined_at timestamptz NOT NULL,
        PRIMARY KEY (seq, quarantined_at)
      )`);

    await queryRunner.query(`
      CREATE FUNCTION audit_lock_head() RETURNS TABLE (seq bigint, hash text)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        strays bigint;
        first_strays text;
      BEGIN
        SELECT h.seq, h.hash::text INTO head_seq, head_hash
          FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'audit_chain_head has no row: run the migrations';
        END IF;
        -- max(): one probe of the primary key from its end, whatever plan plpgsql caches (a
        -- generic plan of "seq > $1" would read the whole trail).
        IF (SELECT max(e.seq) FROM audit_events e) > head_seq THEN
          SELECT string_agg('#' || s.seq, ', ' ORDER BY s.seq)
            INTO first_strays
            FROM (SELECT e.seq FROM audit_events e WHERE e.seq > head_seq ORDER BY e.seq LIMIT 10) s;
          SELECT count(*) INTO strays
            FROM (SELECT 1 FROM audit_events e WHERE e.seq > head_seq ORDER BY e.seq LIMIT 1001) s;
          RAISE EXCEPTION 'audit trail has unaccounted events'
            USING ERRCODE = 'BDA01',
              DETAIL = format('%s row(s) lie beyond the chain head #%s (%s%s), written without the desk',
                CASE WHEN strays > 1000 THEN 'over 1000' ELSE strays::text END, head_seq,
                first_strays, CASE WHEN strays > 10 THEN ', …' ELSE '' END),
              HINT = 'move them aside with: npm run cli -- audit:quarantine-strays (as the database owner, MIGRATION_DATABASE_URL)';
        END IF;
        seq := head_seq;
        hash := head_hash;
        RETURN NEXT;
      END
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION audit_append(events jsonb) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        batch audit_events[];
        problem text;
        tail_event audit_events;
      BEGIN
        SELECT l.seq, l.hash INTO head_seq, head_hash FROM audit_lock_head() l;
        IF events IS NULL OR jsonb_typeof(events) <> 'array' THEN
          RAISE EXCEPTION 'audit_append takes a JSON array of events' USING ERRCODE = 'BDA02';
        END IF;
        batch := ARRAY(SELECT r FROM jsonb_populate_recordset(NULL::audit_events, events) r);
        IF cardinality(batch) = 0 THEN
          RETURN;
        END IF;
        SELECT CASE
                 WHEN x.seq IS DISTINCT FROM head_seq + x.n
                   THEN format('event %s of the batch has seq %s, not #%s', x.n, x.seq, head_seq + x.n)
                 ELSE format('event #%s does not link to #%s', x.seq, x.seq - 1)
               END
          INTO problem
          FROM (
            SELECT b.seq, b.prev_hash::text AS prev_hash, b.ordinality AS n,
                   coalesce(lag(b.hash::text) OVER (ORDER BY b.ordinality), head_hash) AS expected_prev
              FROM unnest(batch) WITH ORDINALITY AS b
          ) x
         WHERE x.seq IS DISTINCT FROM head_seq + x.n OR x.prev_hash IS DISTINCT FROM x.expected_prev
         ORDER BY x.n
         LIMIT 1;
        IF problem IS NOT NULL THEN
          RAISE EXCEPTION 'audit append does not follow the chain head #%: %', head_seq, problem
            USING ERRCODE = 'BDA02';
        END IF;
        INSERT INTO audit_events SELECT * FROM unnest(batch);
        tail_event := batch[cardinality(batch)];
        UPDATE audit_chain_head
           SET seq = tail_event.seq, hash = tail_event.hash, updated_at = tail_event.occurred_at
         WHERE id = 1;
      END
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION audit_add_checkpoint(body jsonb, signature text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        head_seq bigint;
        next_no integer;
        at_seq bigint;
        at_hash text;
      BEGIN
        SELECT h.seq INTO head_seq FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
        SELECT coalesce(max(c.no), 0) + 1 INTO next_no FROM audit_checkpoints c;
        IF (body->>'no')::integer IS DISTINCT FROM next_no THEN
          RAISE EXCEPTION 'checkpoint % is not the next one (#%)', body->>'no', next_no
            USING ERRCODE = 'BDA03';
        END IF;
        at_seq := (body->>'seq')::bigint;
        at_hash := body->>'hash';
        IF at_seq IS NULL OR at_seq < 0 OR at_seq > head_seq THEN
          RAISE EXCEPTION 'checkpoint #% names event #%, beyond the chain head #%', next_no, at_seq, head_seq
            USING ERRCODE = 'BDA03';
        END IF;
        IF at_seq = 0 AND at_hash IS DISTINCT FROM repeat('0', 64)
           OR at_seq > 0 AND NOT EXISTS (
             SELECT 1 FROM audit_events e WHERE e.seq = at_seq AND e.hash = at_hash) THEN
          RAISE EXCEPTION 'checkpoint #% names event #% with a hash the trail does not have', next_no, at_seq
            USING ERRCODE = 'BDA03';
        END IF;
        INSERT INTO audit_checkpoints (no, seq, hash, signed_at, body, signature)
        VALUES (next_no, at_seq, at_hash, (body->>'at')::timestamptz, body, signature);
      END
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION audit_quarantine_strays() RETURNS TABLE (seq bigint, hash text)
      LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
      DECLARE
        head_seq bigint;
      BEGIN
        SELECT h.seq INTO head_seq FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
        PERFORM set_config('beian.audit_quarantine', 'on', true);
        RETURN QUERY
          WITH moved AS (
            DELETE FROM audit_events e WHERE e.seq > head_seq RETURNING e.*
          ), kept AS (
            INSERT INTO audit_quarantine (seq, occurred_at, actor_type, actor_id, actor_role,
              actor_name, action, request_id, subject_id, details, ip, prev_hash, hash,
              link_key_id, quarantined_at)
            SELECT m.seq, m.occurred_at, m.actor_type, m.actor_id, m.actor_role, m.actor_name,
              m.action, m.request_id, m.subject_id, m.details, m.ip, m.prev_hash, m.hash,
              m.link_key_id, now()
              FROM moved m
            RETURNING audit_quarantine.seq, audit_quarantine.hash
          )
          SELECT k.seq, k.hash::text FROM kept k ORDER BY k.seq;
        PERFORM set_config('beian.audit_quarantine', 'off', true);
      END
      $$`);

    // Still append-only for everyone, the owner included; the one exception is the owner's
    // recovery above, which may delete rows beyond the head (never appended by the desk).
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('beian.audit_quarantine', true) = 'on'
           AND OLD.seq > (SELECT h.seq FROM audit_chain_head h WHERE h.id = 1) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);

    for (const signature of [
      'audit_lock_head()',
      'audit_append(jsonb)',
      'audit_add_checkpoint(jsonb, text)',
      'audit_quarantine_strays()',
    ]) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`DROP FUNCTION audit_quarantine_strays()`);
    await queryRunner.query(`DROP FUNCTION audit_add_checkpoint(jsonb, text)`);
    await queryRunner.query(`DROP FUNCTION audit_append(jsonb)`);
    await queryRunner.query(`DROP FUNCTION audit_lock_head()`);
    await queryRunner.query(`DROP TABLE audit_quarantine`);
    await queryRunner.query(`DROP TABLE audit_checkpoints`);
    await queryRunner.query(`ALTER TABLE audit_events DROP COLUMN link_key_id`);
  }
}
