import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents encrypted at rest (issue 17): each stored document has its own data key,
 * kept here wrapped (AES-256-GCM) by one of DOCUMENT_ENCRYPTION_KEYS, named by `key_id`;
 * the object in the store is addressed by `storage_key` and holds only ciphertext. The
 * row is written when the upload is staged, before the request that names it commits, so
 * the orphan sweep finds uploads whose request never committed by the anti-join on
 * `request_documents.storage_key` (null: a file stored in the clear before this change,
 * at `ab/cd/<sha256>`, until `documents:encrypt-legacy` encrypts it).
 */
export class DocumentEncryption1765584000000 implements MigrationInterface {
  name = 'DocumentEncryption1765584000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_keys (
        storage_key uuid NOT NULL CONSTRAINT document_keys_pkey PRIMARY KEY,
        key_id varchar(32) NOT NULL,
        wrapped_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX document_keys_created_idx ON document_keys (created_at)`);
    await queryRunner.query(`CREATE INDEX document_keys_key_id_idx ON document_keys (key_id)`);
    await queryRunner.query(`ALTER TABLE request_documents ADD COLUMN storage_key uuid`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX request_documents_storage_key_key ON request_documents (storage_key)
      WHERE storage_key IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX request_documents_storage_key_key`);
    await queryRunner.query(`ALTER TABLE request_documents DROP COLUMN storage_key`);
    await queryRunner.query(`DROP TABLE document_keys`);
  }
}
