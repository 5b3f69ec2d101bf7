import { Controller, Get, Param, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { msg } from '../../../shared/i18n/message.js';
import { Roles } from '../../../shared/interface/http/access.decorators.js';
import { DocumentComparisonQuery } from '../../application/queries/document-comparison/document-comparison.query.js';

/**
 * The ID card's portrait side beside the half-length photo, each zoomed and rotated in the
 * browser only (the stored files never change; each is served, and its view audited, by
 * the workspace's document route). Whoever reads the workspace reads this.
 */
@Controller('requests/:id/compare')
@Roles('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR')
export class DocumentComparisonController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Render('pages/requests/compare')
  async compare(@Param('id') id: string): Promise<object> {
    const view = await this.queries.execute(new DocumentComparisonQuery(id));
    return {
      pageTitle: msg('workspace.compareView.pageTitle', { reference: view.reference }),
      ...view,
    };
  }
}
