import { describe, expect, it } from '@jest/globals';
import type { Message } from '../../../../shared/i18n/message.js';
import { Translator } from '../../../../shared/i18n/translator.js';
import type {
  DocumentCheck,
  InitializationRequestProps,
  RequestDocument,
} from '../../../domain/initialization-request.js';
import { correctionsOf, versionsOf } from './corrections-and-versions.js';

const translator = new Translator('Asia/Shanghai');
const en = (message: Message): string => translator.words('en').text(message);
const zh = (message: Message): string => translator.words('zh-CN').text(message);

const at = (iso: string): Date => new Date(iso);

function document(id: string, overrides: Partial<RequestDocument> = {}): RequestDocument {
  return {
    id,
    kind: 'ID_FRONT',
    mediaType: 'image/jpeg',
    sizeBytes: 2048,
    sha256: id.repeat(8),
    storageKey: null,
    originalName: 'front.jpg',
    uploadedAt: at('2026-11-17T02:00:00Z'),
    supersededAt: null,
    replacesDocumentId: null,
    purgedAt: null,
    ...overrides,
  };
}

function check(documentId: string, overrides: Partial<DocumentCheck> = {}): DocumentCheck {
  return {
    documentId,
    legible: true,
    authentic: true,
    valid: true,
    matchesApplication: true,
    note: '',
    checkedBy: 'li-na',
    checkedByName: 'Li Na',
    checkedAt: at('2026-11-17T03:00:00Z'),
    ...overrides,
  };
}

/** Only what these views read of a request. */
const request = (props: Partial<InitializationRequestProps>) =>
  ({ documents: [], checks: [], corrections: [], ...props }) as InitializationRequestProps;

describe('what each resubmission changed, as the workspace shows it', () => {
  const corrected = request({
    corrections: [
      {
        at: at('2026-11-18T02:00:00Z'),
        fields: ['applicant.phone'],
        documents: ['ID_BACK'],
        changes: [],
        flagsRaised: [],
        flagsCleared: [],
      },
      {
        at: at('2026-11-20T02:00:00Z'),
        fields: ['applicant.idNumber', 'applicant.phone', 'subjectName'],
        documents: [],
        changes: [
          { field: 'applicant.idNumber', was: '330106199103021238', now: '330106199103021211' },
          { field: 'subjectName', was: '周杰伦', now: '周杰' },
        ],
        flagsRaised: ['RECENT_EMAIL_CHANGE'],
        flagsCleared: ['SUBJECT_MISMATCH'],
      },
    ],
  });

  it('lists the newest first, each field was → now in words, and the flags raised and cleared', () => {
    const [latest, earlier] = correctionsOf(corrected, false);
    expect(latest!.latest).toBe(true);
    expect(latest!.changes.map(({ label, was, now }) => `${en(label)}: ${was} → ${now}`)).toEqual([
      'Applicant ID number: 330106199103021238 → 330106199103021211',
      'Subject name: 周杰伦 → 周杰',
    ]);
    expect(latest!.unchanged.map(zh)).toEqual(['申请人手机号码']);
    expect(latest!.flagsRaised.map(en)).toEqual(['Recent email change']);
    expect(latest!.flagsCleared.map(zh)).toEqual(['主体信息不一致']);
    expect(earlier!.latest).toBe(false);
    expect(earlier!.documents.map(en)).toEqual(['ID card, back']);
    expect(earlier!.unchanged.map(en)).toEqual(['Applicant phone']);
  });

  it('masks ID and phone numbers for a viewer who reads the application masked, and nothing else', () => {
    const [latest] = correctionsOf(corrected, true);
    expect(latest!.changes.map(({ was, now }) => [was, now])).toEqual([
      ['330***********1238', '330***********1211'],
      ['周杰伦', '周杰'],
    ]);
  });
});

describe('the versions of a document', () => {
  const first = document('first', { supersededAt: at('2026-11-18T02:00:00Z') });
  const second = document('second', {
    uploadedAt: at('2026-11-18T02:00:00Z'),
    supersededAt: at('2026-11-19T02:00:00Z'),
    replacesDocumentId: 'first',
  });
  const current = document('current', {
    uploadedAt: at('2026-11-19T02:00:00Z'),
    replacesDocumentId: 'second',
  });
  const back = document('back', { kind: 'ID_BACK', supersededAt: at('2026-11-18T02:00:00Z') });
  const p = request({
    documents: [first, second, current, back],
    checks: [check('first', { legible: false, note: 'blurred' }), check('second')],
  });
  const sizeOf = (bytes: number) => `${bytes} B`;

  it('says which version the current one replaces, in the reader’s date', () => {
    const { replaces } = versionsOf(p, current, sizeOf);
    expect(en(replaces!)).toBe('replaces the version of Nov 18, 2026');
    expect(zh(replaces!)).toBe('替换了 2026年11月18日 的版本');
    expect(versionsOf(p, document('alone', { kind: 'HALF_LENGTH_PHOTO' }), sizeOf)).toEqual({
      replaces: null,
      earlierVersions: [],
    });
  });

  it('keeps each earlier version of its kind, newest first, with the checks recorded on it', () => {
    const { earlierVersions } = versionsOf(p, current, sizeOf);
    expect(
      earlierVersions.map((version) => [version.id, en(version.title), en(version.checkSummary)]),
    ).toEqual([
      ['second', 'Version of Nov 18, 2026', 'Passed all four checks (Li Na)'],
      ['first', 'Version of Nov 17, 2026', 'Failed: not legible (Li Na)'],
    ]);
    expect(earlierVersions[1]!.check).toMatchObject({ legible: false, note: 'blurred' });
  });
});
