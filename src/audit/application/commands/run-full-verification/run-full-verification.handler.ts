import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  TRAIL_VERIFIER,
  type TrailVerificationResult,
  type TrailVerifier,
} from '../../ports/trail-verifier.js';
import { VERIFICATION_RUNS, type VerificationRuns } from '../../ports/verification-runs.js';
import { recordVerification } from '../verify-audit-chain/verify-audit-chain.handler.js';
import {
  RunFullVerificationCommand,
  type FullVerificationOutcome,
} from './run-full-verification.command.js';

/** Progress is written at most this often; the heartbeat at least this often. */
const PROGRESS_EVERY_MS = 1_000;
const HEARTBEAT_EVERY_MS = 30_000;
/** A nightly run is skipped when a full run started less than this long ago. */
const NIGHTLY_GAP_HOURS = 12;

@CommandHandler(RunFullVerificationCommand)
export class RunFullVerificationHandler
  implements ICommandHandler<RunFullVerificationCommand>, OnApplicationShutdown
{
  private readonly logger = new Logger(RunFullVerificationHandler.name);
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    @Inject(TRAIL_VERIFIER) private readonly verifier: TrailVerifier,
    @Inject(VERIFICATION_RUNS) private readonly runs: VerificationRuns,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RunFullVerificationCommand): Promise<FullVerificationOutcome> {
    const runId = await this.runs.start(
      'full',
      command.actor.name ?? command.actor.kind,
      this.clock.now(),
      command.options.nightly ? { unlessStartedWithinHours: NIGHTLY_GAP_HOURS } : {},
    );
    if (!runId) return { started: false, runId: null, result: null };
    const work = this.run(runId, command);
    if (command.options.wait) return { started: true, runId, result: await work };
    const tracked = work.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return { started: true, runId, result: null };
  }

  /** A background run finishes (or is recorded as abandoned) before the app closes. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(
    runId: string,
    command: RunFullVerificationCommand,
  ): Promise<TrailVerificationResult> {
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const write = (checked: number, total: number) => {
      lastWrite = Date.now();
      writing = writing
        .then(() => this.runs.progress(runId, checked, total, this.clock.now()))
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, 'the full verification could not record its progress'),
        );
    };
    let latest = { checked: 0, total: 0 };
    const heartbeat = setInterval(() => write(latest.checked, latest.total), HEARTBEAT_EVERY_MS);
    heartbeat.unref();
    try {
      const result = await this.verifier.verify({
        mode: 'full',
        onProgress: (progress) => {
          latest = progress;
          command.options.onProgress?.(progress);
          if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) write(progress.checked, progress.total);
        },
      });
      clearInterval(heartbeat);
      await writing;
      await this.runs.finish(runId, result, this.clock.now());
      await recordVerification(this.unitOfWork, this.audit, this.logger, {
        actor: command.actor,
        ip: command.options.ip ?? null,
        result,
      });
      if (!result.ok)
        this.logger.error({ failure: result.failure }, 'the full audit trail verification failed');
      return result;
    } catch (error) {
      clearInterval(heartbeat);
      await writing;
      this.logger.error({ err: error }, 'the full audit trail verification stopped');
      await this.runs
        .abandon(runId, error instanceof Error ? error.message : String(error), this.clock.now())
        .catch(() => undefined);
      throw error;
    }
  }
}
