import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { ObjectStoreExportStorage } from '../../src/audit/infrastructure/files/object-store-export-storage.js';
import { ExportFileMissingError } from '../../src/audit/domain/data-export.errors.js';
import type { AppConfig } from '../../src/shared/infrastructure/config/app-config.js';
import { FileSystemObjectStore } from '../../src/shared/infrastructure/object-store/file-system-object-store.js';
import { ObjectStoreUnavailableError } from '../../src/shared/infrastructure/object-store/object-store.js';
import {
  createS3Client,
  S3ObjectStore,
} from '../../src/shared/infrastructure/object-store/s3-object-store.js';
import {
  objectStoreContract,
  type ObjectStoreUnderTest,
} from '../contracts/object-store.contract.js';
import { s3StoreEnv, testServices } from '../support/services.js';
import { startTestApp } from '../support/test-app.js';

// The ObjectStore port's contract against both adapters: the disk, and S3 against the
// run's S3-protocol server (s3rver, started by the global set-up).

/** The run's S3 server, as the adapter connects to it. */
function testS3Connection() {
  const store = testServices().objectStore;
  return {
    endpoint: store.endpoint,
    region: store.region,
    accessKeyId: store.accessKeyId,
    secretAccessKey: store.secretAccessKey,
    forcePathStyle: true,
  };
}

describe('on disk', () => {
  let scratch: string;
  let underTest: ObjectStoreUnderTest;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'beian-object-store-'));
    const notAFolder = path.join(scratch, 'a-file');
    await writeFile(notAFolder, 'in the way');
    underTest = {
      store: new FileSystemObjectStore(path.join(scratch, 'store')),
      unreachable: new FileSystemObjectStore(path.join(notAFolder, 'store')),
    };
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  objectStoreContract('disk', () => underTest);
});

describe('on an S3-protocol server', () => {
  let client: S3Client;
  let closedPort: S3Client;
  let prefix: string;
  let underTest: ObjectStoreUnderTest;
  beforeAll(() => {
    const connection = testS3Connection();
    client = createS3Client(connection);
    closedPort = createS3Client({ ...connection, endpoint: 'http://127.0.0.1:1' });
    prefix = `contract-${randomBytes(4).toString('hex')}/`;
    underTest = {
      // Two keys a page, so listing has to follow the continuation tokens.
      store: new S3ObjectStore(client, testServices().objectStore.bucket, prefix, 2),
      unreachable: new S3ObjectStore(closedPort, testServices().objectStore.bucket, prefix),
    };
  });
  afterAll(() => {
    client.destroy();
    closedPort.destroy();
  });

  objectStoreContract('S3', () => underTest);

  it('keeps the area’s objects under its prefix of the bucket, bytes as written', async () => {
    const content = randomBytes(70_000);
    await underTest.store.put('ab/cd/raw', {
      stream: Readable.from([content]),
      sizeBytes: content.length,
    });
    const raw = await client.send(
      new GetObjectCommand({
        Bucket: testServices().objectStore.bucket,
        Key: `${prefix}ab/cd/raw`,
      }),
    );
    expect(raw.ContentLength).toBe(content.length);
    expect(Buffer.from(await raw.Body!.transformToByteArray()).equals(content)).toBe(true);
  });
});

describe('GET /health and the store', () => {
  it('reports the disk store, up', async () => {
    const t = await startTestApp({
      env: Object.fromEntries(Object.keys(s3StoreEnv()).map((key) => [key, ''])),
    });
    try {
      const response = await request(t.url).get('/health');
      expect(response.status).toBe(200);
      expect(response.body.details.objectStore).toEqual({ status: 'up', kind: 'disk' });
    } finally {
      await t.close();
    }
  });

  it('reports the S3 store, up, and 503 with it down while the database and Redis stay up', async () => {
    const up = await startTestApp({ env: s3StoreEnv() });
    const down = await startTestApp({
      env: { ...s3StoreEnv(), OBJECT_STORE_URL: 'http://127.0.0.1:1' },
    });
    try {
      const healthy = await request(up.url).get('/health');
      expect(healthy.status).toBe(200);
      expect(healthy.body.details.objectStore).toEqual({ status: 'up', kind: 's3' });

      const response = await request(down.url).get('/health');
      expect(response.status).toBe(503);
      expect(response.body.details.objectStore).toMatchObject({ status: 'down', kind: 's3' });
      expect(response.body.details.database.status).toBe('up');
      expect(response.body.details.redis.status).toBe('up');
    } finally {
      await up.close();
      await down.close();
    }
  });
});

describe('export files over the S3 store', () => {
  let scratch: string;
  let client: S3Client;
  let closedPort: S3Client;
  let storage: ObjectStoreExportStorage;
  let refused: ObjectStoreExportStorage;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'beian-export-storage-'));
    const connection = testS3Connection();
    client = createS3Client(connection);
    closedPort = createS3Client({ ...connection, endpoint: 'http://127.0.0.1:1' });
    const prefix = `exports-${randomBytes(4).toString('hex')}/`;
    const config = { EXPORT_DIR: scratch } as AppConfig;
    storage = new ObjectStoreExportStorage(
      config,
      new S3ObjectStore(client, testServices().objectStore.bucket, prefix),
    );
    refused = new ObjectStoreExportStorage(
      config,
      new S3ObjectStore(closedPort, testServices().objectStore.bucket, prefix),
    );
  });
  afterAll(async () => {
    client.destroy();
    closedPort.destroy();
    await rm(scratch, { recursive: true, force: true });
  });

  const partials = async (): Promise<string[]> =>
    readdir(path.join(scratch, '.partial')).catch(() => []);

  it('stores a complete file with its hash and size, leaving no partial file behind', async () => {
    const id = randomUUID();
    const content = randomBytes(6 * 1024 * 1024 + 1);
    const file = await storage.createTemporary(id, 1, 'csv');
    await pipeline(Readable.from([content.subarray(0, 1000), content.subarray(1000)]), file.stream);
    const stored = await file.commit();

    expect(stored).toEqual({
      fileKey: `${id}.csv`,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(await storage.has(stored.fileKey)).toBe(true);
    const opened = await storage.open(stored.fileKey);
    expect(opened.sizeBytes).toBe(content.length);
    expect((await buffer(opened.stream)).equals(content)).toBe(true);
    expect(await partials()).toEqual([]);

    await storage.remove(stored.fileKey);
    expect(await storage.has(stored.fileKey)).toBe(false);
    await expect(storage.open(stored.fileKey)).rejects.toBeInstanceOf(ExportFileMissingError);
  });

  it('fails the attempt when the store refuses the file, and the discard leaves nothing', async () => {
    const id = randomUUID();
    const file = await refused.createTemporary(id, 1, 'csv');
    await pipeline(Readable.from([Buffer.from('seq,action\n1,export.requested\n')]), file.stream);
    await expect(file.commit()).rejects.toBeInstanceOf(ObjectStoreUnavailableError);
    await file.discard();
    expect(await partials()).toEqual([]);
    expect(await storage.has(`${id}.csv`)).toBe(false);
  });
});
