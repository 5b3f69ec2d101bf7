import { beforeEach, describe, expect, it } from '@jest/globals';
import type { Command } from '@nestjs/cqrs';
import {
  aNewRequest,
  checksOf,
  claimAndCheck,
  claimCheckAndApprove,
  staffActor,
  type CommandSender,
} from '../../../../test/support/review-flow.js';
import type { EventContext } from '../../../shared/application/domain-events.js';
import { InMemoryDomainEventRecorder } from '../../../shared/infrastructure/in-memory/in-memory-domain-event-recorder.js';
import { InMemoryUnitOfWork } from '../../../shared/infrastructure/in-memory/in-memory-unit-of-work.js';
import { SettableClock } from '../../../shared/infrastructure/clock/system-clock.js';
import type { InitializationRequest } from '../../domain/initialization-request.js';
import {
  ChecksIncompleteError,
  IncompleteDecisionError,
  RequestAlreadyClaimedError,
  RequestNotFoundError,
  SameReviewerSecondApprovalError,
  StaleRequestError,
  SubjectNotRegisteredError,
} from '../../domain/initialization-request.errors.js';
import { InMemoryInitializationRequestRepository } from '../../infrastructure/in-memory/in-memory-initialization-request.repository.js';
import { ApprovalEffects } from '../approval-effects.js';
import type { FilingRegistryGateway, RegisteredSubject } from '../ports/filing-registry.gateway.js';
import { RequestChanges } from '../request-changes.js';
import { ApproveRequestCommand } from './approve-request/approve-request.command.js';
import { ApproveRequestHandler } from './approve-request/approve-request.handler.js';
import { ClaimRequestCommand } from './claim-request/claim-request.command.js';
import { ClaimRequestHandler } from './claim-request/claim-request.handler.js';
import { GiveSecondApprovalCommand } from './give-second-approval/give-second-approval.command.js';
import { GiveSecondApprovalHandler } from './give-second-approval/give-second-approval.handler.js';
import { RecordDocumentChecksCommand } from './record-document-checks/record-document-checks.command.js';
import { RecordDocumentChecksHandler } from './record-document-checks/record-document-checks.handler.js';
import { RejectRequestCommand } from './reject-request/reject-request.command.js';
import { RejectRequestHandler } from './reject-request/reject-request.handler.js';

// The review command handlers on the in-memory adapters, which the shared contract
// (test/contracts/initialization-request-repository.contract.ts) holds to the TypeORM ones.
// What reaches PostgreSQL, the audit trail and the web stays proved by test/e2e/review.e2e-spec.ts.

/** The registry as review sees it: subjects by filing number, and the approvals' writes. */
class FakeFilingRegistry implements FilingRegistryGateway {
  readonly subjects = new Map<string, RegisteredSubject>();
  readonly emailChanges: { subjectId: string; newEmail: string; requestId: string }[] = [];
  failNextWrite = false;

  register(filingNumber: string): RegisteredSubject {
    const subject: RegisteredSubject = {
      id: `subject-${this.subjects.size + 1}`,
      type: 'INDIVIDUAL',
      name: '王小明',
      credentialNumber: '11010519491231002X',
      province: '浙',
      filingNumber,
      accountEmail: 'old-owner@example.cn',
      aliyunAccountId: null,
      accountEmailChangedAt: null,
      websites: [],
    };
    this.subjects.set(filingNumber, subject);
    return subject;
  }

  async findSubjectAndAccountHolder(subjectFilingNumber: string, aliyunAccountId: string) {
    const subject = this.subjects.get(subjectFilingNumber) ?? null;
    const accountHolder =
      [...this.subjects.values()].find((other) => other.aliyunAccountId === aliyunAccountId) ??
      null;
    return { subject, accountHolder };
  }

  async replaceAccountEmail(
    change: { subjectId: string; newEmail: string; aliyunAccountId: string; requestId: string },
    _context: EventContext,
  ): Promise<void> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('the registry refused the write');
    }
    this.emailChanges.push({
      subjectId: change.subjectId,
      newEmail: change.newEmail,
      requestId: change.requestId,
    });
  }
}

const t0 = new Date('2026-11-23T02:00:00Z');
const liNa = staffActor('REVIEWER', 'Li Na');
const zhangWei = staffActor('REVIEWER', 'Zhang Wei');
const wangFang = staffActor('SENIOR_REVIEWER', 'Wang Fang');
const chenJie = staffActor('SENIOR_REVIEWER', 'Chen Jie');

let requests: InMemoryInitializationRequestRepository;
let events: InMemoryDomainEventRecorder;
let registry: FakeFilingRegistry;
let clock: SettableClock;
let bus: CommandSender;

