import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import {
  DOCUMENT_OBJECTS,
  ObjectNotFoundError,
  ObjectStoreUnavailableError,
  type ObjectStore,
} from '../../../shared/infrastructure/object-store/object-store.js';
import type {
  DocumentMaintenance,
  LegacyEncryption,
} from '../../application/ports/document-maintenance.js';
import {
  DocumentMissingError,
  type DocumentStore,
  type StagedDocument,
  type StoredDocumentRef,
} from '../../application/ports/document-store.js';
import {
  DocumentIntegrityError,
  DocumentKeyring,
  newDataKey,
  openDocument,
  sealDocument,
} from './document-cipher.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** Where a document stored in the clear before encryption lies: `ab/cd/<sha256>`. */
export function legacyObjectKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('not a SHA-256 hex digest');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Documents on the documents' object store (DOCUMENT_DIR, or the bucket's `documents/`),
 * each encrypted with a data key of its own (see document-cipher.ts) under a random
 * storage key; the wrapped data keys in `document_keys`. Staging writes the key row (on
 * its own, committed at once) and then the object, before the request's transaction:
 * whatever a failure or a crash leaves is a key row no document names, which `discard`
 * or, after DOCUMENT_ORPHAN_GRACE_HOURS, the orphan sweep removes with its object.
 */
