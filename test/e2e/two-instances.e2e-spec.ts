import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  EXPORT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import { download, exportIdOf, waitForExport } from '../support/audit-fixtures.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { registerSubject } from '../support/registry.js';
import { filingNumber, residentId } from '../support/credentials.js';
import { s3StoreEnv } from '../support/services.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under a folder (staging and partial files included). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/**
 * Two instances behind one load balancer, each with its own local folders and one S3 store
 * between them: what one stored, the other serves.
 */
describe('two instances with their own folders and one object store', () => {
  let scratch: string;
  let first: TestApp;
  let second: TestApp;
  let reviewer: TestStaff;
  let auditor: TestStaff;

  const folders = (name: string) => ({
    DOCUMENT_DIR: path.join(scratch, name, 'documents'),
    EXPORT_DIR: path.join(scratch, name, 'exports'),
  });

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'beian-two-instances-'));
    first = await startTestApp({ env: { ...s3StoreEnv(), ...folders('first') } });
    second = await startTestApp({ env: { ...s3StoreEnv(), ...folders('second') } });
    [reviewer, auditor] = await Promise.all([
      createStaff(first.app, 'REVIEWER', 'Li Na'),
      createStaff(first.app, 'AUDITOR', 'Zhao Min'),
    ]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('shows through the second a document uploaded through the first, byte for byte', async () => {
    const subject = await registerSubject(first, {
      type: 'INDIVIDUAL',
      name: '周杰',
      credentialNumber: residentId('330106', '19910203', 100 + Math.floor(Math.random() * 800)),
      filingNumber: filingNumber(),
    });
    const files = individualDocuments();
    const created = await submitIntake(
      first.url,
      individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: subject.name,
        credentialNumber: subject.credentialNumber,
        applicant: {
          name: subject.name,
          idNumber: subject.credentialNumber,
          role: 'SUBJECT_ADMIN',
          phone: '13300133000',
        },
      }),
      files,
    );
    expect(created.status).toBe(201);
    const [front]: { id: string }[] = await first.dataSource.query(
      `SELECT id FROM request_documents WHERE request_id = $1 AND kind = 'ID_FRONT'`,
      [created.body.id],
    );

    const session = await signedIn(second.url, reviewer.email, reviewer.password);
    const viewed = await download(session, `/requests/${created.body.id}/documents/${front!.id}`);
    expect(viewed.status).toBe(200);
    expect(viewed.headers['content-type']).toBe('image/jpeg');
    const uploaded = files.find((file) => file.field === 'ID_FRONT')!.content;
    expect(sha256(viewed.body as Buffer)).toBe(sha256(uploaded));
    // Nothing of it stayed on either instance's disk.
    expect(await filesUnder(folders('first').DOCUMENT_DIR)).toEqual([]);
    expect(await filesUnder(folders('second').DOCUMENT_DIR)).toEqual([]);
  });

  it('downloads from the first an export requested on the second', async () => {
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
    const requester = await signedIn(second.url, auditor.email, auditor.password);
    await requester.page('/exports');
    const asked = await requester.submit('/exports', {
      dataset: 'requests',
      format: 'CSV',
      from: today,
      to: today,
    });
    expect(asked.status).toBe(303);
    const id = exportIdOf(asked.headers.location);
    const done = await waitForExport(second.dataSource, id);
    expect(done.status).toBe('COMPLETED');

    const reader = await signedIn(first.url, auditor.email, auditor.password);
    const file = await download(reader, `/exports/${id}/download`);
    expect(file.status).toBe(200);
    const bytes = file.body as Buffer;
    expect(sha256(bytes)).toBe(done.sha256);
    expect(bytes.toString('utf8')).toContain(today);
    // The file is in the store, not in either instance's export folder.
    expect(await first.app.get<ObjectStore>(EXPORT_OBJECTS).exists(done.file_key!)).toBe(true);
    expect(await filesUnder(folders('first').EXPORT_DIR)).toEqual([]);
    expect(await filesUnder(folders('second').EXPORT_DIR)).toEqual([]);
  });
});
