import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import {
  EXPORT_STATEMENT_TYPE,
  ROWS_DIGEST,
  signExportStatement,
  type SignedExportStatement,
} from '../../application/exports/export-statement.js';
import type {
  ExportStatementFacts,
  ExportStatementSigner,
} from '../../application/ports/export-statement-signer.js';
import { AuditCheckpoints } from '../checkpoints/audit-checkpoints.js';
import { AUDIT_KEYS, type AuditKeys } from '../keys/audit-keys.js';

/**
 * Signs an export's statement at a checkpoint of the audit trail taken for it (its own
 * transaction, copied outside after commit, as every checkpoint is): the statement names
 * the checkpoint (no, seq, hash), so an auditor holding the file can tie it to the trail.
 * The key is the audit signing key (AUDIT_SIGNING_KEY_FILE); the statement names its
 * fingerprint only.
 */
@Injectable()
export class CheckpointedExportStatementSigner implements ExportStatementSigner {
  constructor(
    private readonly checkpoints: AuditCheckpoints,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sign(facts: ExportStatementFacts): Promise<SignedExportStatement> {
    const checkpoint = await this.checkpoints.checkpointNow();
    return signExportStatement(
      {
        type: EXPORT_STATEMENT_TYPE,
        ...facts,
        rowsDigest: ROWS_DIGEST,
        createdAt: this.clock.now().toISOString(),
        checkpoint: {
          no: checkpoint.body.no,
          seq: Number(checkpoint.body.seq),
          hash: checkpoint.body.hash,
        },
        signer: this.keys.signer.fingerprint,
      },
      this.keys.signer.privateKey,
    );
  }
}
