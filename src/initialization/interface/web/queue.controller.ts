import { Controller, Get, Render } from '@nestjs/common';
import { Roles } from '../../../shared/interface/http/access.decorators.js';

@Controller('queue')
@Roles('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR')
export class QueueController {
  @Get()
  @Render('pages/queue/index')
  queue(): object {
    return { pageTitle: 'Queue' };
  }
}
