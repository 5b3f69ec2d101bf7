import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertObjectKey,
  ObjectNotFoundError,
  ObjectStoreUnavailableError,
  type ObjectStore,
  type StoredObjectSummary,
} from './object-store.js';

/**
 * Objects as files under one folder: `<root>/<key>`. A put writes `.incoming/<uuid>` and
 * renames it into place after fsync, so a reader never sees half a file.
 */
export class FileSystemObjectStore implements ObjectStore {
  readonly kind = 'disk' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Buffer | { stream: Readable; sizeBytes: number }) {
    const target = this.pathOf(key);
    const incomingDir = path.join(this.root, '.incoming');
    const incoming = path.join(incomingDir, randomUUID());
    let sourceError: unknown;
    try {
      await mkdir(incomingDir, { recursive: true });
      const input = Buffer.isBuffer(body)
        ? Readable.from([body])
        : body.stream.on('error', (error) => (sourceError = error));
      let written = 0;
      await pipeline(
        input,
        async function* count(chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            written += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(incoming, { mode: 0o640, highWaterMark: 1 << 20 }),
      );
      if (!Buffer.isBuffer(body) && written !== body.sizeBytes)
        throw (sourceError = new Error(
          `the object's stream had ${written} bytes, not the ${body.sizeBytes} announced`,
        ));
      const handle = await open(incoming, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(incoming, target);
    } catch (error) {
      await rm(incoming, { force: true }).catch(() => undefined);
      // The bytes we were given failed (a read error, a wrong length): that, not the store.
      if (sourceError) throw sourceError as Error;
      throw new ObjectStoreUnavailableError(error);
    }
  }

  async read(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async open(key: string) {
    const file = this.pathOf(key);
    try {
      const { size } = await stat(file);
      return { stream: createReadStream(file), sizeBytes: size };
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      throw new ObjectStoreUnavailableError(error);
    }
  }

  async remove(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await rm(file, { force: true });
    } catch (error) {
      throw new ObjectStoreUnavailableError(error);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObjectSummary> {
    const walk = async function* (
      directory: string,
      relative: string,
    ): AsyncGenerator<StoredObjectSummary> {
      let entries;
      try {
        entries = await readdir(directory, { withFileTypes: true });
      } catch (error) {
        if (codeOf(error) === 'ENOENT') return;
        throw new ObjectStoreUnavailableError(error);
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const key = relative ? `${relative}/${entry.name}` : entry.name;
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) yield* walk(full, key);
        else if (entry.isFile() && key.startsWith(prefix))
          yield { key, lastModified: (await stat(full)).mtime };
      }
    };
    yield* walk(this.root, '');
  }

  async check(): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true });
      await stat(this.root);
    } catch (error) {
      throw new ObjectStoreUnavailableError(error);
    }
  }

  private pathOf(key: string): string {
    return path.join(this.root, assertObjectKey(key));
  }
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function notFoundOr(error: unknown, key: string): Error {
  return codeOf(error) === 'ENOENT'
    ? new ObjectNotFoundError(key)
    : new ObjectStoreUnavailableError(error);
}
