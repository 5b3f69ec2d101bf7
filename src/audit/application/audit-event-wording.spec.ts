import { describe, expect, it } from '@jest/globals';
import type { Message } from '../../shared/i18n/message.js';
import { Translator } from '../../shared/i18n/translator.js';
import {
  KNOWN_AUDIT_ACTIONS,
  auditActionLabel,
  describeAuditEvent,
  describeDocumentViews,
  type WordedAuditEvent,
} from './audit-event-wording.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

const staff = (name: string) => ({ actorType: 'STAFF', actorName: name });

/** An event's sentence and details as an English reader sees them. */
const inEnglish = (worded: WordedAuditEvent) => ({
  sentence: en.text(worded.sentence),
  details: worded.details.map(({ label, value }) => ({
    label: en.text(label),
    value: typeof value === 'string' ? value : en.text(value),
  })),
});
const sentence = (event: Parameters<typeof describeAuditEvent>[0], words = en): string =>
  words.text(describeAuditEvent(event).sentence);

/** Details with every field any action's sentence reads, so each wording shows all its words. */
const EVERY_DETAIL = {
  email: 'li.na@example.cn',
  reason: 'wrong-password',
  role: 'SENIOR_REVIEWER',
  displayName: '李娜',
  reference: 'BD-20261125-000001',
  riskFlags: ['SUBJECT_MISMATCH', 'RECENT_EMAIL_CHANGE'],
  fromName: '王芳',
  assigneeName: '赵磊',
  checks: [
    { kind: 'ID_FRONT', legible: true, authentic: true, valid: true, matchesApplication: true },
    { kind: 'ID_BACK', legible: false, authentic: true, valid: false, matchesApplication: true },
  ],
  awaitingSecondApproval: true,
  note: '请核对公章',
  reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
  documents: ['AUTHORIZATION_LETTER', 'HALF_LENGTH_PHOTO'],
  fields: ['subjectName', 'applicantPhone'],
  changes: [{ field: 'subjectName', was: '周*', now: '周**' }],
  flagsRaised: ['RECENT_EMAIL_CHANGE'],
  flagsCleared: ['SUBJECT_MISMATCH'],
  flags: ['DUPLICATE_OPEN_REQUEST'],
  because: 'BD-20261125-000002 was approved for the same subject',
  filingNumber: '浙ICP备12345678号',
  fileName: 'legacy.csv',
  rowsAccepted: 1200,
  kind: 'ID_FRONT',
  year: 2027,
  ok: false,
  verified: 41,
  brokenAt: 42,
  format: 'XLSX',
  dataset: 'requests',
  description: 'all requests',
  rowCount: 12,
  error: 'disk full',
  retentionDays: 30,
};

