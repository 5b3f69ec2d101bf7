import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/**
 * What a checkpoint attests: the trail passed through event `seq` with link `hash`.
 * Checkpoints chain to each other through `prev`, and #1 fixes where keyed links begin.
 */
export interface CheckpointBody {
  /** 1, 2, 3… with no gap. */
  no: number;
  seq: number;
  hash: string;
  /** When it was signed (ISO 8601). */
  at: string;
  /** The link key ids the keyring held when it was signed, the current one first. */
  linkKeyIds: string[];
  /** The seq of the switch event (`audit.keyed_links_started`): keyed links from it on. */
  keyedFrom: number;
  /** `checkpointHash` of the previous checkpoint's body; GENESIS_HASH for #1. */
  prev: string;
  /** The signing key's fingerprint (`publicKeyFingerprint`). */
  signer: string;
}

export interface SignedCheckpoint {
  body: CheckpointBody;
  /** Base64 Ed25519 signature over the RFC 8785 canonical JSON of `body`. */
  signature: string;
}

/** The key that signs checkpoints, with its fingerprint. */
export interface CheckpointSigner {
  privateKey: KeyObject;
  fingerprint: string;
}

/** SHA-256 (hex) of the canonical JSON of a checkpoint body: the next one's `prev`. */
export function checkpointHash(body: CheckpointBody): string {
  return createHash('sha256').update(canonicalize(body), 'utf8').digest('hex');
}

/** `SHA256:` + unpadded base64 of the SHA-256 of the public key's SPKI DER (as ssh-keygen shows). */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

/** Base64 Ed25519 signature over the canonical JSON of any JSON value (checkpoints, statements). */
export function signCanonical(value: unknown, privateKey: KeyObject): string {
  return sign(null, Buffer.from(canonicalize(value), 'utf8'), privateKey).toString('base64');
}

/** Whether `signature` is a valid Ed25519 signature of the canonical JSON of `value`; never throws. */
export function verifyCanonicalSignature(
  value: unknown,
  signature: string,
  publicKey: KeyObject,
): boolean {
  try {
    if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
    return verify(
      null,
      Buffer.from(canonicalize(value), 'utf8'),
      publicKey,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  return { body, signature: signCanonical(body, privateKey) };
}

export type CheckpointSignatureCheck =
  | { ok: true; publicKey: KeyObject }
  | { ok: false; kind: 'untrusted-signer' | 'checkpoint-signature' };

/**
 * Checks a checkpoint's signature under the key its body names, which must be one of
 * `trusted` (fingerprint → public key, from configuration only — never the database).
 */
export function verifyCheckpointSignature(
  checkpoint: SignedCheckpoint,
  trusted: ReadonlyMap<string, KeyObject>,
): CheckpointSignatureCheck {
  const publicKey = trusted.get(checkpoint.body?.signer);
  if (!publicKey) return { ok: false, kind: 'untrusted-signer' };
  return verifyCanonicalSignature(checkpoint.body, checkpoint.signature, publicKey)
    ? { ok: true, publicKey }
    : { ok: false, kind: 'checkpoint-signature' };
}

/** Whether two checkpoints are the same (body and signature). */
export function sameCheckpoint(a: SignedCheckpoint, b: SignedCheckpoint): boolean {
  try {
    return canonicalize(a.body) === canonicalize(b.body) && a.signature === b.signature;
  } catch {
    return false;
  }
}

/**
 * A checkpoint as stored: `audit_checkpoints.body` (jsonb) and `.signature`, or an
 * outside copy's parsed JSON. Throws when it has not the shape of one.
 */
export function checkpointFrom(value: unknown): SignedCheckpoint {
  const record = value as { body?: Record<string, unknown>; signature?: unknown } | null;
  const body = record?.body;
  const fine =
    !!body &&
    typeof record?.signature === 'string' &&
    Number.isSafeInteger(body.no) &&
    Number.isSafeInteger(Number(body.seq)) &&
    typeof body.hash === 'string' &&
    typeof body.at === 'string' &&
    Array.isArray(body.linkKeyIds) &&
    Number.isSafeInteger(Number(body.keyedFrom)) &&
    typeof body.prev === 'string' &&
    typeof body.signer === 'string';
  if (!fine) throw new Error('not an audit checkpoint (body and signature expected)');
  return { body: body as unknown as CheckpointBody, signature: record.signature as string };
}
