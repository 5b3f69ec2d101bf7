import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ImportLegacyRegistryHandler } from './application/commands/import-legacy-registry/import-legacy-registry.handler.js';
import { RegisterFilingSubjectHandler } from './application/commands/register-filing-subject/register-filing-subject.handler.js';
import { ReplaceSubjectAccountEmailHandler } from './application/commands/replace-subject-account-email/replace-subject-account-email.handler.js';
import { FILING_SUBJECT_REPOSITORY } from './application/ports/filing-subject.repository.js';
import { FindSubjectAndAccountHolderHandler } from './application/queries/find-subject-and-account-holder/find-subject-and-account-holder.handler.js';
import { FindSubjectByAliyunAccountHandler } from './application/queries/find-subject-by-aliyun-account/find-subject-by-aliyun-account.handler.js';
import { FindSubjectByFilingNumberHandler } from './application/queries/find-subject-by-filing-number/find-subject-by-filing-number.handler.js';
import { GetSubjectHistoryHandler } from './application/queries/get-subject-history/get-subject-history.handler.js';
import { SubjectPageHandler } from './application/queries/subject-page/subject-page.handler.js';
import { SubjectPageController } from './interface/web/subject-page.controller.js';
import { TypeormFilingSubjectRepository } from './infrastructure/typeorm/typeorm-filing-subject.repository.js';

const controllers = [SubjectPageController];
const commandHandlers = [
  RegisterFilingSubjectHandler,
  ReplaceSubjectAccountEmailHandler,
  ImportLegacyRegistryHandler,
];
const queryHandlers = [
  FindSubjectByFilingNumberHandler,
  FindSubjectByAliyunAccountHandler,
  FindSubjectAndAccountHolderHandler,
  GetSubjectHistoryHandler,
  SubjectPageHandler,
];
const repositories = [
  { provide: FILING_SUBJECT_REPOSITORY, useClass: TypeormFilingSubjectRepository },
];

/**
 * The filing registry: subjects, their websites and account emails, and the
 * legacy HiChina import, and the read-only subject page. Other contexts use it
 * through the command and query buses only. `subjectRequests` is the module that provides
 * this context's port `SUBJECT_REQUESTS` (see `contracts/subject-requests.ts`): the
 * composition root names it, so the registry depends on no other context.
 */
@Module({})
export class FilingRegistryModule {
  static register(options: { subjectRequests: Type<unknown> }): DynamicModule {
    return {
      module: FilingRegistryModule,
      imports: [options.subjectRequests],
      controllers,
      providers: [...commandHandlers, ...queryHandlers, ...repositories],
    };
  }
}
