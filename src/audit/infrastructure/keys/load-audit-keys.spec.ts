import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicKeyFingerprint } from '@lib/audit-trail';
import { InvalidAuditKeysError, loadAuditKeys } from './load-audit-keys.js';

describe('loading the audit trail keys', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const pem = (type: 'ed25519' | 'x25519') =>
    generateKeyPairSync(type as 'ed25519').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'beian-audit-keys-'));
    await writeFile(
      file('keys'),
      `# current first\nk2:${randomBytes(32).toString('base64')}\nk1:${randomBytes(32).toString('base64')}\n`,
    );
    await writeFile(file('signing.pem'), pem('ed25519'));
    const retired = generateKeyPairSync('ed25519').publicKey;
    await writeFile(file('trusted.pem'), retired.export({ type: 'spki', format: 'pem' }) as string);
    await writeFile(file('bad-keys'), `k1:short\nbad id!:${randomBytes(32).toString('base64')}\n`);
    await writeFile(file('x25519.pem'), pem('x25519'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the keyring (first current), the signing key and its fingerprint, and trusts the retired keys too', async () => {
    const keys = await loadAuditKeys({
      NODE_ENV: 'production',
      AUDIT_LINK_KEYS_FILE: file('keys'),
      AUDIT_SIGNING_KEY_FILE: file('signing.pem'),
      AUDIT_TRUSTED_KEYS_FILE: file('trusted.pem'),
    });
    expect(keys.linkKeys.currentId).toBe('k2');
    expect(keys.linkKeys.ids()).toEqual(['k2', 'k1']);
    expect(keys.signer.fingerprint).toBe(publicKeyFingerprint(keys.signer.publicKey));
    expect(keys.signer.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect([...keys.trustedKeys.keys()]).toHaveLength(2);
    expect(keys.trustedKeys.get(keys.signer.fingerprint)).toBe(keys.signer.publicKey);
  });

  it('lists every problem at once and never starts with unusable keys', async () => {
    const attempt = loadAuditKeys({
      NODE_ENV: 'production',
      AUDIT_LINK_KEYS_FILE: file('bad-keys'),
      AUDIT_SIGNING_KEY_FILE: file('x25519.pem'),
      AUDIT_TRUSTED_KEYS_FILE: file('missing.pem'),
    });
    await expect(attempt).rejects.toThrow(InvalidAuditKeysError);
    const problems = await attempt.catch((error: InvalidAuditKeysError) => error.problems);
    expect(problems).toEqual([
      expect.stringMatching(/^AUDIT_TRUSTED_KEYS_FILE \(.*missing\.pem\) cannot be read/),
      expect.stringMatching(/^AUDIT_LINK_KEYS_FILE .* line 1: the secret is not valid base64$/),
      expect.stringMatching(/^AUDIT_LINK_KEYS_FILE .* line 2: the key id must be 1–32 letters/),
      expect.stringMatching(/^AUDIT_SIGNING_KEY_FILE .* holds a x25519 key, not Ed25519/),
    ]);
  });

  it('in production, needs both files named', async () => {
    await expect(loadAuditKeys({ NODE_ENV: 'production' })).rejects.toThrow(
      /AUDIT_LINK_KEYS_FILE is not set[\s\S]*AUDIT_SIGNING_KEY_FILE is not set/,
    );
  });
});
