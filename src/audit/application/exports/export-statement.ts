import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { ExportDataset, ExportFilters, ExportFormat } from '../../domain/export-filters.js';
import { AUDIT_EVENT_COLUMNS, REQUEST_COLUMNS } from './export-datasets.js';

/**
 * Names what is signed, so that a statement can never pass for a checkpoint (signed by
 * the same key) nor a checkpoint for a statement.
 */
export const EXPORT_STATEMENT_TYPE = 'beian-desk/export-statement/v1';

/** How `sha256` is computed from the file's rows (`infrastructure/files/export-row-digest.ts`). */
export const ROWS_DIGEST = 'jcs-row-lines/sha256';

/** The record each dataset's row is: the first part of its fields' codes. */
const RECORD_OF: Record<ExportDataset, string> = {
  'audit-events': 'audit_event',
  requests: 'request',
};

/**
 * The machine-readable codes of a dataset's columns, in the file's order, whatever the
 * file's language: `request.reference`, `audit_event.occurred_at` (the file's own column
 * codes, `reference`, with the record they belong to before them).
 */
export function fieldCodesOf(dataset: ExportDataset): string[] {
  const columns = dataset === 'audit-events' ? AUDIT_EVENT_COLUMNS : REQUEST_COLUMNS;
  return columns.map((code) => `${RECORD_OF[dataset]}.${code}`);
}

/** A field code without its record (`request.reference` → `reference`): as the file lists it. */
export const columnCodeOf = (fieldCode: string): string =>
  fieldCode.slice(fieldCode.indexOf('.') + 1);

/** The audit checkpoint a statement was signed at: the trail passed through event `seq` with `hash`. */
export interface StatementCheckpoint {
  no: number;
  seq: number;
  hash: string;
}

/**
 * What the desk attests about one export, signed with the audit signing key (Ed25519) at
 * a checkpoint made for it: which export, how many data rows and their SHA-256
 * (`ROWS_DIGEST`), the filters and the columns' codes, and the file's own bytes.
 */
export interface ExportStatement {
  type: typeof EXPORT_STATEMENT_TYPE;
  exportId: string;
  dataset: ExportDataset;
  format: ExportFormat;
  rowCount: number;
  /** SHA-256 (hex) of the data rows as the file holds them (`rowsDigest` says how). */
  sha256: string;
  rowsDigest: typeof ROWS_DIGEST;
  /** The SHA-256 of each run of `size` rows, in order: where a changed file first differs. */
  rowBlocks: { size: number; sha256: string[] };
  filters: ExportFilters;
  fieldCodes: string[];
  /** The file's bytes as the desk wrote them (a workbook saved again by Excel differs; its rows need not). */
  file: { sha256: string; sizeBytes: number };
  /** The audit trail's head when the rows were read (the checkpoint is at or after it). */
  chainHead: { seq: number; hash: string };
  /** When the statement was made (ISO 8601). */
  createdAt: string;
  checkpoint: StatementCheckpoint;
  /** The signing key's fingerprint (`SHA256:…`): which key to verify with — never the key itself. */
  signer: string;
}

/** The sidecar file `<exportId>.statement.json`: the statement and its signature. */
export interface SignedExportStatement {
  statement: ExportStatement;
  /** Base64 Ed25519 signature over the RFC 8785 canonical JSON of `statement`. */
  signature: string;
}

export function signExportStatement(
  statement: ExportStatement,
  privateKey: KeyObject,
): SignedExportStatement {
  const signature = sign(null, Buffer.from(canonicalize(statement), 'utf8'), privateKey);
  return { statement, signature: signature.toString('base64') };
}

/** The sidecar's text: indented JSON, readable in any editor. */
export function statementFileText(signed: SignedExportStatement): string {
  return JSON.stringify(signed, null, 2) + '\n';
}

const HEX64 = /^[0-9a-f]{64}$/;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * A statement file's JSON as a signed statement, or every way it is not one. The shape is
 * checked before the signature, so a refusal says what is wrong with the file.
 */
export function parseSignedStatement(
  text: string,
): { ok: true; signed: SignedExportStatement } | { ok: false; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`it is not JSON (${(error as Error).message})`] };
  }
  const problems: string[] = [];
  const record = (value ?? {}) as { statement?: Record<string, unknown>; signature?: unknown };
  const s = record.statement;
  if (typeof record.signature !== 'string' || record.signature === '')
    problems.push('it has no signature');
  if (!s || typeof s !== 'object') {
    problems.push('it has no statement');
    return { ok: false, problems };
  }
  if (s.type !== EXPORT_STATEMENT_TYPE)
    problems.push(`its type is ${JSON.stringify(s.type)}, not ${EXPORT_STATEMENT_TYPE}`);
  if (typeof s.exportId !== 'string') problems.push('it names no export');
  if (s.format !== 'CSV' && s.format !== 'XLSX') problems.push('its format is not CSV or XLSX');
  if (!isCount(s.rowCount)) problems.push('its row count is not a count');
  if (typeof s.sha256 !== 'string' || !HEX64.test(s.sha256))
    problems.push('its rows’ SHA-256 is not 64 hex digits');
  if (s.rowsDigest !== ROWS_DIGEST)
    problems.push(`its rows’ digest is ${JSON.stringify(s.rowsDigest)}, not ${ROWS_DIGEST}`);
  if (
    !Array.isArray(s.fieldCodes) ||
    s.fieldCodes.length === 0 ||
    !s.fieldCodes.every((code) => typeof code === 'string')
  )
    problems.push('it lists no field codes');
  const blocks = s.rowBlocks as { size?: unknown; sha256?: unknown } | undefined;
  if (
    !blocks ||
    !isCount(blocks.size) ||
    blocks.size === 0 ||
    !Array.isArray(blocks.sha256) ||
    !blocks.sha256.every((hash) => typeof hash === 'string' && HEX64.test(hash))
  )
    problems.push('its row blocks are not a size and a list of SHA-256');
  const checkpoint = s.checkpoint as Record<string, unknown> | undefined;
  if (!checkpoint || !isCount(checkpoint.no) || !isCount(checkpoint.seq))
    problems.push('it names no checkpoint');
  if (typeof s.signer !== 'string') problems.push('it names no signer');
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, signed: value as SignedExportStatement };
}

/** Whether the statement's signature is valid under `publicKey`; never throws. */
export function statementSignatureValid(
  signed: SignedExportStatement,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(
      null,
      Buffer.from(canonicalize(signed.statement), 'utf8'),
      publicKey,
      Buffer.from(signed.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
