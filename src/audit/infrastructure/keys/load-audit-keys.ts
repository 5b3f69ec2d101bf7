import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger, type Provider } from '@nestjs/common';
import { LinkKeyringError, parseLinkKeyring, publicKeyFingerprint } from '@lib/audit-trail';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { projectRoot } from '../../../shared/infrastructure/project-root.js';
import { ensureAuditKeyFiles } from '../../../shared/infrastructure/runtime/audit-key-files.js';
import { AUDIT_KEYS, type AuditKeys } from './audit-keys.js';

/** The audit keys cannot be read: every problem, in one message (the process does not start). */
export class InvalidAuditKeysError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `beian-desk cannot start: the audit trail's keys are unusable\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nSee docs/configuration.md (Audit trail keys).',
    );
    this.name = 'InvalidAuditKeysError';
  }
}

type KeySettings = Pick<
  AppConfig,
  'AUDIT_LINK_KEYS_FILE' | 'AUDIT_SIGNING_KEY_FILE' | 'AUDIT_TRUSTED_KEYS_FILE' | 'NODE_ENV'
>;

const PUBLIC_KEY_PEM = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * Reads the keyring, the signing key and the trusted public keys from their files.
 * Outside production, unset files default to `.data/` (made once, as the demo's).
 */
export async function loadAuditKeys(
  settings: KeySettings,
  warn: (line: string) => void = () => undefined,
): Promise<AuditKeys> {
  let linkKeysFile = settings.AUDIT_LINK_KEYS_FILE;
  let signingKeyFile = settings.AUDIT_SIGNING_KEY_FILE;
  if ((!linkKeysFile || !signingKeyFile) && settings.NODE_ENV !== 'production') {
    const made = await ensureAuditKeyFiles(path.join(projectRoot(), '.data'));
    warn(
      `AUDIT_LINK_KEYS_FILE or AUDIT_SIGNING_KEY_FILE is unset: using the development keys in .data/ (production refuses to start without them)`,
    );
    linkKeysFile ??= made.linkKeysFile;
    signingKeyFile ??= made.signingKeyFile;
  }
  const problems: string[] = [];
  const read = async (name: string, file: string | undefined): Promise<string | null> => {
    if (!file) {
      problems.push(`${name} is not set`);
      return null;
    }
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      problems.push(`${name} (${file}) cannot be read: ${(error as Error).message}`);
      return null;
    }
  };

  const keyringText = await read('AUDIT_LINK_KEYS_FILE', linkKeysFile);
  const signingText = await read('AUDIT_SIGNING_KEY_FILE', signingKeyFile);
  const trustedText = settings.AUDIT_TRUSTED_KEYS_FILE
    ? await read('AUDIT_TRUSTED_KEYS_FILE', settings.AUDIT_TRUSTED_KEYS_FILE)
    : '';

  let linkKeys: AuditKeys['linkKeys'] | null = null;
  if (keyringText !== null) {
    try {
      linkKeys = parseLinkKeyring(keyringText);
    } catch (error) {
      if (error instanceof LinkKeyringError)
        for (const problem of error.problems)
          problems.push(`AUDIT_LINK_KEYS_FILE (${linkKeysFile}) ${problem}`);
      else problems.push(`AUDIT_LINK_KEYS_FILE (${linkKeysFile}): ${(error as Error).message}`);
    }
  }

  let privateKey: KeyObject | null = null;
  if (signingText !== null) {
    try {
      privateKey = createPrivateKey({ key: signingText, format: 'pem' });
      if (privateKey.asymmetricKeyType !== 'ed25519') {
        problems.push(
          `AUDIT_SIGNING_KEY_FILE (${signingKeyFile}) holds a ${privateKey.asymmetricKeyType} key, not Ed25519 (make one with: openssl genpkey -algorithm ed25519)`,
        );
        privateKey = null;
      }
    } catch (error) {
      problems.push(
        `AUDIT_SIGNING_KEY_FILE (${signingKeyFile}) is not a PKCS#8 PEM private key: ${(error as Error).message}`,
      );
    }
  }

  const trusted: KeyObject[] = [];
  if (trustedText) {
    const blocks = trustedText.match(PUBLIC_KEY_PEM) ?? [];
    if (blocks.length === 0)
      problems.push(
        `AUDIT_TRUSTED_KEYS_FILE (${settings.AUDIT_TRUSTED_KEYS_FILE}) holds no -----BEGIN PUBLIC KEY----- block`,
      );
    blocks.forEach((block, index) => {
      try {
        const key = createPublicKey({ key: block, format: 'pem' });
        if (key.asymmetricKeyType !== 'ed25519')
          problems.push(
            `AUDIT_TRUSTED_KEYS_FILE: key ${index + 1} is ${key.asymmetricKeyType}, not Ed25519`,
          );
        else trusted.push(key);
      } catch (error) {
        problems.push(
          `AUDIT_TRUSTED_KEYS_FILE: key ${index + 1} is not a PEM public key: ${(error as Error).message}`,
        );
      }
    });
  }

  if (problems.length > 0 || !linkKeys || !privateKey) throw new InvalidAuditKeysError(problems);
  const publicKey = createPublicKey(privateKey);
  const fingerprint = publicKeyFingerprint(publicKey);
  const trustedKeys = new Map<string, KeyObject>([[fingerprint, publicKey]]);
  for (const key of trusted) trustedKeys.set(publicKeyFingerprint(key), key);
  return { linkKeys, signer: { privateKey, publicKey, fingerprint }, trustedKeys };
}

/** `AUDIT_KEYS`, read once when the app starts. */
export const auditKeysProvider: Provider = {
  provide: AUDIT_KEYS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const logger = new Logger('AuditKeys');
    return loadAuditKeys(config, (line) => logger.warn(line));
  },
};

/** The public key as PEM (SPKI), for `audit:public-key` and the verification page. */
export function publicKeyPem(keys: AuditKeys): string {
  return keys.signer.publicKey.export({ type: 'spki', format: 'pem' }) as string;
}
