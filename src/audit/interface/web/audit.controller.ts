import { Controller, Get, Render } from '@nestjs/common';
import { Roles } from '../../../shared/interface/http/access.decorators.js';

@Controller('audit')
@Roles('AUDITOR')
export class AuditController {
  @Get()
  @Render('pages/audit/index')
  search(): object {
    return { pageTitle: 'Audit trail' };
  }
}
