import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { BusinessCalendar } from '@lib/business-calendar';
import { ApproveRequestCommand } from '../initialization/application/commands/approve-request/approve-request.command.js';
import { ClaimRequestCommand } from '../initialization/application/commands/claim-request/claim-request.command.js';
import { GiveSecondApprovalCommand } from '../initialization/application/commands/give-second-approval/give-second-approval.command.js';
import { RecordDocumentChecksCommand } from '../initialization/application/commands/record-document-checks/record-document-checks.command.js';
import { RejectRequestCommand } from '../initialization/application/commands/reject-request/reject-request.command.js';
import { RequestInformationCommand } from '../initialization/application/commands/request-information/request-information.command.js';
import { ResubmitDocumentsCommand } from '../initialization/application/commands/resubmit-documents/resubmit-documents.command.js';
import { ReturnForReviewCommand } from '../initialization/application/commands/return-for-review/return-for-review.command.js';
import {
  SubmitRequestCommand,
  type UploadedDocument,
} from '../initialization/application/commands/submit-request/submit-request.command.js';
import { WithdrawRequestCommand } from '../initialization/application/commands/withdraw-request/withdraw-request.command.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../initialization/application/ports/initialization-request.repository.js';
import type { DocumentKind } from '../initialization/domain/document-kind.js';
import type { RejectReason } from '../initialization/domain/reject-reason.js';
import { RunSlaWatchCommand } from '../sla/application/commands/run-sla-watch/run-sla-watch.command.js';
import type { StaffActor } from '../shared/domain/actor.js';
import { DomainError } from '../shared/domain/domain-error.js';
import type { SettableClock } from '../shared/infrastructure/clock/system-clock.js';
import { authorizationLetterPdf, documentImages } from './document-images.js';
import { makePerson, pick, type DemoPerson, type DemoSubject } from './demo-registry.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The intake client the demo's requests come from. */
export const DEMO_INTAKE_CLIENT = 'demo-portal';

export interface DemoCast {
  reviewers: StaffActor[];
  seniors: StaffActor[];
  /** 李娜 (li.na@…): the reviewer the README suggests signing in as. */
  featured: StaffActor;
}

type Fate = 'approve' | 'reject' | 'ask' | 'withdraw' | 'linger';

/**
 * Plays a few weeks of the desk's life with a clock that moves forward: the
 * public system sends requests (some built to raise each risk flag),
 * reviewers claim, check and decide them through the real commands, seniors
 * give second approvals, applicants answer requests for information (or
 * not), and the SLA watch runs every half hour. The audit trail, the outbox
 * and every SLA situation come out as they would in real use.
 */
export class DemoHistory {
  private readonly queue: { at: number; order: number; run: () => Promise<void> }[] = [];
  private order = 0;
  private readonly faces = new Map<string, UploadedDocument[]>();
  private readonly commands: CommandBus;
  private readonly requests: InitializationRequestRepository;

  constructor(
    app: INestApplicationContext,
    private readonly clock: SettableClock,
    private readonly calendar: BusinessCalendar,
    private readonly subjects: readonly DemoSubject[],
    private readonly cast: DemoCast,
    private readonly random: () => number,
  ) {
    this.commands = app.get(CommandBus);
    this.requests = app.get<InitializationRequestRepository>(INITIALIZATION_REQUEST_REPOSITORY);
  }

  async play(
    from: Date,
    until: Date,
    perBusinessDay: number,
    log: (line: string) => void,
  ): Promise<number> {
    let submitted = 0;
    for (let day = from.getTime(); day < until.getTime(); day += DAY) {
      const business = this.calendar.isBusinessDay(new Date(day + 4 * HOUR));
      const count = business
        ? perBusinessDay - 2 + Math.floor(this.random() * 5)
        : Math.floor(this.random() * 3);
      for (let index = 0; index < count; index += 1) {
        // Mostly office hours, some evenings and nights (after 18:00 the clock starts next business day).
        const hour = this.random() < 0.8 ? 8 + this.random() * 10 : 18 + this.random() * 6;
        const at = day + hour * HOUR;
        if (at < until.getTime()) this.schedule(at, async () => void (await this.submit(until)));
        submitted += 1;
      }
    }
    for (let at = from.getTime(); at < until.getTime(); at += HOUR / 2) {
      this.schedule(
        at + 5 * 60_000,
        async () => void (await this.commands.execute(new RunSlaWatchCommand())),
      );
    }
    let done = 0;
    while (this.queue.length > 0) {
      this.queue.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.queue.shift()!;
      if (next.at > until.getTime()) continue;
      this.clock.set(new Date(next.at));
      try {
        await next.run();
      } catch (error) {
        // The demo's reviewers meet the same refusals real ones do; skip and go on.
        if (!(error instanceof DomainError)) throw error;
      }
      done += 1;
      if (done % 500 === 0) log(`  … ${new Date(next.at).toISOString().slice(0, 10)}`);
    }
    return submitted;
  }