@Injectable()
export class EncryptedDocumentStore
  implements DocumentStore, DocumentMaintenance, OnApplicationBootstrap
{
  private readonly logger = new Logger('DocumentStore');
  private readonly keyring: DocumentKeyring;

  constructor(
    @Inject(DOCUMENT_OBJECTS) private readonly objects: ObjectStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly unitOfWork: TypeormUnitOfWork,
  ) {
    this.keyring = new DocumentKeyring(config.DOCUMENT_ENCRYPTION_KEYS);
  }

  /**
   * Says at start-up when documents are wrapped by master keys that are not configured
   * (an old key dropped before `documents:rewrap-keys` ran): they cannot be read.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const missing: { key_id: string; documents: number }[] = await this.dataSource.query(
        `SELECT key_id, count(*)::int AS documents FROM document_keys
          WHERE key_id <> ALL($1::varchar[]) GROUP BY key_id ORDER BY key_id`,
        [this.keyring.ids],
      );
      if (missing.length > 0)
        this.logger.error(
          { missing },
          `documents cannot be read: their data keys are wrapped by master keys not in DOCUMENT_ENCRYPTION_KEYS: ${missing.map((row) => `${row.key_id} (${row.documents})`).join(', ')}`,
        );
    } catch (error) {
      this.logger.warn({ err: error }, 'the master keys of the stored documents were not checked');
    }
  }

  async stage(content: Buffer): Promise<StagedDocument> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const storageKey = await this.storeEncrypted(content);
    return {
      sha256,
      sizeBytes: content.length,
      storageKey,
      commit: async () => undefined,
      discard: () => this.removeEncrypted(storageKey),
    };
  }

  async open(document: StoredDocumentRef): Promise<Readable> {
    const plaintext = document.storageKey
      ? await this.readEncrypted(document.storageKey)
      : await this.readLegacy(document.sha256);
    return Readable.from([plaintext], { objectMode: false });
  }

  async remove(document: StoredDocumentRef): Promise<void> {
    if (document.storageKey) return this.removeEncrypted(document.storageKey);
    // A file in the clear is shared by every row with its SHA-256: kept while another needs it.
    const [{ others }] = await this.unitOfWork.manager().query<[{ others: number }]>(
      `SELECT count(*)::int AS others FROM request_documents
        WHERE sha256 = $1 AND storage_key IS NULL AND purged_at IS NULL
          AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [document.sha256, document.id ?? null],
    );
    // Without the document's id its own row may be among them: keep the file unless none is left.
    if (others > 0) return;
    await store(() => this.objects.remove(legacyObjectKey(document.sha256)));
  }

  async removeUnreferenced(stagedBefore: Date, limit: number): Promise<number> {
    const manager = this.unitOfWork.manager();
    const rows: { storage_key: string }[] = await manager.query(
      `SELECT k.storage_key FROM document_keys k
        WHERE k.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM request_documents d WHERE d.storage_key = k.storage_key)
        ORDER BY k.created_at
        LIMIT $2
        FOR UPDATE OF k SKIP LOCKED`,
      [stagedBefore, limit],
    );
    if (rows.length === 0) return 0;
    const keys = rows.map((row) => row.storage_key);
    // The rows stay locked until the objects are gone: a store that fails rolls back, and
    // the next run tries again; another instance skips them meanwhile.
    for (const key of keys) await store(() => this.objects.remove(key));
    await manager.query(`DELETE FROM document_keys WHERE storage_key = ANY($1::uuid[])`, [keys]);
    return keys.length;
  }

  async rewrapKeys(limit: number): Promise<{ rewrapped: number; keyId: string }> {
    const manager = this.unitOfWork.manager();
    const rows: { storage_key: string; key_id: string; wrapped_key: Buffer }[] =
      await manager.query(
        `SELECT storage_key, key_id, wrapped_key FROM document_keys
        WHERE key_id <> $1
        ORDER BY storage_key
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
        [this.keyring.currentId, limit],
      );
    for (const row of rows) {
      const dataKey = this.keyring.unwrap(row.key_id, row.wrapped_key, row.storage_key);
      const { keyId, wrapped } = this.keyring.wrap(dataKey, row.storage_key);
      await manager.query(
        `UPDATE document_keys SET key_id = $2, wrapped_key = $3 WHERE storage_key = $1`,
        [row.storage_key, keyId, wrapped],
      );
    }
    return { rewrapped: rows.length, keyId: this.keyring.currentId };
  }

  async encryptLegacy(after: string | null, limit: number): Promise<LegacyEncryption> {
    const manager = this.unitOfWork.manager();
    const rows: { id: string; sha256: string }[] = await manager.query(
      `SELECT id, sha256 FROM request_documents
        WHERE storage_key IS NULL AND purged_at IS NULL AND ($1::uuid IS NULL OR id > $1::uuid)
        ORDER BY id
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [after, limit],
    );
    const result: LegacyEncryption = {
      encrypted: 0,
      missing: [],
      last: rows.at(-1)?.id ?? null,
      hashes: [],
    };
    for (const row of rows) {
      const sha256 = row.sha256.trim();
      let plaintext: Buffer;
      try {
        plaintext = await this.readLegacy(sha256);
      } catch (error) {
        if (!(error instanceof DocumentMissingError)) throw error;
        result.missing.push(row.id);
        continue;
      }
      // Staged as an upload is: if this transaction fails, the sweep removes the object.
      const storageKey = await this.storeEncrypted(plaintext);
      await manager.query(`UPDATE request_documents SET storage_key = $2 WHERE id = $1`, [
        row.id,
        storageKey,
      ]);
      result.encrypted += 1;
      if (!result.hashes.includes(sha256)) result.hashes.push(sha256);
    }
    return result;
  }

  async removePlaintextNoLongerUsed(sha256s: readonly string[]): Promise<number> {
    let removed = 0;
    for (const sha256 of sha256s) {
      const [{ users }] = await this.dataSource.query<[{ users: number }]>(
        `SELECT count(*)::int AS users FROM request_documents
          WHERE sha256 = $1 AND storage_key IS NULL AND purged_at IS NULL`,
        [sha256],
      );
      if (users > 0) continue;
      await store(() => this.objects.remove(legacyObjectKey(sha256)));
      removed += 1;
    }
    return removed;
  }

  /** Writes the data key's row, then the encrypted object; returns the new storage key. */
  private async storeEncrypted(plaintext: Buffer): Promise<string> {
    const storageKey = randomUUID();
    const dataKey = newDataKey();
    const sealed = sealDocument(plaintext, dataKey, storageKey);
    const { keyId, wrapped } = this.keyring.wrap(dataKey, storageKey);
    // On the pool, not in the caller's transaction: the row must outlive a rollback so
    // that whatever is left of the upload can be found and removed.
    await this.dataSource.query(
      `INSERT INTO document_keys (storage_key, key_id, wrapped_key) VALUES ($1, $2, $3)`,
      [storageKey, keyId, wrapped],
    );
    try {
      await store(() => this.objects.put(storageKey, sealed));
    } catch (error) {
      await this.dataSource
        .query(`DELETE FROM document_keys WHERE storage_key = $1`, [storageKey])
        .catch((cleanup: unknown) =>
          this.logger.warn(
            { err: cleanup, storageKey },
            'a data key of a failed upload stays for the orphan sweep',
          ),
        );
      throw error;
    }
    return storageKey;
  }

  /** The object first, then its key row: a row left behind still leads the sweep to it. */
  private async removeEncrypted(storageKey: string): Promise<void> {
    await store(() => this.objects.remove(storageKey));
    await this.dataSource.query(`DELETE FROM document_keys WHERE storage_key = $1`, [storageKey]);
  }

  private async readEncrypted(storageKey: string): Promise<Buffer> {
    const rows: { key_id: string; wrapped_key: Buffer }[] = await this.dataSource.query(
      `SELECT key_id, wrapped_key FROM document_keys WHERE storage_key = $1`,
      [storageKey],
    );
    const row = rows[0];
    if (!row) throw new DocumentMissingError(storageKey);
    const sealed = await store(() => this.objects.read(storageKey), storageKey);
    const dataKey = this.keyring.unwrap(row.key_id, row.wrapped_key, storageKey);
    return openDocument(sealed, dataKey, storageKey);
  }

  private async readLegacy(sha256: string): Promise<Buffer> {
    const content = await store(() => this.objects.read(legacyObjectKey(sha256)), sha256);
    if (createHash('sha256').update(content).digest('hex') !== sha256)
      throw new DocumentIntegrityError(
        `the file stored in the clear as ${sha256} does not have that SHA-256`,
      );
    return content;
  }
}

/**
 * A call to the object store: a missing object as DocumentMissingError (when `ref` names
 * what was asked for), and the store refusing — a system error of the disk (no space,
 * read-only, not a folder) as well as an unreachable server — as ObjectStoreUnavailableError.
 */
async function store<T>(call: () => Promise<T>, ref?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ObjectNotFoundError && ref) throw new DocumentMissingError(ref);
    if (error instanceof ObjectStoreUnavailableError || error instanceof ObjectNotFoundError)
      throw error;
    if (typeof (error as { code?: unknown } | null)?.code === 'string')
      throw new ObjectStoreUnavailableError(error);
    throw error;
  }
}
