import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections that come back, and document versions:
 * - `initialization_requests.corrections`: one entry per resubmission (the fields
 *   corrected, was → now; the documents replaced; the risk flags raised and cleared);
 * - `request_documents.replaces_document_id`: the earlier version of the same kind a
 *   document replaced. Earlier resubmissions are back-filled: the new version of a kind
 *   was uploaded at the moment the old one was superseded.
 */
export class RequestCorrections1765065600000 implements MigrationInterface {
  name = 'RequestCorrections1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE initialization_requests ADD COLUMN corrections jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(`
      ALTER TABLE request_documents
        ADD COLUMN replaces_document_id uuid NULL,
        ADD CONSTRAINT request_documents_replaces_document_id_fkey
          FOREIGN KEY (replaces_document_id) REFERENCES request_documents (id)`);
    await queryRunner.query(`
      UPDATE request_documents d SET replaces_document_id = earlier.id
      FROM request_documents earlier
      WHERE earlier.request_id = d.request_id
        AND earlier.kind = d.kind
        AND earlier.superseded_at = d.uploaded_at
        AND earlier.id <> d.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_documents DROP COLUMN replaces_document_id`);
    await queryRunner.query(`ALTER TABLE initialization_requests DROP COLUMN corrections`);
  }
}
