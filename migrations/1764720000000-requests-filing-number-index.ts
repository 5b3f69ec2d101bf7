import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit search by filing number finds the requests that name it
 * (`subject_filing_number = $1 OR filing_number = $1`): with this index both
 * sides of the OR are index scans, not a scan of every request.
 */
export class RequestsFilingNumberIndex1764720000000 implements MigrationInterface {
  name = 'RequestsFilingNumberIndex1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX initialization_requests_filing_number_idx ON initialization_requests (filing_number)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX initialization_requests_filing_number_idx`);
  }
}
