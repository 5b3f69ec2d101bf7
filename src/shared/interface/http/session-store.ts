import { performance } from 'node:perf_hooks';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';

/** How often a session's new expiry is written while it is being used. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/** Sessions whose last write (and last read) this instance remembers (the oldest is forgotten first). */
const REMEMBERED_SESSIONS = 10_000;

const PgStore = connectPgSimple(session);

type Callback = (error?: unknown) => void;
type GetCallback = (error: unknown, session?: session.SessionData | null) => void;

/** A session as this instance last read it, and until when a reading page may use it. */
interface RecentRead {
  json: string;
  until: number;
}

/**
 * Sessions in PostgreSQL (connect-pg-simple), shared by every instance. A page
 * view moves the session's expiry (the idle timeout), but writing it on every
 * request would make each page a database write: this store writes it at most
 * once a minute per session and instance, so the idle timeout is kept to within
 * a minute. Saving or destroying a session always reaches the database.
 *
 * List pages (GET and HEAD of the pages `mayRelyOnRecentChecks` names) go through
 * `forReadingPages()`, which may answer with the session as this instance read it
 * up to `recentReadMs` ago instead of reading it again. Every save or destroy
 * through this instance forgets that copy at once, and a read that was under way
 * while any happened is not kept, so a sign-out here is seen by the very next
 * page; one on another instance (or the idle timeout running out) within
 * `recentReadMs`. Every other request (changes, the workspace, documents,
 * downloads) reads it afresh.
 */
export class StaffSessionStore extends PgStore {
  private readonly writtenAt = new Map<string, number>();
  private readonly recentReads = new Map<string, RecentRead>();
  /** Saves and destroys through this store so far: a read that one overtook is not kept. */
  private changes = 0;

  constructor(
    pool: pg.Pool,
    private readonly recentReadMs = 0,
  ) {
    super({
      pool,
      tableName: 'staff_sessions',
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
    });
  }

  /** This store as list pages use it (GET and HEAD of the pages `mayRelyOnRecentChecks` names). */
  forReadingPages(): session.Store {
    return new ReadingPagesSessionStore(this);
  }

  override get(sid: string, callback: GetCallback): void {
    const changesBefore = this.changes;
    super.get(sid, (error: unknown, data?: session.SessionData | null) => {
      if (!error && data && this.recentReadMs > 0 && this.changes === changesBefore) {
        remember(this.recentReads, sid, {
          json: JSON.stringify(data),
          until: performance.now() + this.recentReadMs,
        });
      }
      callback(error, data);
    });
  }

  /** A fresh copy of the session as this instance read it within `recentReadMs`, if it did. */
  recall(sid: string): session.SessionData | null {
    const recent = this.recentReads.get(sid);
    if (!recent) return null;
    if (recent.until > performance.now()) return JSON.parse(recent.json) as session.SessionData;
    this.recentReads.delete(sid);
    return null;
  }

  override set(sid: string, data: session.SessionData, callback?: Callback) {
    this.changed(sid);
    remember(this.writtenAt, sid, Date.now());
    super.set(sid, data, callback);
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void) {
    const last = this.writtenAt.get(sid);
    if (last !== undefined && Date.now() - last < SESSION_TOUCH_INTERVAL_MS) {
      callback?.();
      return;
    }
    remember(this.writtenAt, sid, Date.now());
    super.touch(sid, data, callback);
  }

  override destroy(sid: string, callback?: Callback) {
    this.changed(sid);
    this.writtenAt.delete(sid);
    super.destroy(sid, callback);
  }

  private changed(sid: string): void {
    this.recentReads.delete(sid);
    this.changes += 1;
  }
}

/**
 * The session store of GET and HEAD requests: the session as read within the
 * last `recentReadMs` if there is one, else the database. Writes go through the
 * shared store, which forgets the copy.
 */
class ReadingPagesSessionStore extends session.Store {
  constructor(private readonly store: StaffSessionStore) {
    super();
  }

  override get(sid: string, callback: GetCallback): void {
    const recent = this.store.recall(sid);
    if (recent) process.nextTick(callback, null, recent);
    else this.store.get(sid, callback);
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.store.set(sid, data, callback);
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.store.touch(sid, data, callback);
  }

  override destroy(sid: string, callback?: Callback): void {
    this.store.destroy(sid, callback);
  }
}

/** Sets a key as the newest of a map that keeps REMEMBERED_SESSIONS at most. */
function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED_SESSIONS) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}