describe('audit events in words', () => {
  it('says a first approval awaits the second', () => {
    expect(
      sentence({
        ...staff('Wang Fang'),
        action: 'request.approved',
        details: { awaitingSecondApproval: true, why: ['organization'] },
      }),
    ).toBe('Wang Fang approved — awaiting second approval');
    expect(
      sentence({
        ...staff('Li Na'),
        action: 'request.approved',
        details: { awaitingSecondApproval: false },
      }),
    ).toBe('Li Na approved — the account email was replaced');
  });

  it('names reject reasons, returned notes and the intake client in words', () => {
    expect(
      sentence({
        ...staff('Li Na'),
        action: 'request.rejected',
        details: { reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'], message: 'x' },
      }),
    ).toBe(
      'Li Na rejected the request: A document is not clear enough to read; The information does not match the filing record',
    );
    expect(
      sentence({
        ...staff('Zhao Lei'),
        action: 'request.returned_for_review',
        details: { note: 'Check the seal' },
      }),
    ).toBe('Zhao Lei sent the request back for review: “Check the seal”');
    expect(
      sentence({
        actorType: 'INTAKE_CLIENT',
        actorName: 'filing-portal',
        action: 'request.submitted',
        details: { reference: 'BD-20261125-000001', riskFlags: ['SUBJECT_MISMATCH'] },
      }),
    ).toBe(
      'The filing system (filing-portal) submitted request BD-20261125-000001 with risk flags: Subject mismatch',
    );
  });

  it('masks ID numbers in the sentence and the details', () => {
    const worded = inEnglish(
      describeAuditEvent({
        ...staff('Zhao Lei'),
        action: 'request.returned_for_review',
        details: {
          note: 'ID 33010219900101123X is expired',
          applicantIdNumber: '440524188001010014',
        },
      }),
    );
    expect(worded.sentence).toBe(
      'Zhao Lei sent the request back for review: “ID 330***********123X is expired”',
    );
    expect(worded.details).toEqual([
      { label: 'Note', value: 'ID 330***********123X is expired' },
      { label: 'Applicant id number', value: '440***********0014' },
    ]);
  });

  it('labels details the catalogue has no words for by their field name, and yes/no in words', () => {
    const worded = describeAuditEvent({
      ...staff('Li Na'),
      action: 'request.approved',
      details: { awaitingSecondApproval: true, someNewField: null, why: [] },
    });
    expect(inEnglish(worded).details).toEqual([
      { label: 'Awaiting second approval', value: 'yes' },
      { label: 'Some new field', value: '—' },
      { label: 'Why', value: '—' },
    ]);
    expect(worded.details.map(({ label }) => zh.text(label))).toEqual([
      '待复核',
      'Some new field',
      '原因',
    ]);
    expect(zh.text(worded.details[0]!.value as Message)).toBe('是');
  });

  it('masks an ID number typed as the email of a failed sign-in', () => {
    expect(
      sentence({
        actorType: 'ANONYMOUS',
        actorName: '11010519491231002X',
        action: 'staff.sign_in_failed',
        details: { email: '11010519491231002X', reason: 'unknown-email' },
      }),
    ).toBe('A sign-in as 110***********002X failed: there is no account with this email');
  });

  it('words its own verifications and exports', () => {
    expect(
      sentence({
        ...staff('Chen Jing'),
        action: 'audit.verified',
        details: { ok: false, brokenAt: 7, kind: 'changed' },
      }),
    ).toBe('Chen Jing verified the audit trail: it breaks at event #7 (changed)');
    expect(
      sentence({
        actorType: 'SYSTEM',
        actorName: 'export worker',
        action: 'export.completed',
        details: { format: 'XLSX', dataset: 'requests', rowCount: 12 },
      }),
    ).toBe('The Excel export of requests finished with 12 rows');
  });

  it('falls back to the action for events it has no words for', () => {
    expect(sentence({ ...staff('Li Na'), action: 'calendar.changed', details: {} })).toBe(
      'Li Na: calendar.changed',
    );
    expect(sentence({ ...staff('李娜'), action: 'calendar.changed', details: {} }, zh)).toBe(
      '李娜：calendar.changed',
    );
    expect(en.text(auditActionLabel('request.claimed'))).toBe('Claimed');
    expect(zh.text(auditActionLabel('request.claimed'))).toBe('认领');
    expect(en.text(auditActionLabel('calendar.changed'))).toBe('calendar.changed');
  });

  it('words several document views by one person as one entry', () => {
    const worded = describeDocumentViews({ actorType: 'STAFF', actorName: 'Li Na' }, [
      'ID_FRONT',
      'ID_BACK',
      'ID_FRONT',
    ]);
    expect(inEnglish(worded)).toEqual({
      sentence: 'Li Na viewed ID card, front; ID card, back (3 views)',
      details: [
        { label: 'Documents', value: 'ID card, front; ID card, back' },
        { label: 'Views', value: '3' },
      ],
    });
    expect(zh.text(worded.sentence)).toBe('Li Na 查看了身份证人像面；身份证国徽面（3 次）');
  });
});

describe('a resubmission in words', () => {
  const filingSystem = { actorType: 'INTAKE_CLIENT', actorName: 'filing-portal' };
  const corrected = {
    documents: ['ID_FRONT'],
    fields: ['applicant.phone', 'credentialNumber', 'newAccountEmail'],
    changes: [
      { field: 'applicant.phone', was: '138****8000', now: '139****2222' },
      { field: 'credentialNumber', was: '330***********0012', now: '330***********0021' },
    ],
    flagsRaised: ['RECENT_EMAIL_CHANGE'],
    flagsCleared: ['SUBJECT_MISMATCH', 'INVALID_ID_CHECKSUM'],
    dueAt: '2026-11-27T10:00:00.000Z',
    assigneeName: 'Li Na',
  };

  it('says which fields were corrected (was → now), which documents replaced, and the flags raised and cleared', () => {
    expect(sentence({ ...filingSystem, action: 'request.resubmitted', details: corrected })).toBe(
      'The filing system (filing-portal) resubmitted the request: ' +
        'corrected Applicant phone (138****8000 → 139****2222), Credential number (330***********0012 → 330***********0021); ' +
        'sent New account email again unchanged; replaced ID card, front; ' +
        'new risk flags: Recent email change; risk flags cleared: Subject mismatch; Invalid ID checksum',
    );
    expect(
      sentence({ ...filingSystem, action: 'request.resubmitted', details: corrected }, zh),
    ).toBe(
      '备案系统（filing-portal） 重新提交了该申请：' +
        '更正了申请人手机号码（138****8000 → 139****2222）、主体证件号码（330***********0012 → 330***********0021）；' +
        '新备案账号邮箱未更改；替换了身份证人像面；' +
        '新增风险标记：近期更换过账号邮箱；解除风险标记：主体信息不一致；身份证号码校验位错误',
    );
  });

  it('shows the changes and flags in the details in words, masked, and ID numbers masked even if recorded in full', () => {
    const worded = inEnglish(
      describeAuditEvent({
        ...filingSystem,
        action: 'request.resubmitted',
        details: {
          ...corrected,
          changes: [
            { field: 'applicant.idNumber', was: '33010219900101123X', now: '330102199001011248' },
          ],
        },
      }),
    );
    expect(worded.sentence).toContain(
      'corrected Applicant ID number (330***********123X → 330***********1248)',
    );
    expect(worded.details).toEqual(
      expect.arrayContaining([
        { label: 'Fields', value: 'Applicant phone, Credential number, New account email' },
        {
          label: 'Changes',
          value: 'Applicant ID number (330***********123X → 330***********1248)',
        },
        { label: 'Risk flags raised', value: 'Recent email change' },
        { label: 'Risk flags cleared', value: 'Subject mismatch; Invalid ID checksum' },
      ]),
    );
  });

  it('names the documents alone for a resubmission of documents that changed no flag', () => {
    expect(
      sentence({
        ...filingSystem,
        action: 'request.resubmitted',
        details: {
          documents: ['ID_BACK'],
          fields: [],
          changes: [],
          flagsRaised: [],
          flagsCleared: [],
        },
      }),
    ).toBe('The filing system (filing-portal) resubmitted the request: replaced ID card, back');
  });

  it('keeps the words of a resubmission recorded before corrections were kept', () => {
    expect(
      sentence({
        ...filingSystem,
        action: 'request.resubmitted',
        details: { documents: ['ID_BACK'], dueAt: null },
      }),
    ).toBe('The filing system (filing-portal) resubmitted ID card, back');
  });

  it('names the fields asked for in words, and free text of older requests as written', () => {
    expect(
      sentence({
        ...staff('Li Na'),
        action: 'request.information_requested',
        details: { documents: [], fields: ['applicant.phone', 'subjectName'], message: 'x' },
      }),
    ).toBe('Li Na asked the applicant for more information: Applicant phone, Subject name');
    expect(
      sentence(
        {
          ...staff('李娜'),
          action: 'request.information_requested',
          details: { documents: ['ID_FRONT'], fields: ['applicant.phone'], message: 'x' },
        },
        zh,
      ),
    ).toBe('李娜 要求申请人补正：身份证人像面；申请人手机号码');
    expect(
      sentence({
        ...staff('Li Na'),
        action: 'request.information_requested',
        details: { documents: [], fields: ['the phone number'], message: 'x' },
      }),
    ).toBe('Li Na asked the applicant for more information: the phone number');
  });
});

describe('audit events in Chinese', () => {
  it('tells the timeline who claimed the request: "李娜 认领了该申请"', () => {
    expect(sentence({ ...staff('李娜'), action: 'request.claimed', details: {} }, zh)).toBe(
      '李娜 认领了该申请',
    );
    expect(sentence({ ...staff('李娜'), action: 'request.claimed', details: {} })).toBe(
      '李娜 claimed the request',
    );
  });

  it('names reasons, flags, documents and checks with the desk’s terms', () => {
    expect(
      sentence(
        { ...staff('王芳'), action: 'request.rejected', details: { reasons: ['INFO_MISMATCH'] } },
        zh,
      ),
    ).toBe('王芳 驳回了该申请：填写信息与备案信息不符');
    expect(
      sentence(
        {
          actorType: 'INTAKE_CLIENT',
          actorName: 'filing-portal',
          action: 'request.submitted',
          details: { reference: 'BD-1', riskFlags: ['SUBJECT_MISMATCH', 'DOCUMENT_REUSED'] },
        },
        zh,
      ),
    ).toBe(
      '备案系统（filing-portal） 提交了申请 BD-1，风险标记：主体信息不一致；证件材料曾用于其他主体的申请',
    );
    expect(
      sentence({ ...staff('赵磊'), action: 'request.checks_recorded', details: EVERY_DETAIL }, zh),
    ).toBe('赵磊 记录了材料核验结果：身份证人像面：通过；身份证国徽面：不清晰、无效');
    expect(
      sentence(
        { actorType: 'SYSTEM', actorName: null, action: 'request.flagged', details: EVERY_DETAIL },
        zh,
      ),
    ).toBe('标记风险：存在未办结的重复申请（同一备案主体的申请 BD-20261125-000002 已通过）');
    expect(sentence({ ...staff('王芳'), action: 'staff.created', details: EVERY_DETAIL }, zh)).toBe(
      '王芳 创建了高级审核员账号：李娜（li.na@example.cn）',
    );
  });

  it('keeps the English of a later flag exactly as it was recorded', () => {
    expect(
      sentence({
        actorType: 'SYSTEM',
        actorName: null,
        action: 'request.flagged',
        details: EVERY_DETAIL,
      }),
    ).toBe(
      'Risk flagged: Duplicate open request (BD-20261125-000002 was approved for the same subject)',
    );
    expect(
      sentence({ ...staff('Wang Fang'), action: 'staff.created', details: EVERY_DETAIL }),
    ).toBe('Wang Fang created the senior reviewer account of 李娜 (li.na@example.cn)');
  });
});

describe('every audited action', () => {
  const actors = [
    staff('李娜'),
    { actorType: 'STAFF', actorName: null },
    { actorType: 'INTAKE_CLIENT', actorName: 'filing-portal' },
    { actorType: 'SYSTEM', actorName: null },
    { actorType: 'ANONYMOUS', actorName: null },
  ];

  it.each(KNOWN_AUDIT_ACTIONS.map(({ value }) => [value]))(
    '%s has a label and a sentence in both locales',
    (action) => {
      for (const words of [en, zh]) {
        const label = words.text(auditActionLabel(action));
        expect(label).not.toMatch(/^audit\.|[{}]/);
        expect(label).not.toBe(action);
        for (const actor of actors) {
          for (const details of [
            EVERY_DETAIL,
            { ...EVERY_DETAIL, ok: true, awaitingSecondApproval: false },
            {},
          ]) {
            const worded = describeAuditEvent({ ...actor, action, details });
            // Recorded values are shown as they are, nested ones field by field (never JSON).
            const rendered = [
              words.text(worded.sentence),
              ...worded.details.flatMap(({ label, value }) => [
                words.text(label),
                ...(typeof value === 'string' ? [] : [words.text(value)]),
              ]),
            ];
            for (const text of rendered) {
              expect(text).not.toMatch(/\b(audit|request|common)\.[a-zA-Z_.-]+|[{}]/);
            }
          }
        }
      }
      // Chinese sentences are Chinese: at least one CJK character beyond the names.
      const chinese = zh.text(
        describeAuditEvent({ actorType: 'SYSTEM', actorName: null, action, details: EVERY_DETAIL })
          .sentence,
      );
      expect(chinese).toMatch(/[\u3400-\u9fff]/);
    },
  );
});

describe('calendar edits and staff actions in words', () => {
  const SOURCE = '国务院办公厅关于2027年部分节假日安排的通知';
  const yearChanged = {
    year: 2027,
    source: SOURCE,
    daysOff: [
      { from: '2026-12-31', to: '2027-01-01', name: "New Year's Day" },
      { from: '2027-10-01', to: '2027-10-08', name: 'National Day' },
    ],
    makeUpWorkdays: [],
    previous: {
      source: SOURCE,
      daysOff: [
        { from: '2027-01-01', to: '2027-01-01', name: "New Year's Day" },
        { from: '2027-10-01', to: '2027-10-07', name: 'National Day' },
      ],
      makeUpWorkdays: [{ date: '2027-09-26', name: 'National Day' }],
    },
    daysAdded: [
      { day: '2026-12-31', kind: 'DAY_OFF', name: "New Year's Day" },
      { day: '2027-10-08', kind: 'DAY_OFF', name: 'National Day' },
    ],
    daysRemoved: [{ day: '2027-09-26', kind: 'MAKE_UP_WORKDAY', name: 'National Day' }],
    daysChanged: [],
    yearBeforeDays: ['2026-12-31'],
    deadlinesMoved: 3,
    replyDeadlinesMoved: 1,
  };

  it('names the year, the days added and removed, and the deadlines moved, in both locales', () => {
    const event = { ...staff('刘洋'), action: 'calendar.year_changed', details: yearChanged };
    expect(sentence(event)).toBe(
      "刘洋 changed the business calendar of 2027: days off added: 2026-12-31 (New Year's Day); 2027-10-08 (National Day); make-up workdays removed: 2027-09-26 (National Day); this also changes 2026-12-31 in the year before; 3 open deadlines and 1 reply deadline moved",
    );
    expect(sentence(event, zh)).toBe(
      "刘洋 修改了 2027 年的工作日历：新增休息日 2026-12-31（New Year's Day）；2027-10-08（National Day）；取消调休上班日 2027-09-26（National Day）；同时更改上一年的 2026-12-31；移动了 3 个办理期限和 1 个答复期限",
    );
    const details = inEnglish(describeAuditEvent(event)).details;
    expect(details).toEqual([
      { label: 'Year', value: '2027' },
      { label: 'Source', value: SOURCE },
      {
        label: 'Days off added',
        value: "2026-12-31 (New Year's Day); 2027-10-08 (National Day)",
      },
      { label: 'Make-up workdays removed', value: '2027-09-26 (National Day)' },
      { label: 'Days changed in the year before', value: '2026-12-31' },
      { label: 'Open deadlines moved', value: '3' },
      { label: 'Reply deadlines moved', value: '1' },
      {
        label: 'Days off',
        value: "2026-12-31 to 2027-01-01 (New Year's Day); 2027-10-01 to 2027-10-08 (National Day)",
      },
      { label: 'Make up workdays', value: '—' },
    ]);
    for (const { value } of details) expect(value).not.toMatch(/[{}[\]"]/);
  });

  it('words a day that changed kind, and an edit recorded before the changes were kept', () => {
    expect(
      sentence({
        ...staff('Liu Yang'),
        action: 'calendar.year_changed',
        details: {
          ...yearChanged,
          daysAdded: [],
          daysRemoved: [],
          yearBeforeDays: [],
          daysChanged: [
            {
              day: '2027-05-05',
              kind: 'DAY_OFF',
              name: 'Labour Day',
              previousKind: 'MAKE_UP_WORKDAY',
              previousName: 'Labour Day',
            },
          ],
          deadlinesMoved: 0,
          replyDeadlinesMoved: 0,
        },
      }),
    ).toBe(
      'Liu Yang changed the business calendar of 2027: days changed: 2027-05-05 from a make-up workday (Labour Day) to a day off (Labour Day); 0 open deadlines and 0 reply deadlines moved',
    );
    // Only the year before and after were recorded: the difference is worked out.
    const { daysAdded, daysRemoved, daysChanged, yearBeforeDays, ...older } = yearChanged;
    void [daysAdded, daysRemoved, daysChanged, yearBeforeDays];
    expect(
      sentence({ ...staff('Liu Yang'), action: 'calendar.year_changed', details: older }),
    ).toBe(
      "Liu Yang changed the business calendar of 2027: days off added: 2026-12-31 (New Year's Day); 2027-10-08 (National Day); make-up workdays removed: 2027-09-26 (National Day); 3 open deadlines and 1 reply deadline moved",
    );
    expect(
      sentence({
        ...staff('Liu Yang'),
        action: 'calendar.year_added',
        details: { year: 2028, source: SOURCE, daysOff: yearChanged.daysOff, makeUpWorkdays: [] },
      }),
    ).toBe('Liu Yang added the business calendar of 2028: 10 days off, 0 make-up workdays');
  });

  it('words the staff lifecycle: roles, held work given back, resent mail', () => {
    expect(
      sentence({
        ...staff('Liu Yang'),
        action: 'staff.role_changed',
        details: { email: 'li.na@example.cn', from: 'REVIEWER', to: 'SENIOR_REVIEWER' },
      }),
    ).toBe('Liu Yang changed the role of li.na@example.cn from Reviewer to Senior reviewer');
    expect(
      sentence(
        {
          ...staff('刘洋'),
          action: 'staff.role_changed',
          details: { email: 'li.na@example.cn', from: 'REVIEWER', to: 'SENIOR_REVIEWER' },
        },
        zh,
      ),
    ).toBe('刘洋 将 li.na@example.cn 的角色从审核员改为高级审核员');
    const deactivated = {
      ...staff('Liu Yang'),
      action: 'staff.deactivated',
      details: {
        email: 'li.na@example.cn',
        returnedRequests: [
          { id: 'x', reference: 'BD-1', status: 'PENDING_REVIEW' },
          { id: 'y', reference: 'BD-2', status: 'AWAITING_APPLICANT' },
        ],
        handedToId: null,
        handedToName: null,
      },
    };
    expect(sentence(deactivated)).toBe(
      'Liu Yang deactivated the account li.na@example.cn; the requests it held went back to the queue: BD-1 (Pending review); BD-2 (Awaiting applicant)',
    );
    expect(
      sentence({
        ...staff('Liu Yang'),
        action: 'request.released',
        details: {
          fromId: 'x',
          fromName: 'Li Na',
          because: 'holder-deactivated',
          status: 'PENDING_REVIEW',
        },
      }),
    ).toBe(
      'Liu Yang released the request held by Li Na to the queue, as their account was deactivated',
    );
    expect(
      inEnglish(
        describeAuditEvent({
          ...staff('Liu Yang'),
          action: 'request.released',
          details: { because: 'holder-deactivated', status: 'PENDING_REVIEW' },
        }),
      ).details,
    ).toEqual([
      { label: 'Because', value: 'the holder’s account was deactivated' },
      { label: 'State', value: 'Pending review' },
    ]);
    expect(
      sentence({
        ...staff('Liu Yang'),
        action: 'mail.resent',
        details: {
          messageId: 'a',
          resendId: 'b',
          kind: 'request.rejected',
          to: 'x@example.cn',
          subject: 'Hello',
        },
      }),
    ).toBe(
      'Liu Yang resent the mail “Hello”, whose delivery is unknown, to x@example.cn as a new message',
    );
  });
});
