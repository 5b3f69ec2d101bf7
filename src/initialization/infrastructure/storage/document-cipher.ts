import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DocumentMasterKey } from '../../../shared/infrastructure/config/app-config.js';

/**
 * Envelope encryption of documents, with node:crypto's AES-256-GCM only.
 *
 * An object in the store: `BDOC` · version 1 · a 12-byte IV · the ciphertext · the 16-byte
 * tag. Its data key (32 random bytes, one per document) never leaves the desk in the
 * clear: it is kept in `document_keys` as `IV · wrapped key · tag` under a master key of
 * DOCUMENT_ENCRYPTION_KEYS, named by its id. Both are bound to the document's storage key
 * (the additional authenticated data), so an object or a wrapped key copied under another
 * document's key does not decrypt. A whole file is decrypted and its tag checked before a
 * single byte is returned (documents are at most MAX_FILE_BYTES).
 */
const MAGIC = Buffer.from('BDOC', 'ascii');
const VERSION = 1;
const HEADER = Buffer.concat([MAGIC, Buffer.from([VERSION])]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A data key could not be unwrapped: its master key is not configured, or is not the one that wrapped it. */
export class DocumentKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentKeyError';
  }
}

/** A stored object is not a document this desk encrypted with that key (damaged, or swapped). */
export class DocumentIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentIntegrityError';
  }
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** The object to store for `plaintext`: header, IV, ciphertext, tag. */
export function sealDocument(plaintext: Buffer, dataKey: Buffer, storageKey: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.concat([HEADER, Buffer.from(storageKey, 'utf8')]));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([HEADER, iv, ciphertext, cipher.getAuthTag()]);
}

/** The plaintext of a stored object, returned only once its tag verifies. */
export function openDocument(sealed: Buffer, dataKey: Buffer, storageKey: string): Buffer {
  if (
    sealed.length < HEADER.length + IV_BYTES + TAG_BYTES ||
    !sealed.subarray(0, HEADER.length).equals(HEADER)
  )
    throw new DocumentIntegrityError(
      `the stored object ${storageKey} is not an encrypted document (no BDOC v1 header)`,
    );
  const iv = sealed.subarray(HEADER.length, HEADER.length + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const ciphertext = sealed.subarray(HEADER.length + IV_BYTES, sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
  decipher.setAAD(Buffer.concat([HEADER, Buffer.from(storageKey, 'utf8')]));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new DocumentIntegrityError(
      `the stored object ${storageKey} failed its authentication tag: it was altered, or is not this document's`,
    );
  }
}

/** The master keys: the first wraps new data keys; any of them unwraps what it wrapped. */
export class DocumentKeyring {
  private readonly byId: ReadonlyMap<string, Buffer>;
  readonly currentId: string;

  constructor(keys: readonly DocumentMasterKey[]) {
    if (keys.length === 0) throw new DocumentKeyError('DOCUMENT_ENCRYPTION_KEYS holds no key');
    this.byId = new Map(keys.map((key) => [key.id, key.key]));
    this.currentId = keys[0]!.id;
  }

  has(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  /** Every configured key's id, the current one first. */
  get ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The data key wrapped by the current master key, bound to the document's storage key. */
  wrap(dataKey: Buffer, storageKey: string): { keyId: string; wrapped: Buffer } {
    const keyId = this.currentId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.byId.get(keyId)!, iv);
    cipher.setAAD(aadOfKey(storageKey, keyId));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return { keyId, wrapped: Buffer.concat([iv, wrapped, cipher.getAuthTag()]) };
  }

  unwrap(keyId: string, wrapped: Buffer, storageKey: string): Buffer {
    const master = this.byId.get(keyId);
    if (!master)
      throw new DocumentKeyError(
        `the data key of document ${storageKey} is wrapped by master key "${keyId}", which is not in DOCUMENT_ENCRYPTION_KEYS (configured: ${[...this.byId.keys()].join(', ')}); add it back to read the document`,
      );
    if (wrapped.length !== IV_BYTES + KEY_BYTES + TAG_BYTES)
      throw new DocumentKeyError(`the wrapped data key of document ${storageKey} is damaged`);
    const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(aadOfKey(storageKey, keyId));
    decipher.setAuthTag(wrapped.subarray(IV_BYTES + KEY_BYTES));
    try {
      return Buffer.concat([
        decipher.update(wrapped.subarray(IV_BYTES, IV_BYTES + KEY_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new DocumentKeyError(
        `the data key of document ${storageKey} does not unwrap with master key "${keyId}": DOCUMENT_ENCRYPTION_KEYS holds a different key under that id`,
      );
    }
  }
}

function aadOfKey(storageKey: string, keyId: string): Buffer {
  return Buffer.from(`beian-desk document key v1|${storageKey}|${keyId}`, 'utf8');
}