  private schedule(at: number, run: () => Promise<void>): void {
    this.queue.push({ at, order: (this.order += 1), run });
  }

  /** The next moment staff are at work: now if within business hours, else 09:00 of the next business day. */
  private atWork(at: number): number {
    return (
      this.calendar.effectiveStart(new Date(at)).getTime() + Math.floor(this.random() * 40) * 60_000
    );
  }

  private hours(min: number, max: number): number {
    return (min + this.random() * (max - min)) * HOUR;
  }

  private async submit(until: Date): Promise<void> {
    const now = this.clock.now();
    const roll = this.random();
    const subject = pick(this.random, this.subjects);
    const scenario =
      roll < 0.05
        ? 'unknown'
        : roll < 0.09
          ? 'mismatch'
          : roll < 0.12
            ? 'taken-account'
            : roll < 0.15
              ? 'bad-checksum'
              : 'clean';
    const individual = subject.type === 'INDIVIDUAL';
    const role = individual
      ? 'SUBJECT_ADMIN'
      : pick(this.random, ['SUBJECT_ADMIN', 'WEBSITE_ADMIN', 'OTHER'] as const);
    const applicant: DemoPerson =
      individual || role === 'SUBJECT_ADMIN' ? subject.administrator : makePerson(this.random);
    const filingNumber =
      scenario === 'unknown'
        ? `${subject.province}ICP备2025${String(Math.floor(this.random() * 999_999)).padStart(6, '0')}号`
        : subject.filingNumber;
    const other = pick(
      this.random,
      this.subjects.filter((candidate) => candidate.aliyunAccountId && candidate !== subject),
    );
    const credential =
      scenario === 'bad-checksum'
        ? subject.credentialNumber.slice(0, 17) +
          (subject.credentialNumber.endsWith('1') ? '2' : '1')
        : subject.credentialNumber;
    const documents = await this.documentsOf(
      applicant,
      // The PDF's standard font has no Chinese glyphs: the letter names the filing by its number.
      !individual && role === 'OTHER' ? `ICP ${subject.filingNumber.replace(/\D/g, '')}` : null,
    );
    const { request } = await this.commands.execute(
      new SubmitRequestCommand(
        DEMO_INTAKE_CLIENT,
        {
          externalId: `demo-${now.getTime()}-${Math.floor(this.random() * 1e6)}`,
          receivedAt: now,
          subjectType: subject.type,
          filingNumber: pick(this.random, [
            filingNumber,
            ...subject.websites.map((site) => site.filingNumber),
          ]),
          subjectFilingNumber: filingNumber,
          province: subject.province,
          subjectName: scenario === 'mismatch' ? `${subject.name}（分公司）` : subject.name,
          credentialNumber: credential,
          applicant: {
            name: applicant.name,
            idNumber: applicant.idNumber,
            role,
            phone: `13${String(Math.floor(this.random() * 1e9)).padStart(9, '0')}`,
          },
          newAccountEmail: `${applicant.latin.toLowerCase().replace(' ', '.')}${Math.floor(this.random() * 1000)}@mail.example.cn`,
          aliyunAccountId:
            scenario === 'taken-account' && other?.aliyunAccountId
              ? other.aliyunAccountId
              : String(2_000_000_000_000_000 + Math.floor(this.random() * 1e12)),
        },
        documents,
        '203.0.113.10',
      ),
    );
    this.plan(request.id, request.riskFlags, now.getTime(), until);
  }

