import { Module } from '@nestjs/common';
import { REQUEST_HISTORY } from '../initialization/contracts/request-history.js';
import { RequestHistoryForInitialization } from './infrastructure/initialization/request-history-for-initialization.js';

/**
 * What this context provides to the ports of contexts it depends on (they may not depend
 * on it): initialization's `REQUEST_HISTORY`, through this context's published query. The
 * composition root hands it to `InitializationModule.register`.
 */
@Module({
  providers: [{ provide: REQUEST_HISTORY, useClass: RequestHistoryForInitialization }],
  exports: [REQUEST_HISTORY],
})
export class AuditPortsModule {}
