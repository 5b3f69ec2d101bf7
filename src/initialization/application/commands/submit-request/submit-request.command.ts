import { Command } from '@nestjs/cqrs';
import type { DocumentKind } from '../../../domain/document-kind.js';
import type { ApplicantRole, SubjectType } from '../../../domain/subject-type.js';
import type { RequestSummary } from '../../queries/request-summary.js';

/** The intake data after the API checked its shape, formats and checksums. */
export interface IntakeApplication {
  externalId: string;
  receivedAt: Date;
  subjectType: SubjectType;
  filingNumber: string;
  subjectFilingNumber: string;
  province: string | null;
  subjectName: string;
  credentialNumber: string;
  applicant: { name: string; idNumber: string; role: ApplicantRole; phone: string };
  newAccountEmail: string;
  aliyunAccountId: string;
}

export interface UploadedDocument {
  kind: DocumentKind;
  content: Buffer;
  /** Sniffed from the content, never taken from the client. */
  mediaType: string;
  originalName: string;
}

/** A request arrives from the public filing system. Replaying an externalId returns the first result. */
export class SubmitRequestCommand extends Command<{ request: RequestSummary; replay: boolean }> {
  constructor(
    readonly intakeClient: string,
    readonly application: IntakeApplication,
    readonly documents: UploadedDocument[],
    readonly ip: string | null,
  ) {
    super();
  }
}