  private plan(requestId: string, flags: string[], receivedAt: number, until: Date): void {
    // The last days' requests are mostly still open (some of them past their deadline by now).
    const age = until.getTime() - receivedAt;
    const lingering = age < DAY ? 0.7 : age < 3 * DAY ? 0.45 : age < 6 * DAY ? 0.12 : 0;
    const roll = this.random();
    let fate: Fate =
      this.random() < lingering
        ? 'linger'
        : roll < 0.03
          ? 'withdraw'
          : roll < 0.68
            ? 'approve'
            : roll < 0.84
              ? 'reject'
              : 'ask';
    let reasons: RejectReason[] = [
      pick(this.random, [
        'DOCUMENT_UNCLEAR',
        'DOCUMENT_INVALID',
        'INFO_MISMATCH',
        'DOCUMENT_MISSING',
      ] as const),
    ];
    if (flags.includes('ACCOUNT_HOLDS_OTHER_SUBJECT'))
      [fate, reasons] = ['reject', ['ACCOUNT_HOLDS_OTHER_SUBJECT']];
    else if (flags.includes('SUBJECT_NOT_FOUND')) [fate, reasons] = ['reject', ['INFO_MISMATCH']];
    if (fate === 'withdraw') {
      this.schedule(receivedAt + this.hours(1, 30), async () => {
        await this.commands.execute(
          new WithdrawRequestCommand(DEMO_INTAKE_CLIENT, requestId, null),
        );
      });
      return;
    }
    // Lingering: unclaimed, or claimed, or claimed and checked but not decided.
    const stage = fate === 'linger' ? this.random() : 1;
    if (stage < 0.45) return;
    const reviewer =
      this.random() < 0.35
        ? this.cast.featured
        : pick(this.random, [...this.cast.reviewers, ...this.cast.seniors]);
    const claimAt = this.atWork(receivedAt + this.hours(0.2, 6));
    this.schedule(claimAt, () =>
      this.commands.execute(new ClaimRequestCommand(requestId, reviewer, null)),
    );
    if (stage < 0.75) return;
    // Now and then a decision comes late, past the deadline.
    const slow = this.random() < 0.1 ? this.hours(40, 70) : 0;
    const decideAt = this.atWork(claimAt + this.hours(0.3, 4) + slow);
    this.schedule(decideAt - 10 * 60_000, () => this.checkAll(requestId, reviewer));
    if (fate === 'linger') return;
    this.schedule(decideAt, () => this.decide(requestId, reviewer, fate, reasons, until));
  }

  private async checkAll(
    requestId: string,
    reviewer: StaffActor,
    failing?: DocumentKind,
  ): Promise<void> {
    const request = await this.requests.findById(requestId);
    if (!request) return;
    const checks = request.currentDocuments.map((document) => ({
      documentId: document.id,
      legible: document.kind !== failing,
      authentic: true,
      valid: true,
      matchesApplication: true,
      note: document.kind === failing ? '照片太暗，看不清身份证号码。' : '',
    }));
    await this.commands.execute(new RecordDocumentChecksCommand(requestId, reviewer, checks, null));
  }

