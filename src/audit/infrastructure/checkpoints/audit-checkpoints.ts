import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditChain, verifyCheckpointSignature, type SignedCheckpoint } from '@lib/audit-trail';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import { AUDIT_KEYS, type AuditKeys } from '../keys/audit-keys.js';
import { CheckpointCopies } from './checkpoint-copies.js';

/** How many of the newest checkpoints the periodic job makes sure are copied outside. */
const RECOPY_RECENT = 48;

/**
 * Signed checkpoints of the audit trail: one on demand (each export is made at one), one
 * every AUDIT_CHECKPOINT_MINUTES (the schedule), each copied outside the database after
 * its transaction commits. The head's row lock makes a checkpoint once across instances.
 */
@Injectable()
export class AuditCheckpoints {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly chain = new AuditChain();

  constructor(
    private readonly unitOfWork: TypeormUnitOfWork,
    private readonly copies: CheckpointCopies,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A checkpoint at the trail's head now: a new one when the head moved past the last,
   * else the last one (it is at the head already). A trail not switched to keyed links
   * yet is switched first (checkpoint #1).
   */
  async checkpointNow(): Promise<SignedCheckpoint> {
    const made = await this.take({ olderThanMinutes: null });
    if (made) return made;
    const last = await this.chain.lastCheckpoint(this.unitOfWork.manager());
    if (!last) throw new Error('the audit trail has no checkpoint after taking one');
    return last;
  }

  /**
   * The schedule's checkpoint: signed when the last one is older than `minutes` and the
   * head has moved since; then copies outside any checkpoint whose copy is missing.
   */
  async periodic(minutes: number): Promise<SignedCheckpoint | null> {
    const made = await this.take({ olderThanMinutes: minutes });
    await this.recopyMissing();
    return made;
  }

  /**
   * Copies outside each of the newest `recent` checkpoints of the database whose outside copy
   * is missing (a copy that failed after its commit; older ones the verification reports).
   */
  async recopyMissing(recent = RECOPY_RECENT): Promise<number> {
    const manager = this.unitOfWork.manager();
    const last = await this.chain.lastCheckpoint(manager);
    if (!last) return 0;
    const stored = await this.chain.checkpoints(manager, Math.max(0, last.body.no - recent));
    const missing: SignedCheckpoint[] = [];
    for (const checkpoint of stored) {
      if (await this.copies.exists(checkpoint.body.no)) continue;
      // Only what the desk signed goes outside: a row someone else wrote stays for the
      // verification to name.
      if (!verifyCheckpointSignature(checkpoint, this.keys.trustedKeys).ok) {
        this.logger.error(
          { no: checkpoint.body.no },
          'an audit checkpoint in the database does not verify under a trusted key; not copying it outside',
        );
        continue;
      }
      missing.push(checkpoint);
    }
    if (missing.length > 0) {
      this.logger.warn(
        { missing: missing.map((checkpoint) => checkpoint.body.no) },
        'audit checkpoints had no copy outside the database; copying them now',
      );
      await this.copies.copyAll(missing);
    }
    return missing.length;
  }

  private async take(options: {
    olderThanMinutes: number | null;
  }): Promise<SignedCheckpoint | null> {
    const now = this.clock.now();
    const { privateKey, fingerprint } = this.keys.signer;
    const made = await this.unitOfWork.run(async () => {
      const manager = this.unitOfWork.manager();
      if (options.olderThanMinutes !== null) {
        // Under the head's lock, so two instances never both decide it is time.
        await manager.query('SELECT * FROM audit_lock_head()');
        const last = await this.chain.lastCheckpoint(manager);
        if (last) {
          const age = now.getTime() - Date.parse(last.body.at);
          if (age < options.olderThanMinutes * 60_000) return null;
        } else if ((await this.chain.head(manager)).seq === 0) {
          return null; // an empty trail: nothing to attest before its first audited event
        } // else a trail written before keyed links: it switches now, signing checkpoint #1
      }
      const checkpoint = await this.chain.checkpoint(
        manager,
        { privateKey, fingerprint },
        this.keys.linkKeys.ids(),
        now,
        {
          linkKeys: this.keys.linkKeys,
          beforeSwitch: () => this.copies.refuseSwitchIfCopied(),
        },
      );
      if (checkpoint) this.unitOfWork.afterCommit(() => this.copies.copyAll([checkpoint]));
      return checkpoint;
    });
    return made;
  }
}
