import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type { DocumentStore, StagedDocument } from '../../application/ports/document-store.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Documents under DOCUMENT_DIR as `ab/cd/<sha256>`. Uploads are written to
 * `.staging/` first and renamed into place only after the database commit, so
 * a failed request leaves no file behind.
 */
@Injectable()
export class FileSystemDocumentStore implements DocumentStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.resolve(config.DOCUMENT_DIR);
  }

  async stage(content: Buffer): Promise<StagedDocument> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const stagingDir = path.join(this.root, '.staging');
    await mkdir(stagingDir, { recursive: true });
    const staged = path.join(stagingDir, randomUUID());
    await writeFile(staged, content, { mode: 0o640 });
    const target = this.pathOf(sha256);
    return {
      sha256,
      sizeBytes: content.length,
      commit: async () => {
        await mkdir(path.dirname(target), { recursive: true });
        if (await exists(target)) await rm(staged, { force: true });
        else await rename(staged, target);
      },
      discard: () => rm(staged, { force: true }),
    };
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    await access(file);
    return createReadStream(file);
  }

  exists(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
