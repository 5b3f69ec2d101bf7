import { Inject, Injectable, Logger } from '@nestjs/common';
import { checkpointFrom, sameCheckpoint, type SignedCheckpoint } from '@lib/audit-trail';
import { AuditTrailNeedsAttentionError } from '../../../shared/application/audit-trail-attention.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import {
  EXPORT_OBJECTS,
  ObjectNotFoundError,
  type ObjectStore,
} from '../../../shared/infrastructure/object-store/object-store.js';

/** Outside copies read in parallel. */
const READ_AT_ONCE = 16;

/** What an outside copy holds: the checkpoint, or the bytes when they are not one. */
export type OutsideCopy =
  | { no: number; checkpoint: SignedCheckpoint }
  | { no: number; checkpoint: null; unreadable: string };

/**
 * The checkpoints' copies outside the database: one JSON file per checkpoint in the
 * exports' store (`checkpoints/<database>/<no, 8 digits>.json`: EXPORT_DIR on disk, or the
 * bucket's `exports/`) and a structured log line (`audit checkpoint`). The database's name
 * is taken from DATABASE_URL (the configuration, not the database), so trails of several
 * databases sharing one store never mix, and the database's owner cannot move the copies.
 */
@Injectable()
export class CheckpointCopies {
  private readonly logger = new Logger('AuditCheckpoints');
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EXPORT_OBJECTS) private readonly objects: ObjectStore,
  ) {
    this.prefix = `checkpoints/${trailName(config.DATABASE_URL)}/`;
  }

  keyOf(no: number): string {
    return `${this.prefix}${String(no).padStart(8, '0')}.json`;
  }

  /**
   * Writes the file and the log line. A copy is written once: one already there is kept
   * (the same checkpoint: nothing to do; a different one: an error is logged and the old
   * copy stays as the evidence verification compares the database with), so the desk never
   * overwrites what an intruder's rewritten trail would have to match.
   */
  async copy(checkpoint: SignedCheckpoint): Promise<void> {
    const existing = await this.read(checkpoint.body.no);
    if (existing) {
      if (existing.checkpoint && sameCheckpoint(existing.checkpoint, checkpoint)) return;
      this.logger.error(
        { no: checkpoint.body.no },
        'an outside copy of this audit checkpoint differs from the one just signed; the copy is kept and a full verification will name the difference',
      );
      return;
    }
    this.logger.log(
      {
        checkpoint: {
          no: checkpoint.body.no,
          seq: checkpoint.body.seq,
          hash: checkpoint.body.hash,
          body: checkpoint.body,
          signature: checkpoint.signature,
        },
      },
      'audit checkpoint',
    );
    await this.objects.put(
      this.keyOf(checkpoint.body.no),
      Buffer.from(JSON.stringify(checkpoint, null, 2) + '\n', 'utf8'),
    );
  }

  /** Copies each, logging (never throwing) a failure: the periodic job copies it again. */
  async copyAll(checkpoints: readonly SignedCheckpoint[]): Promise<void> {
    for (const checkpoint of checkpoints) {
      try {
        await this.copy(checkpoint);
      } catch (error) {
        this.logger.error(
          { err: error, no: checkpoint.body.no },
          'an audit checkpoint could not be copied outside the database; the next checkpoint job copies it again',
        );
      }
    }
  }

  async exists(no: number): Promise<boolean> {
    return this.objects.exists(this.keyOf(no));
  }

  /** The copy of checkpoint `no`, or null when there is none. */
  async read(no: number): Promise<OutsideCopy | null> {
    let bytes: Buffer;
    try {
      bytes = await this.objects.read(this.keyOf(no));
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return null;
      throw error;
    }
    try {
      return { no, checkpoint: checkpointFrom(JSON.parse(bytes.toString('utf8'))) };
    } catch (error) {
      return { no, checkpoint: null, unreadable: (error as Error).message };
    }
  }

  /**
   * Refuses a switch to keyed links while outside copies of this trail's checkpoints exist:
   * the database says the trail never switched, the copies say it did, so its checkpoints
   * were deleted. The desk stops appending (503) until someone verifies the trail in full.
   */
  async refuseSwitchIfCopied(): Promise<void> {
    const numbers = await this.numbers();
    if (numbers.length > 0)
      throw new AuditTrailNeedsAttentionError(
        `the database holds no audit checkpoint, but ${numbers.length} outside copies of this trail's checkpoints exist (up to #${numbers[numbers.length - 1]}): its checkpoints were removed from the database. Run a full verification (npm run cli -- audit:verify --full).`,
      );
  }

  /** The numbers of every outside copy, ascending. */
  async numbers(): Promise<number[]> {
    const found: number[] = [];
    for await (const object of this.objects.list(this.prefix)) {
      const match = /(\d{8,})\.json$/.exec(object.key);
      if (match) found.push(Number(match[1]));
    }
    return found.sort((a, b) => a - b);
  }

  /**
   * The outside copies numbered `from` to `through` (the database's last checkpoint), read a
   * few at a time, and every copy numbered beyond `through` (checkpoints deleted from the end
   * of the database's list), found by listing the store: a copy that never got written does
   * not hide the ones after it.
   */
  async readRange(from: number, through: number): Promise<OutsideCopy[]> {
    const numbers: number[] = [];
    for (let no = Math.max(1, from); no <= through; no += 1) numbers.push(no);
    for (const no of await this.numbers()) if (no > through && no >= from) numbers.push(no);
    const copies: OutsideCopy[] = [];
    for (let start = 0; start < numbers.length; start += READ_AT_ONCE)
      for (const copy of await Promise.all(
        numbers.slice(start, start + READ_AT_ONCE).map((no) => this.read(no)),
      ))
        if (copy) copies.push(copy);
    return copies;
  }
}

/** The database's name from its URL, as an object key segment (lowercase, `a-z0-9-`). */
export function trailName(databaseUrl: string): string {
  let name = 'trail';
  try {
    name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || name;
  } catch {
    // a URL the config accepted always parses; keep the default otherwise
  }
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'trail'
  );
}
