import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AuditKeyFiles {
  /** `AUDIT_LINK_KEYS_FILE`: one `id:base64` line, a fresh 32-byte secret. */
  linkKeysFile: string;
  /** `AUDIT_SIGNING_KEY_FILE`: a fresh PKCS#8 PEM Ed25519 private key. */
  signingKeyFile: string;
}

/**
 * The audit trail's two key files in `dir` (`audit-link-keys`, `audit-signing-key.pem`),
 * each made once when missing (mode 0600) and kept afterwards: the demo's `.data/`, a
 * development machine, the tests' scratch folder. Production brings its own.
 */
export async function ensureAuditKeyFiles(
  dir: string,
  linkKeyId = 'demo-1',
): Promise<AuditKeyFiles> {
  await mkdir(dir, { recursive: true });
  const files: AuditKeyFiles = {
    linkKeysFile: path.join(dir, 'audit-link-keys'),
    signingKeyFile: path.join(dir, 'audit-signing-key.pem'),
  };
  if (!existsSync(files.linkKeysFile)) {
    await writeFile(
      files.linkKeysFile,
      `# The audit trail's link keys: id:base64 of 32 bytes, the first current.\n` +
        `${linkKeyId}:${randomBytes(32).toString('base64')}\n`,
      { mode: 0o600, flag: 'wx' },
    ).catch(ignoreExisting);
  }
  if (!existsSync(files.signingKeyFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    await writeFile(
      files.signingKeyFile,
      privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
      { mode: 0o600, flag: 'wx' },
    ).catch(ignoreExisting);
  }
  return files;
}

/** Another process made the file first: keep theirs. */
function ignoreExisting(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
}
