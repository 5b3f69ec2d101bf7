import { Readable, Transform } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  assertObjectKey,
  ObjectNotFoundError,
  ObjectStoreUnavailableError,
  type ObjectStore,
  type StoredObjectSummary,
} from './object-store.js';

/** Where an S3-compatible store is and how to sign in to it (OBJECT_STORE_* settings). */
export interface S3Connection {
  /** The service's address, e.g. https://oss-cn-hangzhou.aliyuncs.com or http://127.0.0.1:9000. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO and test servers). */
  forcePathStyle: boolean;
}

/**
 * A client for S3-compatible stores (AWS S3, Alibaba Cloud OSS, MinIO). Checksums only
 * where an operation requires them: with the SDK's default (`WHEN_SUPPORTED`) a streamed
 * PutObject is sent with aws-chunked framing and a trailing checksum, which servers that do
 * not speak that framing store as the object's bytes.
 */
export function createS3Client(connection: S3Connection): S3Client {
  return new S3Client({
    endpoint: connection.endpoint,
    region: connection.region,
    forcePathStyle: connection.forcePathStyle,
    credentials: {
      accessKeyId: connection.accessKeyId,
      secretAccessKey: connection.secretAccessKey,
    },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // A store that does not answer is reported in seconds, not after the OS's time-outs.
    requestHandler: { connectionTimeout: 3000, requestTimeout: 60_000 },
  });
}

/**
 * Objects under one prefix of a bucket (`documents/`, `exports/`). Uploads stream with their
 * length (one PutObject: all or nothing, never visible half-written), downloads stream.
 * Every failure of the store is an ObjectStoreUnavailableError; a missing object an
 * ObjectNotFoundError.
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    /** `documents/` or `exports/`: the area's keys are relative to it. */
    private readonly prefix: string,
    /** Keys per ListObjectsV2 page (the service's default, 1000, unless a test asks for less). */
    private readonly listPageSize?: number,
  ) {}

  async put(key: string, body: Buffer | { stream: Readable; sizeBytes: number }): Promise<void> {
    const Key = this.keyOf(key);
    if (Buffer.isBuffer(body)) {
      await this.send(
        () =>
          this.client.send(
            new PutObjectCommand({
              Bucket: this.bucket,
              Key,
              Body: body,
              ContentLength: body.length,
            }),
          ),
        key,
      );
      return;
    }
    // A failing source or a wrong length aborts the request: the store keeps nothing, and
    // the caller hears what went wrong with the bytes, not that the store is down.
    const abort = new AbortController();
    let sourceFailure: Error | undefined;
    const fail = (error: Error): void => {
      sourceFailure ??= error;
      abort.abort(error);
    };
    const counted = new ExactLength(body.sizeBytes).on('error', fail);
    body.stream.on('error', fail).pipe(counted);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key,
          Body: counted,
          ContentLength: body.sizeBytes,
        }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      body.stream.destroy();
      counted.destroy();
      if (sourceFailure) throw sourceFailure;
      throw new ObjectStoreUnavailableError(error);
    }
  }

  async read(key: string): Promise<Buffer> {
    return this.send(async () => {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }),
      );
      return Buffer.from(await object.Body!.transformToByteArray());
    }, key);
  }

  async open(key: string): Promise<{ stream: Readable; sizeBytes: number }> {
    const object = await this.send(
      () => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) })),
      key,
    );
    const body = object.Body;
    const stream = body instanceof Readable ? body : Readable.fromWeb(body!.transformToWebStream());
    return { stream, sizeBytes: object.ContentLength ?? 0 };
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.send(
        () =>
          this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) })),
        key,
      );
      return true;
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return false;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    // S3 answers a delete of a missing key with 204, like the disk store's `rm -f`.
    await this.send(
      () =>
        this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) })),
      key,
    );
  }

  async *list(prefix: string): AsyncIterable<StoredObjectSummary> {
    let continuationToken: string | undefined;
    do {
      const page = await this.send(
        () =>
          this.client.send(
            new ListObjectsV2Command({
              Bucket: this.bucket,
              Prefix: this.prefix + prefix,
              ContinuationToken: continuationToken,
              MaxKeys: this.listPageSize,
            }),
          ),
        prefix,
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key?.startsWith(this.prefix)) continue;
        yield {
          key: object.Key.slice(this.prefix.length),
          lastModified: object.LastModified ?? new Date(0),
        };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw new ObjectStoreUnavailableError(error);
    }
  }

  private keyOf(key: string): string {
    return this.prefix + assertObjectKey(key);
  }

  /** Runs one call, turning the store's answers into the port's errors. */
  private async send<T>(call: () => Promise<T>, key: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw new ObjectStoreUnavailableError(error);
    }
  }
}

function isNotFound(error: unknown): boolean {
  const failure = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | null;
  if (failure?.name === 'NoSuchBucket') return false;
  return (
    failure?.name === 'NoSuchKey' ||
    failure?.name === 'NotFound' ||
    failure?.$metadata?.httpStatusCode === 404
  );
}

/**
 * Passes the bytes on, failing if there are more or fewer than announced: a request whose
 * body falls short of its Content-Length would otherwise wait for the server's time-out.
 */
class ExactLength extends Transform {
  private seen = 0;

  constructor(private readonly expected: number) {
    super({ highWaterMark: 1 << 20 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void) {
    this.seen += chunk.length;
    if (this.seen > this.expected) return done(this.mismatch());
    this.push(chunk);
    done();
  }

  override _flush(done: (error?: Error) => void) {
    done(this.seen === this.expected ? undefined : this.mismatch());
  }

  private mismatch(): Error {
    return new Error(
      `the object's stream had ${this.seen}${this.seen > this.expected ? '+' : ''} bytes, not the ${this.expected} announced`,
    );
  }
}