beforeEach(() => {
  const unitOfWork = new InMemoryUnitOfWork();
  requests = new InMemoryInitializationRequestRepository({ unitOfWork });
  events = new InMemoryDomainEventRecorder(unitOfWork);
  registry = new FakeFilingRegistry();
  clock = new SettableClock(t0);
  const changes = new RequestChanges(requests, unitOfWork, events, clock);
  const effects = new ApprovalEffects(registry, requests, changes);
  const handlers = new Map<unknown, { execute(command: never): Promise<unknown> }>([
    [ClaimRequestCommand, new ClaimRequestHandler(changes)],
    [RecordDocumentChecksCommand, new RecordDocumentChecksHandler(changes)],
    [ApproveRequestCommand, new ApproveRequestHandler(changes, effects)],
    [GiveSecondApprovalCommand, new GiveSecondApprovalHandler(changes, effects)],
    [RejectRequestCommand, new RejectRequestHandler(changes)],
  ]);
  bus = {
    execute: <R>(command: Command<R>) =>
      handlers.get(command.constructor)!.execute(command as never) as Promise<R>,
  };
});

/** A request as it arrives, stored; its subject registered unless told otherwise. */
async function received(
  options: Parameters<typeof aNewRequest>[0] & { registered?: boolean } = {},
): Promise<InitializationRequest> {
  const { registered = true, ...rest } = options;
  const request = aNewRequest({ receivedAt: t0, ...rest });
  await requests.insert(request);
  if (registered) registry.register(request.subjectFilingNumber);
  return request;
}

const reload = async (request: InitializationRequest) => (await requests.findById(request.id))!;

describe('claiming a request', () => {
  it('puts it in review, held by the reviewer, and records who claimed it', async () => {
    const request = await received();
    await bus.execute(new ClaimRequestCommand(request.id, liNa, '203.0.113.7'));
    const claimed = await reload(request);
    expect(claimed.status).toBe('IN_REVIEW');
    expect(claimed.assigneeId).toBe(liNa.id);
    expect(events.recorded.at(-1)).toMatchObject({
      event: { type: 'request.claimed', requestId: request.id, occurredAt: t0 },
      context: { actor: liNa, ip: '203.0.113.7' },
    });
  });

  it('is refused to a second reviewer, and the request stays with the first', async () => {
    const request = await received();
    await bus.execute(new ClaimRequestCommand(request.id, liNa, null));
    await expect(bus.execute(new ClaimRequestCommand(request.id, zhangWei, null))).rejects.toThrow(
      RequestAlreadyClaimedError,
    );
    expect((await reload(request)).assigneeId).toBe(liNa.id);
    expect(events.types(request.id)).toEqual(['request.claimed']);
  });

  it('is refused as stale when the request changed since the reviewer saw it', async () => {
    const request = await received();
    await expect(
      bus.execute(new ClaimRequestCommand(request.id, liNa, null, request.version + 7)),
    ).rejects.toThrow(StaleRequestError);
    expect((await reload(request)).status).toBe('PENDING_REVIEW');
  });

  it('says so when the request does not exist', async () => {
    await expect(
      bus.execute(new ClaimRequestCommand('00000000-0000-4000-8000-000000000000', liNa, null)),
    ).rejects.toThrow(RequestNotFoundError);
  });
});

describe('recording document checks', () => {
  it('keeps each check with who made it and when', async () => {
    const request = await received();
    clock.set('2026-11-23T02:05:00Z');
    await claimAndCheck(bus, request, liNa, () => ({ note: '  sharp and readable ' }));
    const checks = (await reload(request)).toProps().checks;
    expect(checks).toHaveLength(request.currentDocuments.length);
    expect(checks[0]).toMatchObject({
      checkedBy: liNa.id,
      checkedByName: 'Li Na',
      checkedAt: new Date('2026-11-23T02:05:00Z'),
      note: 'sharp and readable',
    });
    expect(events.types(request.id)).toEqual(['request.claimed', 'request.checks_recorded']);
  });
});

