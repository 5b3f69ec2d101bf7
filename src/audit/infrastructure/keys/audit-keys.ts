import type { KeyObject } from 'node:crypto';
import type { LinkKeyring } from '@lib/audit-trail';

/**
 * The audit trail's secrets, read from files named in the configuration and never
 * from the database: the keyring for the events' keyed links, the Ed25519 key that
 * signs checkpoints (and export statements), and the public keys trusted when
 * verifying — the signer's own plus AUDIT_TRUSTED_KEYS_FILE's retired keys.
 */
export const AUDIT_KEYS = Symbol('AUDIT_KEYS');

export interface AuditSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** `SHA256:` + unpadded base64 of the SHA-256 of the public key's SPKI DER. */
  fingerprint: string;
}

export interface AuditKeys {
  linkKeys: LinkKeyring;
  signer: AuditSigner;
  /** Fingerprint → public key; only from configuration. */
  trustedKeys: ReadonlyMap<string, KeyObject>;
}
