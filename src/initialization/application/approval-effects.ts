import { Inject, Injectable } from '@nestjs/common';
import type { EventContext } from '../../shared/application/domain-events.js';
import type { InitializationRequest, RegistryView } from '../domain/initialization-request.js';
import {
  FILING_REGISTRY_GATEWAY,
  type FilingRegistryGateway,
  type RegisteredSubject,
} from './ports/filing-registry.gateway.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from './ports/initialization-request.repository.js';
import { RequestChanges } from './request-changes.js';

/**
 * The registry as a decision sees it: the subject the filing number names, and
 * whether the Alibaba Cloud account is already bound to a different subject.
 */
export function registryViewOf(
  subject: RegisteredSubject | null,
  accountHolder: RegisteredSubject | null,
): RegistryView {
  return {
    subjectId: subject?.id ?? null,
    accountHeldByOtherSubject: accountHolder !== null && accountHolder.id !== subject?.id,
    accountEmail: subject?.accountEmail ?? null,
  };
}

/**
 * What an approval does beyond the request, inside the deciding transaction:
 * reads the registry afresh before the decision, then replaces the subject's
 * account email (binding the Alibaba Cloud account, keeping the old email in
 * history) and flags every other open request for the same subject.
 */
@Injectable()
export class ApprovalEffects {
  constructor(
    @Inject(FILING_REGISTRY_GATEWAY) private readonly registry: FilingRegistryGateway,
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    private readonly changes: RequestChanges,
  ) {}

  async registryView(request: InitializationRequest): Promise<RegistryView> {
    const { subject, accountHolder } = await this.registry.findSubjectAndAccountHolder(
      request.subjectFilingNumber,
      request.aliyunAccountId,
    );
    return registryViewOf(subject, accountHolder);
  }

  async applyFinalApproval(
    request: InitializationRequest,
    context: EventContext,
    now: Date,
  ): Promise<void> {
    await this.registry.replaceAccountEmail(
      {
        subjectId: request.subjectId!,
        newEmail: request.newAccountEmail,
        aliyunAccountId: request.aliyunAccountId,
        requestId: request.id,
      },
      context,
    );
    const others = await this.requests.openRequestsForSubject(
      request.subjectFilingNumber,
      request.id,
    );
    // A consistent lock order, so two approvals for one subject cannot deadlock each other.
    for (const other of [...others].sort((a, b) => a.id.localeCompare(b.id))) {
      const sibling = await this.requests.getForUpdate(other.id);
      sibling.addFlags(
        ['DUPLICATE_OPEN_REQUEST'],
        now,
        `${request.reference} was approved for the same subject`,
      );
      await this.changes.save(sibling, context);
    }
  }
}
