import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';

/** How often a session's new expiry is written while it is being used. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/** Sessions whose last write this instance remembers (the oldest is forgotten first). */
const REMEMBERED_SESSIONS = 10_000;

const PgStore = connectPgSimple(session);

/**
 * Sessions in PostgreSQL (connect-pg-simple), shared by every instance. A page
 * view moves the session's expiry (the idle timeout), but writing it on every
 * request would make each page a database write: this store writes it at most
 * once a minute per session and instance, so the idle timeout is kept to within
 * a minute. Saving or destroying a session always reaches the database.
 */
export class StaffSessionStore extends PgStore {
  private readonly writtenAt = new Map<string, number>();

  constructor(pool: pg.Pool) {
    super({
      pool,
      tableName: 'staff_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
    });
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void) {
    this.remember(sid);
    super.set(sid, data, callback);
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void) {
    const last = this.writtenAt.get(sid);
    if (last !== undefined && Date.now() - last < SESSION_TOUCH_INTERVAL_MS) {
      callback?.();
      return;
    }
    this.remember(sid);
    super.touch(sid, data, callback);
  }

  override destroy(sid: string, callback?: (error?: unknown) => void) {
    this.writtenAt.delete(sid);
    super.destroy(sid, callback);
  }

  private remember(sid: string): void {
    this.writtenAt.delete(sid);
    this.writtenAt.set(sid, Date.now());
    if (this.writtenAt.size > REMEMBERED_SESSIONS) {
      const oldest = this.writtenAt.keys().next().value;
      if (oldest !== undefined) this.writtenAt.delete(oldest);
    }
  }
}
