import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BenchAuditKeyFiles {
  /** The keyring's current key id and secret (the seeding links under them). */
  keyId: string;
  secret: Buffer;
  /** AUDIT_LINK_KEYS_FILE and AUDIT_SIGNING_KEY_FILE, for the desk's configuration. */
  env: { AUDIT_LINK_KEYS_FILE: string; AUDIT_SIGNING_KEY_FILE: string };
}

/**
 * The audit trail's secrets for a benchmark, in files in its scratch folder (as the
 * demo keeps them in `.data/`): a one-key link keyring and an Ed25519 signing key.
 */
export async function writeBenchAuditKeys(scratch: string): Promise<BenchAuditKeyFiles> {
  const folder = path.join(scratch, 'audit-keys');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const keyId = 'bench-1';
  const secret = randomBytes(32);
  const keyring = path.join(folder, 'link-keys');
  await writeFile(keyring, `# bench keyring\n${keyId}:${secret.toString('base64')}\n`, {
    mode: 0o600,
  });
  const { privateKey } = generateKeyPairSync('ed25519');
  const signing = path.join(folder, 'signing-key.pem');
  await writeFile(signing, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return {
    keyId,
    secret,
    env: { AUDIT_LINK_KEYS_FILE: keyring, AUDIT_SIGNING_KEY_FILE: signing },
  };
}
