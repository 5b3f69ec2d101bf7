import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A credential number searched on the audit page travels on in its links (the next
 * page, a narrower search) sealed, never as typed: AES-256-GCM under a key derived
 * from the session secret, so the number is in no address bar, history, log line or
 * Referer header. A token from before the secret changed no longer opens (null).
 */
export class CredentialSearchToken {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(
      hkdfSync('sha256', secret, 'beian-desk', 'audit search: credential number', 32),
    );
  }

  seal(credentialNumber: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(credentialNumber, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  open(token: string): string | null {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length < 29 || bytes.length > 200) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return null;
    }
  }
}
