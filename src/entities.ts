import { DataExportEntity } from './audit/infrastructure/typeorm/data-export.entity.js';
import { FilingSubjectEmailHistoryEntity } from './filing-registry/infrastructure/typeorm/filing-subject-email-history.entity.js';
import { FilingSubjectEntity } from './filing-registry/infrastructure/typeorm/filing-subject.entity.js';
import { FilingWebsiteEntity } from './filing-registry/infrastructure/typeorm/filing-website.entity.js';
import { PasswordResetLinkEntity } from './identity/infrastructure/typeorm/password-reset-link.entity.js';
import { StaffMemberEntity } from './identity/infrastructure/typeorm/staff-member.entity.js';
import {
  DocumentCheckEntity,
  InitializationRequestEntity,
  RequestDocumentEntity,
} from './initialization/infrastructure/typeorm/initialization-request.entity.js';
import { MailSinkEntity } from './notifications/infrastructure/typeorm/mail-sink.entity.js';
import { OutboxMessageEntity } from './notifications/infrastructure/typeorm/outbox-message.entity.js';

/** Every TypeORM entity of every context (the schema itself is owned by migrations/). */
export const ENTITIES = [
  StaffMemberEntity,
  PasswordResetLinkEntity,
  FilingSubjectEntity,
  FilingWebsiteEntity,
  FilingSubjectEmailHistoryEntity,
  InitializationRequestEntity,
  RequestDocumentEntity,
  DocumentCheckEntity,
  OutboxMessageEntity,
  MailSinkEntity,
  DataExportEntity,
];
