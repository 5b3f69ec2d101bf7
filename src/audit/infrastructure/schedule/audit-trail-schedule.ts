import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Cron, Interval } from '@nestjs/schedule';
import { systemActor } from '../../../shared/domain/actor.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { RunFullVerificationCommand } from '../../application/commands/run-full-verification/run-full-verification.command.js';
import { AuditCheckpoints } from '../checkpoints/audit-checkpoints.js';

/**
 * Scheduled work of the audit trail, in server instances with the scheduler on: a signed
 * checkpoint every AUDIT_CHECKPOINT_MINUTES (looked at every minute; taken under the head's
 * lock, so once across instances) with any missing outside copy written again, and the
 * nightly full verification (once across instances).
 */
@Injectable()
export class AuditTrailSchedule {
  private readonly logger = new Logger(AuditTrailSchedule.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly checkpoints: AuditCheckpoints,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Interval('audit-checkpoint', 60_000)
  async checkpoint(): Promise<void> {
    try {
      const made = await this.checkpoints.periodic(this.config.AUDIT_CHECKPOINT_MINUTES);
      if (made)
        this.logger.log({ no: made.body.no, seq: made.body.seq }, 'signed an audit checkpoint');
    } catch (error) {
      this.logger.error({ err: error }, 'the audit checkpoint job failed');
    }
  }

  @Cron('0 30 2 * * *', { name: 'audit-full-verification', timeZone: 'Asia/Shanghai' })
  async verifyEverything(): Promise<void> {
    try {
      const { started } = await this.commands.execute(
        new RunFullVerificationCommand(systemActor('nightly verification'), {
          wait: false,
          nightly: true,
        }),
      );
      if (started) this.logger.log('started the nightly full verification of the audit trail');
    } catch (error) {
      this.logger.error({ err: error }, 'the nightly full verification could not start');
    }
  }
}
