import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { InitializationRequestRepository } from '../../src/initialization/application/ports/initialization-request.repository.js';
import type { RequestNotes } from '../../src/initialization/application/ports/request-notes.js';
import type {
  InitializationRequest,
  InitializationRequestProps,
} from '../../src/initialization/domain/initialization-request.js';
import {
  RequestNotFoundError,
  StaleRequestError,
} from '../../src/initialization/domain/initialization-request.errors.js';
import type { DomainEventRecorder } from '../../src/shared/application/domain-events.js';
import type { UnitOfWork } from '../../src/shared/application/unit-of-work.js';
import { aNewRequest, checksOf, staffActor, uniqueFilingNumber } from '../support/review-flow.js';

/**
 * The adapters under test, sharing one store: the repository, the notes, the unit of
 * work they write in and the recorder of domain events.
 */
export interface RequestStore {
  requests: InitializationRequestRepository;
  notes: RequestNotes;
  unitOfWork: UnitOfWork;
  events: DomainEventRecorder;
}

const t0 = new Date('2026-11-23T02:00:00Z');
const at = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);
const liNa = staffActor('REVIEWER', 'Li Na');

/**
 * What the state of a request must look like after a round trip: everything, with the
 * checks in document order (SQL returns them in no particular order).
 */
function state(request: InitializationRequest): Omit<InitializationRequestProps, 'version'> {
  const { version: _version, ...props } = request.toProps();
  return {
    ...props,
    checks: [...props.checks].sort((a, b) => a.documentId.localeCompare(b.documentId)),
  };
}

/**
 * The contract of the initialization request repository (and of the unit of work it
 * writes in), run against every adapter: the TypeORM one on the real database
 * (test/e2e/initialization-request-repository.e2e-spec.ts) and the in-memory one the
 * handler unit tests use (src/initialization/infrastructure/in-memory/…spec.ts). The
 * database may hold other tests' requests, so every test makes its own (fresh ids,
 * filing numbers and hashes) and reads only those.
 */
