import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'AWAITING_APPLICANT')`;
const RUNNING = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`;
const HELD = `('IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'AWAITING_APPLICANT')`;

/**
 * Indexes for the reviewer portal's queue. Every tab is read in (due_at, id)
 * order straight from an index (keyset pages, never OFFSET), and every tab
 * count stops at 1,001 entries. The columns the filters test (subject type,
 * province, assignee, risk flags) ride along in the index (INCLUDE), so a page
 * or a count under filters is an index-only scan: it never visits a row that
 * does not match. The partial ones hold only open requests, so their size
 * follows the workload, not the history.
 * - open queue: unassigned, second approval and awaiting applicant (by status);
 * - running: at risk and breached (the SLA clock runs; at_risk_at rides along);
 * - held: "mine", what a reviewer holds and has not finished;
 * - due: "all requests", decided ones included.
 */
export class PortalIndexes1764547200000 implements MigrationInterface {
  name = 'PortalIndexes1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX initialization_requests_open_queue_idx ON initialization_requests (status, due_at, id)
      INCLUDE (subject_type, province, assignee_id, risk_flags) WHERE status IN ${OPEN}`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_running_due_idx ON initialization_requests (due_at, id)
      INCLUDE (at_risk_at, subject_type, province, assignee_id, risk_flags) WHERE status IN ${RUNNING}`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_held_due_idx ON initialization_requests (assignee_id, due_at, id)
      INCLUDE (subject_type, province, risk_flags) WHERE status IN ${HELD}`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_due_idx ON initialization_requests (due_at, id)
      INCLUDE (subject_type, province, assignee_id, risk_flags)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX initialization_requests_due_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_held_due_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_running_due_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_open_queue_idx`);
  }
}
