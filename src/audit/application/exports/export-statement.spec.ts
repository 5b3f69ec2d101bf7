import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  EXPORT_STATEMENT_TYPE,
  ROWS_DIGEST,
  columnCodeOf,
  fieldCodesOf,
  parseSignedStatement,
  signExportStatement,
  statementFileText,
  statementSignatureValid,
  type ExportStatement,
} from './export-statement.js';

const desk = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

const statement: ExportStatement = {
  type: EXPORT_STATEMENT_TYPE,
  exportId: '0b6f0c1e-5d2a-4c55-9f5e-2f0d8d3f9a10',
  dataset: 'requests',
  format: 'CSV',
  rowCount: 3,
  sha256: 'ab'.repeat(32),
  rowsDigest: ROWS_DIGEST,
  rowBlocks: { size: 1000, sha256: ['ab'.repeat(32)] },
  filters: { from: '2026-11-01', to: '2026-11-30', status: 'APPROVED' },
  fieldCodes: fieldCodesOf('requests'),
  file: { sha256: 'cd'.repeat(32), sizeBytes: 1234 },
  chainHead: { seq: 41, hash: 'ef'.repeat(32) },
  createdAt: '2026-12-08T00:00:00.000Z',
  checkpoint: { no: 7, seq: 42, hash: '01'.repeat(32) },
  signer: 'SHA256:desk',
};

describe('an export statement', () => {
  it('names its fields by code, the record first, whatever the file’s language', () => {
    expect(fieldCodesOf('requests').slice(0, 2)).toEqual([
      'request.reference',
      'request.received_at',
    ]);
    expect(fieldCodesOf('audit-events')[0]).toBe('audit_event.seq');
    expect(columnCodeOf('audit_event.occurred_at')).toBe('occurred_at');
  });

  it('is valid under the desk’s key, as written to its file, and under no other', () => {
    const signed = signExportStatement(statement, desk.privateKey);
    const parsed = parseSignedStatement(statementFileText(signed));
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    expect(statementSignatureValid(parsed.signed, desk.publicKey)).toBe(true);
    expect(statementSignatureValid(parsed.signed, other.publicKey)).toBe(false);
  });

  it('fails its signature when any of its fields changes', () => {
    const signed = signExportStatement(statement, desk.privateKey);
    for (const change of [
      { rowCount: 2 },
      { sha256: 'ba'.repeat(32) },
      { filters: { from: '2026-11-01', to: '2026-11-30' } },
      { checkpoint: { no: 8, seq: 42, hash: '01'.repeat(32) } },
    ]) {
      const changed = { ...signed, statement: { ...signed.statement, ...change } };
      expect(statementSignatureValid(changed, desk.publicKey)).toBe(false);
    }
  });

  it('says every way a file is not a statement (a checkpoint signed by the same key is not one)', () => {
    expect(parseSignedStatement('not json')).toMatchObject({ ok: false });
    const checkpoint = { body: { no: 1, seq: 5, hash: 'ab'.repeat(32) }, signature: 'xx' };
    expect(parseSignedStatement(JSON.stringify(checkpoint))).toEqual({
      ok: false,
      problems: ['it has no statement'],
    });
    const result = parseSignedStatement(
      JSON.stringify({
        statement: { ...statement, type: 'checkpoint', rowCount: -1 },
        signature: '',
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'it has no signature',
        `its type is "checkpoint", not ${EXPORT_STATEMENT_TYPE}`,
        'its row count is not a count',
      ],
    });
  });
});
