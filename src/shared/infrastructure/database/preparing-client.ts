import { createHash } from 'node:crypto';
import pg from 'pg';

/** Statements a connection keeps prepared at most; later ones run unprepared. */
const MAX_PREPARED = 200;
/** Distinct statement texts a connection counts before it starts counting afresh. */
const MAX_COUNTED = 2_000;

/**
 * A pg client that prepares the parameterized statements it runs again and
 * again. node-postgres (and so TypeORM) sends every query as an unnamed
 * statement, which PostgreSQL parses and plans on each run; for the portal's
 * reads that was most of the server's work (a timeline: 1.1 ms planned each
 * time, 0.15 ms prepared). A statement seen a second time on a connection gets
 * a name (a hash of its text, so a name never meets another text), and from
 * then on the connection only binds and executes it. One-off texts (a bulk
 * insert of so many rows) are never prepared, and a connection keeps at most
 * MAX_PREPARED of them. Statements without parameters (migrations, scripts
 * of several statements) go as they are.
 *
 * Off with DATABASE_PREPARED_STATEMENTS=false, for a pooler that cannot keep
 * prepared statements (PgBouncer in transaction mode before 1.21).
 */
export class PreparingClient extends pg.Client {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();

  override query(...args: unknown[]): never {
    const [config, values, callback] = args;
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = this.nameFor(config);
      if (name) {
        return (super.query as (...rest: unknown[]) => never)(
          { name, text: config, values },
          callback,
        );
      }
    }
    return (super.query as (...rest: unknown[]) => never)(...args);
  }

  private nameFor(text: string): string | null {
    const name = this.names.get(text);
    if (name) return name;
    if (this.names.size >= MAX_PREPARED) return null;
    const runs = (this.seen.get(text) ?? 0) + 1;
    if (runs < 2) {
      if (this.seen.size >= MAX_COUNTED) this.seen.clear();
      this.seen.set(text, runs);
      return null;
    }
    this.seen.delete(text);
    const named = `bd_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.names.set(text, named);
    return named;
  }
}
