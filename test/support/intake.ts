import request from 'supertest';
import { documentImages, authorizationLetterPdf } from '../../src/demo/document-images.js';
import { residentId } from './credentials.js';
import { TEST_INTAKE_TOKEN } from './test-app.js';

export interface IntakeBody {
  externalId: string;
  receivedAt: string;
  subjectType: 'INDIVIDUAL' | 'ORGANIZATION';
  filingNumber: string;
  subjectName: string;
  credentialNumber: string;
  applicant: {
    name: string;
    idNumber: string;
    role: 'SUBJECT_ADMIN' | 'WEBSITE_ADMIN' | 'OTHER';
    phone: string;
  };
  newAccountEmail: string;
  aliyunAccountId: string;
}

export interface IntakeFile {
  field: string;
  content: Buffer;
  filename: string;
  contentType?: string;
}

let sequence = 0;
const unique = (): string => `${Date.now().toString(36)}${(sequence += 1).toString(36)}`;

/** A well-formed individual request; override what a test is about. */
export function individualRequest(overrides: Partial<IntakeBody> = {}): IntakeBody {
  const id = residentId('330106', '19900307', 100 + (sequence % 800));
  return {
    externalId: `ext-${unique()}`,
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    subjectType: 'INDIVIDUAL',
    filingNumber: '浙ICP备2026000001号',
    subjectName: '王小明',
    credentialNumber: id,
    applicant: { name: '王小明', idNumber: id, role: 'SUBJECT_ADMIN', phone: '13800138000' },
    newAccountEmail: `new-${unique()}@example.cn`,
    aliyunAccountId: String(1_000_000_000_000 + Math.floor(Math.random() * 1e12)),
    ...overrides,
  };
}

let faces = Math.floor(Math.random() * 1e6);

/** The three documents of an individual (a fresh face each time, so hashes differ unless a seed is given). */
export function individualDocuments(seed = (faces += 1)): IntakeFile[] {
  const face = { name: 'WANG XIAOMING', idNumber: `SEED ${seed}`, seed };
  return [
    { field: 'ID_FRONT', content: documentImages.idFrontJpeg(face), filename: 'front.jpg' },
    { field: 'ID_BACK', content: documentImages.idBackJpeg(face), filename: 'back.jpg' },
    {
      field: 'HALF_LENGTH_PHOTO',
      content: documentImages.halfLengthPhotoJpeg(face),
      filename: 'photo.jpg',
    },
  ];
}

export async function authorizationLetter(
  company = `DEMO TECH CO LTD ${Math.floor(Math.random() * 1e9)}`,
): Promise<IntakeFile> {
  return {
    field: 'AUTHORIZATION_LETTER',
    content: await authorizationLetterPdf({
      company,
      applicant: 'LI SI',
      filingNumber: 'TEST',
      date: new Date().toISOString().slice(0, 10),
    }),
    filename: 'letter.pdf',
  };
}

/** POSTs a multipart intake submission as the public filing system would. */
export function submitIntake(
  baseUrl: string,
  body: IntakeBody | Record<string, unknown> | string | null,
  files: IntakeFile[],
  token: string | null = TEST_INTAKE_TOKEN,
) {
  let call = request(baseUrl).post('/api/v1/initialization-requests');
  if (token) call = call.set('Authorization', `Bearer ${token}`);
  if (body !== null)
    call = call.field('request', typeof body === 'string' ? body : JSON.stringify(body));
  for (const file of files) {
    call = call.attach(file.field, file.content, {
      filename: file.filename,
      contentType: file.contentType ?? 'application/octet-stream',
    });
  }
  return call;
}