describe('approving', () => {
  it("approves an individual's request at once and hands the account email over", async () => {
    const request = await received();
    expect(await claimCheckAndApprove(bus, request, liNa)).toBe('APPROVED');
    const approved = await reload(request);
    expect(approved.status).toBe('APPROVED');
    expect(approved.toProps().decision).toMatchObject({ outcome: 'APPROVED', by: liNa.id });
    expect(registry.emailChanges).toEqual([
      {
        subjectId: approved.subjectId,
        newEmail: request.newAccountEmail,
        requestId: request.id,
      },
    ]);
    expect(events.types(request.id)).toEqual([
      'request.claimed',
      'request.checks_recorded',
      'request.approved',
    ]);
  });

  it('refuses while a check failed, and changes nothing', async () => {
    const request = await received();
    const [first] = request.currentDocuments;
    await claimAndCheck(bus, request, liNa, (documentId) =>
      documentId === first!.id ? { legible: false } : {},
    );
    const before = await reload(request);
    await expect(bus.execute(new ApproveRequestCommand(request.id, liNa, null))).rejects.toThrow(
      ChecksIncompleteError,
    );
    expect((await reload(request)).toProps()).toEqual(before.toProps());
    expect(registry.emailChanges).toEqual([]);
  });

  it('refuses a request whose subject is not in the registry', async () => {
    const request = await received({ registered: false });
    await expect(claimCheckAndApprove(bus, request, liNa)).rejects.toThrow(
      SubjectNotRegisteredError,
    );
    expect((await reload(request)).status).toBe('IN_REVIEW');
  });

  it('keeps nothing of an approval whose registry write fails', async () => {
    const request = await received();
    await claimAndCheck(bus, request, liNa);
    const recorded = events.recorded.length;
    registry.failNextWrite = true;
    await expect(bus.execute(new ApproveRequestCommand(request.id, liNa, null))).rejects.toThrow(
      'the registry refused the write',
    );
    expect((await reload(request)).status).toBe('IN_REVIEW');
    expect(events.recorded).toHaveLength(recorded);
  });

  it('flags every other open request for the same subject as a duplicate', async () => {
    const request = await received();
    const sibling = await received({ subjectFilingNumber: request.subjectFilingNumber });
    await claimCheckAndApprove(bus, request, liNa);
    expect((await reload(sibling)).riskFlags).toContain('DUPLICATE_OPEN_REQUEST');
    expect(events.recorded.at(-1)).toMatchObject({
      event: {
        type: 'request.flagged',
        requestId: sibling.id,
        details: { because: `${request.reference} was approved for the same subject` },
      },
    });
  });

  it("leaves an organization's request waiting for a second senior", async () => {
    const request = await received({ subjectType: 'ORGANIZATION' });
    expect(await claimCheckAndApprove(bus, request, liNa)).toBe('AWAITING_SECOND_APPROVAL');
    expect((await reload(request)).status).toBe('AWAITING_SECOND_APPROVAL');
    expect(registry.emailChanges).toEqual([]);
  });
});

describe('the second approval', () => {
  it('by another senior makes the approval final', async () => {
    const request = await received({ subjectType: 'ORGANIZATION' });
    await claimCheckAndApprove(bus, request, liNa);
    await bus.execute(new GiveSecondApprovalCommand(request.id, wangFang, null));
    const approved = await reload(request);
    expect(approved.status).toBe('APPROVED');
    expect(approved.toProps().secondApproval).toMatchObject({ by: wangFang.id });
    expect(registry.emailChanges.map((change) => change.requestId)).toEqual([request.id]);
    expect(events.types(request.id).at(-1)).toBe('request.second_approval_given');
  });

  it('by the first approver is refused', async () => {
    const request = await received({ subjectType: 'ORGANIZATION' });
    await claimCheckAndApprove(bus, request, chenJie);
    await expect(
      bus.execute(new GiveSecondApprovalCommand(request.id, chenJie, null)),
    ).rejects.toThrow(SameReviewerSecondApprovalError);
    expect((await reload(request)).status).toBe('AWAITING_SECOND_APPROVAL');
  });
});

describe('rejecting', () => {
  it('decides the request with the reasons and the message to the applicant', async () => {
    const request = await received();
    await claimAndCheck(bus, request, liNa);
    await bus.execute(
      new RejectRequestCommand(
        request.id,
        liNa,
        ['DOCUMENT_UNCLEAR'],
        ' Please send a sharper photo. ',
        null,
      ),
    );
    const rejected = await reload(request);
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.toProps().decision).toMatchObject({
      outcome: 'REJECTED',
      reasons: ['DOCUMENT_UNCLEAR'],
      message: 'Please send a sharper photo.',
    });
    expect(events.types(request.id).at(-1)).toBe('request.rejected');
  });

  it('without a reason or a message is refused, and the request stays in review', async () => {
    const request = await received();
    await bus.execute(new ClaimRequestCommand(request.id, liNa, null));
    await expect(
      bus.execute(new RejectRequestCommand(request.id, liNa, [], ' ', null)),
    ).rejects.toThrow(IncompleteDecisionError);
    expect((await reload(request)).status).toBe('IN_REVIEW');
  });

  it('by a second senior instead of the second approval is allowed', async () => {
    const request = await received({ subjectType: 'ORGANIZATION' });
    await claimCheckAndApprove(bus, request, liNa);
    await bus.execute(
      new RejectRequestCommand(
        request.id,
        wangFang,
        ['SUSPECTED_FRAUD'],
        'We cannot accept it.',
        null,
      ),
    );
    expect((await reload(request)).status).toBe('REJECTED');
  });
});

// The checks the helper records are the ones a reviewer would send.
it('checksOf answers yes to every question unless told otherwise', () => {
  expect(checksOf(['d1'], () => ({ valid: false }))).toEqual([
    {
      documentId: 'd1',
      legible: true,
      authentic: true,
      valid: false,
      matchesApplication: true,
      note: '',
    },
  ]);
});
