import { Controller, Get, Param, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg } from '../../../shared/i18n/message.js';
import { CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { SubjectPageQuery } from '../../application/queries/subject-page/subject-page.query.js';

/**
 * A filing subject's page, read only: its registry record, websites, account-email
 * history and requests. For those who read requests (reviewers, seniors, auditors);
 * administrators get 403. An unknown or malformed id is the desk's 404.
 */
@Controller('subjects')
@Roles('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR')
export class SubjectPageController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Render('pages/subjects/show')
  async subject(@Param('id') id: string, @CurrentActor() viewer: StaffActor): Promise<object> {
    const view = await this.queries.execute(new SubjectPageQuery(id, viewer));
    return { pageTitle: msg('registry.subject.pageTitle', { name: view.name }), ...view };
  }
}
