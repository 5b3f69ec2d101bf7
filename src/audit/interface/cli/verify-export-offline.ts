import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { publicKeyFingerprint } from '@lib/audit-trail';
import {
  columnCodeOf,
  parseSignedStatement,
  statementSignatureValid,
} from '../../application/exports/export-statement.js';
import { readExportFileRows } from '../../infrastructure/files/export-file-rows.js';

/** What `audit:verify-export` concluded: 0 verified, 1 refused (the file or statement is not as signed), 2 cannot check. */
export interface OfflineVerification {
  exitCode: 0 | 1 | 2;
  /** Why, for the refusal: a code a script can match. */
  refusal?:
    | 'statement-unreadable'
    | 'wrong-key'
    | 'statement-changed'
    | 'other-file'
    | 'columns-changed'
    | 'rows-removed'
    | 'rows-added'
    | 'row-changed';
  lines: string[];
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Checks an export file against its signed statement with no database and no app:
 * the statement's signature under the public key given (never a key the files carry;
 * the statement names its signer's fingerprint only, which must be the given key's), then
 * the file's data rows against the statement (their count and SHA-256) and its columns
 * against the statement's field codes. The first thing that fails is the refusal.
 */
export async function verifyExportOffline(input: {
  file: string;
  statementFile: string;
  publicKeyFile: string;
}): Promise<OfflineVerification> {
  const cannot = (line: string): OfflineVerification => ({ exitCode: 2, lines: [line] });
  const refuse = (
    refusal: NonNullable<OfflineVerification['refusal']>,
    ...lines: string[]
  ): OfflineVerification => ({
    exitCode: 1,
    refusal,
    lines: ['REFUSED: ' + lines[0], ...lines.slice(1)],
  });

  const fileStat = await stat(input.file).catch(() => null);
  if (!fileStat?.isFile()) return cannot(`Cannot read the export file ${input.file}.`);
  const statementText = await readText(input.statementFile);
  if (statementText === null)
    return cannot(
      `Cannot read the statement ${input.statementFile} (download it from the exports page, beside the file; or name it with --statement).`,
    );
  const keyText = await readText(input.publicKeyFile);
  if (keyText === null) return cannot(`Cannot read the public key ${input.publicKeyFile}.`);
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: keyText, format: 'pem' });
  } catch (error) {
    return cannot(
      `${input.publicKeyFile} is not a PEM public key (${(error as Error).message}); take the desk's with: npm run cli -- audit:public-key`,
    );
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    return cannot(
      `${input.publicKeyFile} holds a ${publicKey.asymmetricKeyType} key, not Ed25519.`,
    );
  const keyFingerprint = publicKeyFingerprint(publicKey);

  const parsed = parseSignedStatement(statementText);
  if (!parsed.ok)
    return refuse(
      'statement-unreadable',
      `${input.statementFile} is not a signed export statement: ${parsed.problems.join('; ')}.`,
    );
  const { statement } = parsed.signed;
  if (statement.signer !== keyFingerprint)
    return refuse(
      'wrong-key',
      `the statement names its signer as ${String(statement.signer)}, but the key given is ${keyFingerprint}: wrong key, or the statement's signer was changed.`,
      'Verify with the public key of the desk that made the export (npm run cli -- audit:public-key prints it).',
    );
  if (!statementSignatureValid(parsed.signed, publicKey))
    return refuse(
      'statement-changed',
      `the statement was changed after it was signed: its signature is not valid under the key given (${keyFingerprint}).`,
    );

  let rows;
  try {
    rows = await readExportFileRows(input.file, statement.fieldCodes.length);
  } catch (error) {
    return refuse(
      'other-file',
      `${input.file} cannot be read as the ${statement.format} export the statement is for (${(error as Error).message}).`,
    );
  }
  if (rows.format !== statement.format)
    return refuse(
      'other-file',
      `${input.file} is a ${rows.format} file; the statement is for the ${statement.format} export ${statement.exportId}.`,
    );
  const expectedCodes = statement.fieldCodes.map(columnCodeOf);
  if (rows.columnCodes && rows.columnCodes.join(',') !== expectedCodes.join(','))
    return refuse(
      'columns-changed',
      `the file's columns (${rows.columnCodes.join(', ')}) are not the statement's (${expectedCodes.join(', ')}).`,
    );
  // Where the file first differs from the rows signed: the first block whose SHA-256 differs.
  const size = statement.rowBlocks.size;
  const firstBlock = statement.rowBlocks.sha256.findIndex(
    (hash, index) => rows.blocks[index] !== hash,
  );
  const from = (firstBlock === -1 ? statement.rowBlocks.sha256.length : firstBlock) * size + 1;
  const to = Math.min(from + size - 1, Math.max(statement.rowCount, rows.rowCount));
  const among = from === to ? `at data row ${from}` : `among data rows ${from}–${to}`;
  if (rows.rowCount < statement.rowCount) {
    const removed = statement.rowCount - rows.rowCount;
    return refuse(
      'rows-removed',
      `the file holds ${rows.rowCount} data rows; the statement says ${statement.rowCount}: ${removed} row${removed === 1 ? ' was' : 's were'} removed (the first difference is ${among}).`,
    );
  }
  if (rows.rowCount > statement.rowCount) {
    const added = rows.rowCount - statement.rowCount;
    return refuse(
      'rows-added',
      `the file holds ${rows.rowCount} data rows; the statement says ${statement.rowCount}: ${added} row${added === 1 ? ' was' : 's were'} added (the first difference is ${among}).`,
    );
  }
  if (rows.sha256 !== statement.sha256)
    return refuse(
      'row-changed',
      `the file holds the statement's ${statement.rowCount} data rows, but their SHA-256 is ${rows.sha256}, not the statement's ${statement.sha256}: a row ${among} was changed.`,
    );

  const sameBytes =
    fileStat.size === statement.file?.sizeBytes &&
    (await fileSha256(input.file)) === statement.file?.sha256;
  return {
    exitCode: 0,
    lines: [
      `VERIFIED: export ${statement.exportId} (${statement.format}, ${statement.dataset}): its ${statement.rowCount} data rows match the statement (SHA-256 ${statement.sha256}).`,
      `Signed by ${statement.signer} at audit checkpoint #${statement.checkpoint.no} (event #${statement.checkpoint.seq}, ${statement.checkpoint.hash}), ${statement.createdAt}.`,
      sameBytes
        ? 'The file is byte for byte the one the desk wrote.'
        : 'The file is not byte for byte the one the desk wrote (saved again?), but its rows are.',
    ],
  };
}
