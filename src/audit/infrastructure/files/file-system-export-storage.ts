import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type {
  ExportStorage,
  StoredExportFile,
  TemporaryExportFile,
} from '../../application/ports/export-storage.js';

const SAFE_KEY = /^[0-9a-f-]{36}\.(csv|xlsx)$/;

/**
 * Export files under EXPORT_DIR. An attempt writes `.partial/<id>.<attempt>.<ext>.part`,
 * hashing the bytes as they pass; only a complete file is renamed to `<id>.<ext>`
 * (an atomic replace), so a retry never leaves half a file or doubled rows behind.
 */
@Injectable()
export class FileSystemExportStorage implements ExportStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.resolve(config.EXPORT_DIR);
  }

  async createTemporary(
    exportId: string,
    attempt: number,
    extension: string,
  ): Promise<TemporaryExportFile> {
    const fileKey = `${exportId}.${extension}`;
    if (!SAFE_KEY.test(fileKey)) throw new Error(`not an export file name: ${fileKey}`);
    const partialDir = path.join(this.root, '.partial');
    await mkdir(partialDir, { recursive: true });
    const partial = path.join(partialDir, `${exportId}.${attempt}.${extension}.part`);

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
        const handle = await open(partial, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(partial, path.join(this.root, fileKey));
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
    const file = this.pathOf(fileKey);
    const { size } = await stat(file);
    return { stream: createReadStream(file), sizeBytes: size };
  }

  async has(fileKey: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(fileKey))).isFile();
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ENOENT') return false;
      throw error;
    }
  }

  async remove(fileKey: string): Promise<void> {
    await rm(this.pathOf(fileKey), { force: true });
  }

  private pathOf(fileKey: string): string {
    if (!SAFE_KEY.test(fileKey)) throw new Error(`not an export file name: ${fileKey}`);
    return path.join(this.root, fileKey);
  }
}
