import { Global, Module } from '@nestjs/common';
import { AUDIT_LOG } from '../shared/application/audit-log.js';
import { ChainedAuditLog } from './infrastructure/chained-audit-log.js';
import { AuditController } from './interface/web/audit.controller.js';

/** The audit trail: every context records through the AuditLog port it exports. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [ChainedAuditLog, { provide: AUDIT_LOG, useExisting: ChainedAuditLog }],
  exports: [AUDIT_LOG],
})
export class AuditModule {}