export function initializationRequestRepositoryContract(
  adapter: string,
  store: () => RequestStore,
): void {
  describe(`the initialization request repository (${adapter})`, () => {
    async function stored(
      options: Parameters<typeof aNewRequest>[0] = {},
    ): Promise<InitializationRequest> {
      const { requests } = store();
      const request = aNewRequest({ reference: await requests.nextReference(t0), ...options });
      expect(await requests.insert(request)).toBe('inserted');
      return (await requests.findById(request.id))!;
    }

    /** Loads, changes and saves a stored request inside a unit of work. */
    async function change(
      id: string,
      act: (request: InitializationRequest) => void,
    ): Promise<void> {
      const { requests, unitOfWork } = store();
      await unitOfWork.run(async () => {
        const request = await requests.getForUpdate(id);
        act(request);
        await requests.save(request);
      });
    }

    it('gives back an inserted request as it was submitted, at version 1', async () => {
      const { requests } = store();
      const request = aNewRequest({
        reference: await requests.nextReference(t0),
        subjectType: 'ORGANIZATION',
        flags: ['SUBJECT_MISMATCH'],
      });
      expect(await requests.insert(request)).toBe('inserted');
      const loaded = await requests.findById(request.id);
      expect(loaded).not.toBeNull();
      expect(state(loaded!)).toEqual(state(request));
      expect(loaded!.version).toBe(1);
    });

    it('keeps every change a save makes, and counts the version up', async () => {
      const { requests } = store();
      const request = await stored();
      await change(request.id, (loaded) => {
        loaded.claim(liNa, at(1));
        loaded.recordChecks(
          liNa,
          checksOf(
            loaded.currentDocuments.map((document) => document.id),
            () => ({ note: 'looks fine' }),
          ),
          at(2),
        );
        loaded.reject(liNa, ['DOCUMENT_UNCLEAR'], 'Please send a sharper photo.', at(3));
      });
      const expected = (await requests.findById(request.id))!;
      expect(expected.version).toBe(2);
      expect(expected.status).toBe('REJECTED');
      const props = expected.toProps();
      expect(props.assigneeId).toBe(liNa.id);
      expect(props.checks).toHaveLength(3);
      expect(props.checks.every((check) => check.note === 'looks fine')).toBe(true);
      expect(props.decision).toMatchObject({
        outcome: 'REJECTED',
        reasons: ['DOCUMENT_UNCLEAR'],
        at: at(3),
      });
    });

    it('refuses to save a request somebody changed since it was loaded', async () => {
      const { requests } = store();
      const request = await stored();
      const first = (await requests.findById(request.id))!;
      const second = (await requests.findById(request.id))!;
      first.claim(liNa, at(1));
      await requests.save(first);
      second.claim(staffActor('REVIEWER', 'Zhang Wei'), at(1));
      await expect(requests.save(second)).rejects.toThrow(StaleRequestError);
      expect((await requests.findById(request.id))!.assigneeId).toBe(liNa.id);
    });

    it('refuses to save a request that was never stored', async () => {
      await expect(store().requests.save(aNewRequest())).rejects.toThrow(StaleRequestError);
    });

    it('finds nothing for an unknown id, and getForUpdate says the request is not there', async () => {
      const { requests, unitOfWork } = store();
      const unknown = randomUUID();
      expect(await requests.findById(unknown)).toBeNull();
      expect(await requests.findWithNotes(unknown)).toBeNull();
      await expect(unitOfWork.run(() => requests.getForUpdate(unknown))).rejects.toThrow(
        RequestNotFoundError,
      );
    });

    it('finds a request by its intake client and external id', async () => {
      const { requests } = store();
      const externalId = `ext-${randomUUID()}`;
      const request = await stored({ intakeClient: 'test-client', externalId });
      expect((await requests.findByExternalId('test-client', externalId))?.id).toBe(request.id);
      expect(await requests.findByExternalId('other-client', externalId)).toBeNull();
    });

    it('reports a second request with the same external id from the same client as a duplicate', async () => {
      const { requests } = store();
      const externalId = `ext-${randomUUID()}`;
      const first = await stored({ externalId });
      const again = aNewRequest({ reference: await requests.nextReference(t0), externalId });
      expect(await requests.insert(again)).toBe('duplicate');
      expect(await requests.findById(again.id)).toBeNull();
      expect((await requests.findByExternalId('test-client', externalId))?.id).toBe(first.id);
      const fromOtherClient = aNewRequest({
        reference: await requests.nextReference(t0),
        externalId,
        intakeClient: 'other-client',
      });
      expect(await requests.insert(fromOtherClient)).toBe('inserted');
    });

    it('hands out a new reference each time, with the year of receipt in Shanghai', async () => {
      const { requests } = store();
      const first = await requests.nextReference(t0);
      const second = await requests.nextReference(t0);
      expect(first).toMatch(/^INIT-2026-\d{6}$/);
      expect(second).not.toBe(first);
      // 31 December 2026, 17:00 UTC is already 1 January 2027 in Shanghai.
      expect(await requests.nextReference(new Date('2026-12-31T17:00:00Z'))).toMatch(
        /^INIT-2027-\d{6}$/,
      );
    });

    it('reads a request with its notes, oldest first', async () => {
      const { requests, notes } = store();
      const request = await stored();
      const bare = await stored();
      const note = (text: string, minutes: number) => ({
        requestId: request.id,
        authorId: liNa.id,
        authorName: liNa.name,
        authorRole: 'REVIEWER' as const,
        text,
        writtenAt: at(minutes),
      });
      const laterId = await notes.add(note('the letter is on its way', 5));
      const earlierId = await notes.add(note('called the applicant', 2));
      const read = await requests.findWithNotes(request.id);
      expect(read?.request.id).toBe(request.id);
      expect(read?.notes).toEqual([
        { ...note('called the applicant', 2), id: earlierId },
        { ...note('the letter is on its way', 5), id: laterId },
      ]);
      expect((await requests.findWithNotes(bare.id))?.notes).toEqual([]);
    });

    it('lists the open requests a reviewer holds, the earliest due first', async () => {
      const { requests } = store();
      const holder = staffActor('REVIEWER', 'Li Na');
      const dueLater = await stored({ deadline: { dueAt: at(3000), atRiskAt: at(2000) } });
      const dueSooner = await stored({ deadline: { dueAt: at(1000), atRiskAt: at(500) } });
      const decided = await stored();
      const unheld = await stored();
      for (const request of [dueLater, dueSooner, decided])
        await change(request.id, (loaded) => loaded.claim(holder, at(1)));
      await change(decided.id, (loaded) =>
        loaded.reject(holder, ['OTHER'], 'Not this time.', at(2)),
      );
      const held = await requests.heldBy(holder.id);
      expect(held).toEqual([
        {
          id: dueSooner.id,
          reference: dueSooner.reference,
          status: 'IN_REVIEW',
          subjectName: '王小明',
          dueAt: at(1000),
          expiresAt: null,
        },
        {
          id: dueLater.id,
          reference: dueLater.reference,
          status: 'IN_REVIEW',
          subjectName: '王小明',
          dueAt: at(3000),
          expiresAt: null,
        },
      ]);
      expect(held.map((summary) => summary.id)).not.toContain(unheld.id);
    });

    it('lists the other open requests for a subject, oldest received first', async () => {
      const { requests } = store();
      const subjectFilingNumber = uniqueFilingNumber();
      const newer = await stored({ subjectFilingNumber, receivedAt: at(30) });
      const older = await stored({ subjectFilingNumber, receivedAt: at(10) });
      const closed = await stored({ subjectFilingNumber, receivedAt: at(20) });
      const self = await stored({ subjectFilingNumber, receivedAt: at(40) });
      await stored({ receivedAt: at(15) });
      await change(closed.id, (loaded) => loaded.withdraw(at(50)));
      expect(await requests.openRequestsForSubject(subjectFilingNumber, self.id)).toEqual([
        { id: older.id, reference: older.reference },
        { id: newer.id, reference: newer.reference },
      ]);
      expect(
        (await requests.openRequestsForSubject(subjectFilingNumber)).map((open) => open.id),
      ).toEqual([older.id, newer.id, self.id]);
    });

    it('lists the requests whose clock runs since a time, and those waiting for a reply', async () => {
      const { requests } = store();
      const from = at(-60 * 24 * 365 * 3); // far enough back that only the order matters
      const early = await stored({ receivedAt: at(-10) });
      const late = await stored({ receivedAt: at(10) });
      const waiting = await stored({ receivedAt: at(5) });
      await change(waiting.id, (loaded) => {
        loaded.claim(liNa, at(20));
        loaded.requestInformation(
          liNa,
          { documents: ['ID_FRONT'], fields: [], message: 'The photo is blurred.' },
          at(60 * 24 * 7),
          at(21),
        );
      });
      const mine = (ids: string[]) =>
        ids.filter((id) => [early.id, late.id, waiting.id].includes(id));
      expect(mine(await requests.clockRunningSince(from))).toEqual([early.id, late.id]);
      expect(mine(await requests.clockRunningSince(at(0)))).toEqual([late.id]);
      expect(mine(await requests.awaitingReplyUntilAfter(at(60 * 24 * 6)))).toEqual([waiting.id]);
      expect(mine(await requests.awaitingReplyUntilAfter(at(60 * 24 * 8)))).toEqual([]);
    });

    it('tells whether a file was already sent for a different subject', async () => {
      const { requests } = store();
      const hash = randomBytes(32).toString('hex');
      const subjectFilingNumber = uniqueFilingNumber();
      await stored({ subjectFilingNumber, sha256: { ID_FRONT: hash } });
      expect(await requests.hashesSeenWithOtherSubject([hash], subjectFilingNumber)).toBe(false);
      expect(await requests.hashesSeenWithOtherSubject([hash], uniqueFilingNumber())).toBe(true);
      expect(
        await requests.hashesSeenWithOtherSubject(
          [randomBytes(32).toString('hex')],
          uniqueFilingNumber(),
        ),
      ).toBe(false);
      expect(await requests.hashesSeenWithOtherSubject([], uniqueFilingNumber())).toBe(false);
    });

    it('forgets a save when its unit of work fails, and runs the commit hooks only on success', async () => {
      const { requests, unitOfWork } = store();
      const request = await stored();
      const ran: string[] = [];
      await expect(
        unitOfWork.run(async () => {
          const loaded = await requests.getForUpdate(request.id);
          loaded.claim(liNa, at(1));
          await requests.save(loaded);
          unitOfWork.afterCommit(() => void ran.push('after the failed run'));
          throw new Error('the use case failed');
        }),
      ).rejects.toThrow('the use case failed');
      const after = (await requests.findById(request.id))!;
      expect(after.status).toBe('PENDING_REVIEW');
      expect(after.version).toBe(1);

      expect(unitOfWork.active).toBe(false);
      await unitOfWork.run(async () => {
        expect(unitOfWork.active).toBe(true);
        unitOfWork.afterCommit(() => void ran.push('after commit'));
        unitOfWork.beforeCommit(async () => void ran.push('before commit'));
        await unitOfWork.run(async () => void ran.push('nested work'));
        ran.push('work');
      });
      expect(ran).toEqual(['nested work', 'work', 'before commit', 'after commit']);
    });

    it('refuses to record domain events outside a unit of work', async () => {
      const { events } = store();
      const request = aNewRequest();
      await expect(events.record(request.pullEvents(), { actor: liNa, ip: null })).rejects.toThrow(
        'domain events must be recorded inside a unit of work',
      );
    });
  });
}
