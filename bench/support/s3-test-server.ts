import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import v4 from '@20minutes/s3rver/lib/signature/v4.js';

/**
 * A real S3-protocol server for the benchmarks and the tests' global set-up
 * (`@20minutes/s3rver`, a devDependency, so it lives here and not in libs/: the app's
 * build never imports it). Objects live in a temporary folder removed at stop.
 */
export interface S3TestServer {
  /** http://127.0.0.1:<port> — use it with path-style addressing. */
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The buckets made at start. */
  readonly buckets: readonly string[];
  stop(): Promise<void>;
}

const RAW_PATH = Symbol('raw request path');
let signingPatched = false;

/**
 * s3rver computes a path-style bucket request's canonical URI without the trailing slash
 * the AWS SDK v3 sends and signs (`GET /bucket/?list-type=2`), so ListObjectsV2 and
 * HeadBucket fail with SignatureDoesNotMatch. The patch keeps the slash, as S3 does;
 * nothing else about s3rver's signature checks changes.
 */
function keepTrailingSlashInSignatures(): void {
  if (signingPatched) return;
  signingPatched = true;
  const original = v4.getStringToSign;
  v4.getStringToSign = (canonicalRequest, signature) => {
    const raw = (canonicalRequest.headers as Record<symbol, string | undefined>)[RAW_PATH];
    const uri =
      raw?.endsWith('/') && !canonicalRequest.uri.endsWith('/')
        ? `${canonicalRequest.uri}/`
        : canonicalRequest.uri;
    return original({ ...canonicalRequest, uri }, signature);
  };
}

/**
 * s3rver makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 only has
 * in its legacy provider, so every truncated listing fails with InternalError. Triple DES
 * with one key three times is single DES, and is in the default provider. Only the
 * algorithm `des` is rerouted; every other cipher is untouched.
 */
function continuationTokensWithoutLegacyDes(): void {
  const patched = crypto as unknown as {
    createCipheriv: (...args: unknown[]) => unknown;
    createDecipheriv: (...args: unknown[]) => unknown;
    __beianDes?: true;
  };
  if (patched.__beianDes) return;
  patched.__beianDes = true;
  for (const name of ['createCipheriv', 'createDecipheriv'] as const) {
    const original = patched[name].bind(crypto);
    patched[name] = (algorithm: unknown, key: unknown, ...rest: unknown[]) =>
      algorithm === 'des' && Buffer.isBuffer(key) && key.length === 8
        ? original('des-ede3-cbc', Buffer.concat([key, key, key]), ...rest)
        : original(algorithm, key, ...rest);
  }
}

export async function startS3TestServer(
  options: { buckets?: string[]; dir?: string } = {},
): Promise<S3TestServer> {
  keepTrailingSlashInSignatures();
  continuationTokensWithoutLegacyDes();
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'beian-s3-')));
  const buckets = options.buckets ?? ['beian-desk'];
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  server.middleware.unshift((ctx, next) => {
    Object.defineProperty(ctx.req.headers, RAW_PATH, { value: ctx.path, enumerable: false });
    return next();
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    buckets,
    stop: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
