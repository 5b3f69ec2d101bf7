import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import {
  EXPORT_OBJECTS,
  ObjectNotFoundError,
  type ObjectStore,
} from '../../../shared/infrastructure/object-store/object-store.js';
import type {
  ExportStorage,
  StoredExportFile,
  TemporaryExportFile,
} from '../../application/ports/export-storage.js';
import { ExportFileMissingError } from '../../domain/data-export.errors.js';

const SAFE_KEY = /^[0-9a-f-]{36}\.(csv|xlsx|statement\.json)$/;

/**
 * Export files in the exports' object store (EXPORT_DIR on disk, or the bucket's `exports/`).
 * An attempt writes a local `EXPORT_DIR/.partial/<id>.<attempt>.<ext>.part`, hashing the
 * bytes as they pass; only a complete file is streamed into the store under `<id>.<ext>`
 * (a put is all or nothing, and never holds the file in memory), so a retry never leaves
 * half a file or doubled rows behind, and any instance can serve the download.
 */
@Injectable()
export class ObjectStoreExportStorage implements ExportStorage {
  private readonly partialDir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EXPORT_OBJECTS) private readonly objects: ObjectStore,
  ) {
    this.partialDir = path.join(path.resolve(config.EXPORT_DIR), '.partial');
  }

  async createTemporary(
    exportId: string,
    attempt: number,
    extension: string,
  ): Promise<TemporaryExportFile> {
    const fileKey = checked(`${exportId}.${extension}`);
    await mkdir(this.partialDir, { recursive: true });
    const partial = path.join(this.partialDir, `${exportId}.${attempt}.${extension}.part`);

    const hash = createHash('sha256');
    let sizeBytes = 0;
    const hashing = new Transform({
      highWaterMark: 1 << 20,
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    const written = pipeline(
      hashing,
      createWriteStream(partial, { flags: 'w', highWaterMark: 1 << 20 }),
    );
    written.catch(() => undefined); // observed by commit() or discard()

    return {
      stream: hashing,
      commit: async (): Promise<StoredExportFile> => {
        await written;
        await this.objects.put(fileKey, {
          stream: createReadStream(partial, { highWaterMark: 1 << 20 }),
          sizeBytes,
        });
        await rm(partial, { force: true });
        return { fileKey, sizeBytes, sha256: hash.digest('hex') };
      },
      discard: async (): Promise<void> => {
        hashing.destroy();
        await written.catch(() => undefined);
        await rm(partial, { force: true, recursive: true });
      },
    };
  }

  async open(fileKey: string) {
    try {
      return await this.objects.open(checked(fileKey));
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new ExportFileMissingError();
      throw error;
    }
  }

  has(fileKey: string): Promise<boolean> {
    return this.objects.exists(checked(fileKey));
  }

  remove(fileKey: string): Promise<void> {
    return this.objects.remove(checked(fileKey));
  }

  async putStatement(exportId: string, text: string): Promise<string> {
    const fileKey = checked(`${exportId}.statement.json`);
    await this.objects.put(fileKey, Buffer.from(text, 'utf8'));
    return fileKey;
  }

  async readStatement(fileKey: string): Promise<string> {
    try {
      return (await this.objects.read(checked(fileKey))).toString('utf8');
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new ExportFileMissingError();
      throw error;
    }
  }
}

function checked(fileKey: string): string {
  if (!SAFE_KEY.test(fileKey)) throw new Error(`not an export file name: ${fileKey}`);
  return fileKey;
}
