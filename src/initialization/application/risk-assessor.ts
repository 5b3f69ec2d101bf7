import { validateResidentIdNumber, validateUnifiedSocialCreditCode } from '@lib/credentials';
import type { AssessableApplication, RiskAssessment } from '../domain/initialization-request.js';
import { assessRisk } from '../domain/risk-assessment.js';
import { sameCredentialNumber, sameSubjectName } from '../domain/subject-comparison.js';
import type { FilingRegistryGateway } from './ports/filing-registry.gateway.js';
import type { InitializationRequestRepository } from './ports/initialization-request.repository.js';

/**
 * Gathers what the risk assessment needs to know about an application — the registry
 * subject of its filing number and whom its Alibaba Cloud account is bound to, the other
 * open requests for the subject, whether its files were sent for another subject, its
 * credential number's checksum — and assesses it. Intake runs it on a new request, a
 * resubmission on the request as the applicant's answer leaves it.
 */
export async function assessApplication(
  ports: { registry: FilingRegistryGateway; requests: InitializationRequestRepository },
  application: AssessableApplication,
  options: {
    /** The receipt the assessment is for (intake, or the resubmission). */
    receivedAt: Date;
    /** The request itself, once stored: not a duplicate of itself. */
    requestId?: string;
  },
): Promise<RiskAssessment> {
  // Sequential: these run on the transaction's one connection.
  const { subject: registered, accountHolder } = await ports.registry.findSubjectAndAccountHolder(
    application.subjectFilingNumber,
    application.aliyunAccountId,
  );
  const openRequests = await ports.requests.openRequestsForSubject(
    application.subjectFilingNumber,
    options.requestId,
  );
  const reused = await ports.requests.hashesSeenWithOtherSubject(
    application.documentHashes,
    application.subjectFilingNumber,
  );
  const riskFlags = assessRisk({
    subjectType: application.subjectType,
    receivedAt: options.receivedAt,
    credentialChecksumValid:
      application.subjectType === 'INDIVIDUAL'
        ? validateResidentIdNumber(application.credentialNumber, options.receivedAt).valid
        : validateUnifiedSocialCreditCode(application.credentialNumber).valid,
    registered: registered
      ? {
          id: registered.id,
          type: registered.type,
          nameMatches: sameSubjectName(registered.name, application.subjectName),
          credentialMatches: sameCredentialNumber(
            application.subjectType,
            application.credentialNumber,
            registered.credentialNumber,
          ),
          accountEmailChangedAt: registered.accountEmailChangedAt,
        }
      : null,
    accountBoundToSubjectId: accountHolder?.id ?? null,
    openRequestForSameSubject: openRequests.length > 0,
    documentSeenWithOtherSubject: reused,
  });
  return { riskFlags, subjectId: registered?.id ?? null };
}