  private async decide(
    requestId: string,
    reviewer: StaffActor,
    fate: Fate,
    reasons: RejectReason[],
    until: Date,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    if (fate === 'reject') {
      await this.commands.execute(
        new RejectRequestCommand(
          requestId,
          reviewer,
          reasons,
          REJECTION_MESSAGES[reasons[0]!],
          null,
        ),
      );
      return;
    }
    if (fate === 'ask') {
      const kind = pick(this.random, ['ID_BACK', 'HALF_LENGTH_PHOTO'] as const);
      await this.checkAll(requestId, reviewer, kind);
      await this.commands.execute(
        new RequestInformationCommand(
          requestId,
          reviewer,
          [kind],
          [],
          kind === 'ID_BACK'
            ? '身份证国徽面照片太暗，无法辨认，请重新上传清晰的照片。 The back of the ID card is too dark to read; please send a clearer one.'
            : '手持证件半身照太暗，无法辨认，请重新上传清晰的照片。 The half-length photo is too dark to read; please send a clearer one.',
          null,
        ),
      );
      if (this.random() < 0.7) {
        const answerAt = now + this.hours(6, 80);
        this.schedule(answerAt, async () => {
          const request = await this.requests.findById(requestId);
          const props = request?.toProps();
          if (!props || props.status !== 'AWAITING_APPLICANT') return;
          const person = {
            name: props.applicant.name,
            latin: 'RESUBMITTED',
            idNumber: props.applicant.idNumber,
          };
          const fresh = (await this.documentsOf(person, null, answerAt)).filter(
            (document) => document.kind === kind,
          );
          await this.commands.execute(
            new ResubmitDocumentsCommand(DEMO_INTAKE_CLIENT, requestId, fresh, '203.0.113.10'),
          );
          const again = this.atWork(answerAt + this.hours(0.5, 5));
          this.schedule(again - 10 * 60_000, () => this.checkAll(requestId, reviewer));
          this.schedule(again, () =>
            this.decide(
              requestId,
              reviewer,
              this.random() < 0.8 ? 'approve' : 'reject',
              ['DOCUMENT_INVALID'],
              until,
            ),
          );
        });
      }
      return;
    }
    const outcome = await this.commands.execute(
      new ApproveRequestCommand(requestId, reviewer, null),
    );
    if (outcome !== 'AWAITING_SECOND_APPROVAL') return;
    const senior = pick(
      this.random,
      this.cast.seniors.filter((candidate) => candidate.id !== reviewer.id),
    );
    const secondAt = this.atWork(now + this.hours(0.5, 7));
    if (this.random() < 0.12) {
      this.schedule(secondAt, () =>
        this.commands.execute(
          new ReturnForReviewCommand(
            requestId,
            senior,
            '通过前请将授权书上的公章与备案记录核对。',
            null,
          ),
        ),
      );
      this.schedule(this.atWork(secondAt + this.hours(1, 4)), () =>
        this.decide(requestId, reviewer, 'approve', reasons, until),
      );
    } else {
      this.schedule(secondAt, () =>
        this.commands.execute(new GiveSecondApprovalCommand(requestId, senior, null)),
      );
    }
  }

  /** ID card sides, a half-length photo and (when needed) the stamped letter; generated once per person. */
  private async documentsOf(
    person: DemoPerson,
    letterFor: string | null,
    variant = 0,
  ): Promise<UploadedDocument[]> {
    const key = `${person.idNumber}:${variant}:${letterFor ?? ''}`;
    const known = this.faces.get(key);
    if (known) return known;
    const face = {
      name: person.latin,
      idNumber: person.idNumber,
      seed: (variant % 997) + person.idNumber.charCodeAt(10),
    };
    const documents: UploadedDocument[] = [
      {
        kind: 'ID_FRONT',
        content: documentImages.idFrontJpeg(face),
        mediaType: 'image/jpeg',
        originalName: 'IMG_0412.jpg',
      },
      {
        kind: 'ID_BACK',
        content: documentImages.idBackJpeg(face),
        mediaType: 'image/jpeg',
        originalName: 'IMG_0413.jpg',
      },
      {
        kind: 'HALF_LENGTH_PHOTO',
        content: documentImages.halfLengthPhotoJpeg(face),
        mediaType: 'image/jpeg',
        originalName: '手持身份证.jpg',
      },
    ];
    if (letterFor) {
      documents.push({
        kind: 'AUTHORIZATION_LETTER',
        content: await authorizationLetterPdf({
          company: `The filing subject of ${letterFor}`,
          applicant: `${person.latin} (ID ${person.idNumber.slice(0, 6)}****)`,
          filingNumber: letterFor,
          date: this.clock.now().toISOString().slice(0, 10),
        }),
        mediaType: 'application/pdf',
        originalName: '授权书.pdf',
      });
    }
    this.faces.set(key, documents);
    return documents;
  }
}

const REJECTION_MESSAGES: Record<RejectReason, string> = {
  DOCUMENT_UNCLEAR:
    '您上传的证件照片不清晰，无法辨认。请重新提交清晰的照片。 The ID photos are not clear enough to read; please apply again with clear photos.',
  DOCUMENT_MISSING: '缺少必要材料。 A required document is missing.',
  DOCUMENT_INVALID:
    '证件已过期或无法核实真实性。 The ID card has expired or could not be verified.',
  INFO_MISMATCH:
    '填写的备案信息与备案记录不一致。 The filing information does not match the filing record.',
  AUTHORIZATION_LETTER_INVALID:
    '授权书未加盖公章。 The authorization letter carries no company seal.',
  ACCOUNT_HOLDS_OTHER_SUBJECT:
    '该阿里云账号已有其他备案主体。 This Alibaba Cloud account already holds another filing subject.',
  SUSPECTED_FRAUD: '材料存在疑点。 The documents raised doubts.',
  OTHER: '请联系客服。 Please contact support.',
};
