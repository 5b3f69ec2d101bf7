import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reviewer portal's queue, so every tab is read in dueAt order
 * straight from an index however many decided requests pile up (keyset pages,
 * never OFFSET; tab counts stop at 1,001 rows). The unassigned, second-approval
 * and awaiting-applicant tabs use initialization_requests_queue_idx
 * (status, due_at, id); the others need these:
 * - at risk / breached: the requests whose SLA clock runs, in deadline order (partial, so
 *   its size follows the open workload, not the history);
 * - mine: what a reviewer holds and has not finished, in deadline order (partial);
 * - all requests: everything in deadline order.
 */
export class PortalIndexes1764547200000 implements MigrationInterface {
  name = 'PortalIndexes1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX initialization_requests_running_due_idx ON initialization_requests (due_at, id)
      WHERE status IN ('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_held_due_idx ON initialization_requests (assignee_id, due_at, id)
      WHERE status IN ('IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'AWAITING_APPLICANT')`);
    await queryRunner.query(
      `CREATE INDEX initialization_requests_due_idx ON initialization_requests (due_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX initialization_requests_due_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_held_due_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_running_due_idx`);
  }
}
