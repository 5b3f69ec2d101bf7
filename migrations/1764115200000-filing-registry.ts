import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The filing registry: subjects (one Alibaba Cloud account holds at most one),
 * their websites, and the history of their ICP Filing account emails.
 */
export class FilingRegistry1764115200000 implements MigrationInterface {
  name = 'FilingRegistry1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE filing_subjects (
        id uuid PRIMARY KEY,
        type varchar(12) NOT NULL CHECK (type IN ('INDIVIDUAL', 'ORGANIZATION')),
        name varchar(200) NOT NULL,
        credential_number varchar(20) NOT NULL,
        province varchar(2) NOT NULL,
        filing_number varchar(40) NOT NULL,
        account_email varchar(254) NOT NULL,
        aliyun_account_id varchar(64),
        account_email_changed_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT filing_subjects_filing_number_key UNIQUE (filing_number),
        CONSTRAINT filing_subjects_aliyun_account_id_key UNIQUE (aliyun_account_id),
        CONSTRAINT filing_subjects_email_lowercase CHECK (account_email = lower(account_email))
      )`);
    await queryRunner.query(
      `CREATE INDEX filing_subjects_name_idx ON filing_subjects (lower(name))`,
    );
    await queryRunner.query(
      `CREATE INDEX filing_subjects_credential_number_idx ON filing_subjects (credential_number)`,
    );

    await queryRunner.query(`
      CREATE TABLE filing_websites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id uuid NOT NULL REFERENCES filing_subjects (id),
        filing_number varchar(48) NOT NULL,
        domain varchar(253) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT filing_websites_filing_number_key UNIQUE (filing_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX filing_websites_subject_idx ON filing_websites (subject_id)`,
    );
    await queryRunner.query(`CREATE INDEX filing_websites_domain_idx ON filing_websites (domain)`);

    await queryRunner.query(`
      CREATE TABLE filing_subject_email_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject_id uuid NOT NULL REFERENCES filing_subjects (id),
        email varchar(254) NOT NULL,
        aliyun_account_id varchar(64),
        valid_from timestamptz,
        valid_to timestamptz NOT NULL,
        replaced_by_request_id uuid,
        source varchar(16) NOT NULL CHECK (source IN ('REQUEST', 'LEGACY_IMPORT')),
        CONSTRAINT filing_subject_email_history_request_check
          CHECK (source <> 'REQUEST' OR replaced_by_request_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX filing_subject_email_history_subject_idx ON filing_subject_email_history (subject_id, valid_to DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE filing_subject_email_history`);
    await queryRunner.query(`DROP TABLE filing_websites`);
    await queryRunner.query(`DROP TABLE filing_subjects`);
  }
}
