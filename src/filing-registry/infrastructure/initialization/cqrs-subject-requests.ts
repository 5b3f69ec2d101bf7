import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { RequestsOfSubjectQuery } from '../../../initialization/application/queries/requests-of-subject/requests-of-subject.query.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import type { SubjectRequest, SubjectRequests } from '../../application/ports/subject-requests.js';

/** The initialization context's published query, through the query bus. */
@Injectable()
export class CqrsSubjectRequests implements SubjectRequests {
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
