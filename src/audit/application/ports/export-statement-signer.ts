import type { ExportStatement, SignedExportStatement } from '../exports/export-statement.js';

/** What the export knows of itself; the signer adds the checkpoint, the signer, the time. */
export type ExportStatementFacts = Omit<
  ExportStatement,
  'type' | 'rowsDigest' | 'createdAt' | 'checkpoint' | 'signer'
>;

/** Signs export statements with the audit signing key, at an audit checkpoint made for each. */
export interface ExportStatementSigner {
  sign(facts: ExportStatementFacts): Promise<SignedExportStatement>;
}
export const EXPORT_STATEMENT_SIGNER = Symbol('ExportStatementSigner');
