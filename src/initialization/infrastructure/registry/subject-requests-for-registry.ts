import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type {
  SubjectRequest,
  SubjectRequests,
} from '../../../filing-registry/contracts/subject-requests.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { RequestsOfSubjectQuery } from '../../application/queries/requests-of-subject/requests-of-subject.query.js';

/** The filing registry's `SubjectRequests` port, answered with this context's published query. */
@Injectable()
export class SubjectRequestsForRegistry implements SubjectRequests {
  constructor(private readonly queries: QueryBus) {}

  async of(
    subject: { id: string; filingNumber: string },
    viewer: StaffActor,
  ): Promise<{ requests: SubjectRequest[]; more: boolean }> {
    const found = await this.queries.execute(new RequestsOfSubjectQuery(subject, viewer));
    return {
      requests: found.requests.map((request) => ({
        id: request.id,
        reference: request.reference,
        statusLabel: request.statusLabel,
        open: request.open,
        receivedAt: request.receivedAt,
        href: request.href,
      })),
      more: found.more,
    };
  }
}
