/**
 * `npm run bench:intake`: accepted intake requests per second, each a
 * multipart POST with three 200 KB documents (sniffed, hashed, encrypted,
 * staged, stored, checked against the registry, audited), once with the
 * documents on disk and once in an S3-protocol server (s3rver on loopback),
 * beside the same server answering an empty authenticated POST, in the same
 * run. autocannon drives the real HTTP server on loopback.
 *
 * BENCH_SECONDS=10 for a shorter run.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createApp } from '../src/bootstrap.js';
import { startS3TestServer } from './support/s3-test-server.js';
import type { AppConfig } from '../src/shared/infrastructure/config/app-config.js';
import { createRootLogger } from '../src/shared/infrastructure/logging/logger.js';
import {
  BENCH_TOKEN,
  benchEnvironment,
  format,
  machineLine,
  markdownTable,
  say,
} from './support/bench-environment.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 8;
const DOCUMENT_BYTES = 200 * 1024;
const BOUNDARY = 'beianbenchboundary7MA4YWxkTrZu0gW';

/** A JPEG by its magic bytes, then noise: the sniffing, hashing and storing costs of a real photo. */
function document(): Buffer {
  const content = randomBytes(DOCUMENT_BYTES);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(content);
  return content;
}

const documents = { ID_FRONT: document(), ID_BACK: document(), HALF_LENGTH_PHOTO: document() };
const fileParts = Buffer.concat(
  Object.entries(documents).flatMap(([field, content]) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${field.toLowerCase()}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]),
);

let sequence = 0;
function submission(): Buffer {
  sequence += 1;
  const request = {
    externalId: `bench-${process.pid}-${sequence}`,
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    subjectType: 'INDIVIDUAL',
    filingNumber: `浙ICP备2026${String(sequence % 1_000_000).padStart(6, '0')}号`,
    subjectName: '王小明',
    credentialNumber: '11010519491231002X',
    applicant: {
      name: '王小明',
      idNumber: '11010519491231002X',
      role: 'SUBJECT_ADMIN',
      phone: '13800138000',
    },
    newAccountEmail: `new${sequence}@example.cn`,
    aliyunAccountId: String(1_000_000_000_000 + sequence),
  };
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="request"\r\n\r\n${JSON.stringify(request)}\r\n`,
    ),
    fileParts,
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

function load(
  url: string,
  body: () => Buffer | undefined,
  expected: number,
): Promise<{ rate: number; p975: number; bad: number }> {
  return new Promise((resolve, reject) => {
    let good = 0;
    let bad = 0;
    const instance = autocannon(
      {
        url: `${url}/api/v1/initialization-requests`,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${BENCH_TOKEN}`,
              'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
            },
            setupRequest: (request) => ({ ...request, body: body() }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({ rate: good / SECONDS, p975: result.latency.p97_5, bad });
      },
    );
    instance.on('response', (_client, statusCode) =>
      statusCode === expected ? (good += 1) : (bad += 1),
    );
  });
}

/** Runs `work` against a server of its own for `config`, closed afterwards. */
async function serving<T>(config: AppConfig, work: (url: string) => Promise<T>): Promise<T> {
  const app = await createApp(config, { logger: createRootLogger('error') });
  await app.listen(0, '127.0.0.1');
  try {
    return await work(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const env = await benchEnvironment({ redis: true });
  const s3 = await startS3TestServer({ buckets: ['beian-bench'] });
  try {
    const { baseline, disk } = await serving(env.config({ PORT: '0' }), async (url) => {
      say(`Baseline: ${SECONDS} s of empty authenticated POSTs…`);
      const baseline = await load(url, () => undefined, 400);
      say(`Intake, documents on disk: ${SECONDS} s of submissions with three 200 KB documents…`);
      return { baseline, disk: await load(url, submission, 201) };
    });
    const onS3 = env.config({
      PORT: '0',
      OBJECT_STORE_URL: s3.endpoint,
      OBJECT_STORE_REGION: s3.region,
      OBJECT_STORE_BUCKET: 'beian-bench',
      OBJECT_STORE_ACCESS_KEY_ID: s3.accessKeyId,
      OBJECT_STORE_SECRET_ACCESS_KEY: s3.secretAccessKey,
      OBJECT_STORE_FORCE_PATH_STYLE: 'true',
    });
    const objects = await serving(onS3, (url) => {
      say(`Intake, documents in the S3 server: ${SECONDS} s of the same submissions…`);
      return load(url, submission, 201);
    });
    const ratio = (rate: number): string => `**${(rate / baseline.rate).toFixed(3)}**`;
    process.stdout.write(
      [
        machineLine(`Intake, ${CONNECTIONS} connections, ${SECONDS} s each`),
        '',
        markdownTable(
          [
            'POST /api/v1/initialization-requests',
            'answered per second',
            'p97.5 latency',
            'other answers',
            '÷ baseline',
          ],
          [
            [
              'empty, authenticated (baseline: 400 problem+json)',
              format(baseline.rate, 1),
              `${baseline.p975} ms`,
              format(baseline.bad),
              '1',
            ],
            [
              'three 200 KB documents, stored on disk (201)',
              format(disk.rate, 1),
              `${disk.p975} ms`,
              format(disk.bad),
              ratio(disk.rate),
            ],
            [
              'three 200 KB documents, stored in the S3 server (201)',
              format(objects.rate, 1),
              `${objects.p975} ms`,
              format(objects.bad),
              ratio(objects.rate),
            ],
          ],
          ['l', 'r', 'r', 'r', 'r'],
        ),
        '',
        "Each accepted request moves 600 KB through sniffing, SHA-256, encryption and storage, and one transaction with its audit event. The S3 server is s3rver on loopback in the same process (files on the same disk behind an HTTP hop, signatures checked): its own work is in the figure, a real bucket's network latency is not.",
      ].join('\n') + '\n',
    );
  } finally {
    await s3.stop();
    await env.stop();
  }
}

await main();
