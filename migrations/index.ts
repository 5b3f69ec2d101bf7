import { Foundation1764028800000 } from './1764028800000-foundation.js';
import { FilingRegistry1764115200000 } from './1764115200000-filing-registry.js';
import { InitializationRequests1764201600000 } from './1764201600000-initialization-requests.js';
import { NotificationOutbox1764288000000 } from './1764288000000-notification-outbox.js';
import { Exports1764374400000 } from './1764374400000-exports.js';
import { BusinessCalendar1764460800000 } from './1764460800000-business-calendar.js';
import { PortalIndexes1764547200000 } from './1764547200000-portal-indexes.js';
import { CalendarDaysOfTheDecemberBefore1764633600000 } from './1764633600000-calendar-days-of-the-december-before.js';
import { RequestsFilingNumberIndex1764720000000 } from './1764720000000-requests-filing-number-index.js';
import { CalendarMakeUpDayName1764806400000 } from './1764806400000-calendar-make-up-day-name.js';
import { OpenQueueProvinceIndex1764892800000 } from './1764892800000-open-queue-province-index.js';
import { Locales1764979200000 } from './1764979200000-locales.js';
import { RequestCorrections1765065600000 } from './1765065600000-request-corrections.js';
import { RequestNotesAndReplyDeadlineQueue1765152000000 } from './1765152000000-request-notes-and-reply-deadline-queue.js';
import { StaffCredentials1765238400000 } from './1765238400000-staff-credentials.js';
import { SignInFailures1765324800000 } from './1765324800000-sign-in-failures.js';
import { AuditSubjectSearch1765411200000 } from './1765411200000-audit-subject-search.js';
import { OutboxResends1765497600000 } from './1765497600000-outbox-resends.js';
import { DocumentEncryption1765584000000 } from './1765584000000-document-encryption.js';
import { DocumentRetention1765670400000 } from './1765670400000-document-retention.js';
import { AuditLeastPrivilege1765756800000 } from './1765756800000-audit-least-privilege.js';
import { AuditVerificationRuns1765843200000 } from './1765843200000-audit-verification-runs.js';
import { ExportStatements1765929600000 } from './1765929600000-export-statements.js';
import { AuditTimeRangeSearch1766016000000 } from './1766016000000-audit-time-range-search.js';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  Foundation1764028800000,
  FilingRegistry1764115200000,
  InitializationRequests1764201600000,
  NotificationOutbox1764288000000,
  Exports1764374400000,
  BusinessCalendar1764460800000,
  PortalIndexes1764547200000,
  CalendarDaysOfTheDecemberBefore1764633600000,
  RequestsFilingNumberIndex1764720000000,
  CalendarMakeUpDayName1764806400000,
  OpenQueueProvinceIndex1764892800000,
  Locales1764979200000,
  RequestCorrections1765065600000,
  RequestNotesAndReplyDeadlineQueue1765152000000,
  StaffCredentials1765238400000,
  SignInFailures1765324800000,
  AuditSubjectSearch1765411200000,
  OutboxResends1765497600000,
  DocumentEncryption1765584000000,
  DocumentRetention1765670400000,
  AuditLeastPrivilege1765756800000,
  AuditVerificationRuns1765843200000,
  ExportStatements1765929600000,
  AuditTimeRangeSearch1766016000000,
];
