import { createHmac, randomBytes } from 'node:crypto';
import { linkCanonical } from './canonical-json.js';
import { hashAuditEvent, type AuditEventInput } from './events.js';

/**
 * The secrets of the keyed links, read from `AUDIT_LINK_KEYS_FILE` (never from the
 * database): the first key is current, the others are kept to verify older events.
 */
export interface LinkKeyring {
  /** The id new events are linked under. */
  readonly currentId: string;
  /** The 32-byte secret of `id`, or undefined when the keyring does not hold it. */
  secret(id: string): Buffer | undefined;
  /** Every id, the current one first. */
  ids(): string[];
}

/** How one event's link is computed: today's keyless SHA-256, or an HMAC under a named key. */
export type LinkRule = { kind: 'legacy' } | KeyedLinkRule;
export interface KeyedLinkRule {
  kind: 'keyed';
  keyId: string;
  secret: Buffer;
}

export const LINK_KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
export const LINK_SECRET_BYTES = 32;

/** A keyring file that cannot be used; `problems` lists every one (never a secret). */
export class LinkKeyringError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The audit link keyring cannot be used:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'LinkKeyringError';
  }
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parses a keyring: one `id:base64` line per 32-byte secret, the first current;
 * blank lines and `#` comments are ignored. Throws a `LinkKeyringError` listing
 * every problem (by line number and id, never the secret).
 */
export function parseLinkKeyring(text: string): LinkKeyring {
  const problems: string[] = [];
  const secrets = new Map<string, Buffer>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${index + 1}`;
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push(`${where}: expected "id:base64-secret"`);
      return;
    }
    const id = line.slice(0, colon).trim();
    const encoded = line.slice(colon + 1).trim();
    let fine = true;
    if (!LINK_KEY_ID.test(id)) {
      problems.push(`${where}: the key id must be 1–32 letters, digits, "_" or "-"`);
      fine = false;
    } else if (secrets.has(id)) {
      problems.push(`${where}: the key id "${id}" appears twice`);
      fine = false;
    }
    const secret = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : null;
    if (!secret || secret.toString('base64') !== encoded) {
      problems.push(`${where}: the secret is not valid base64`);
      fine = false;
    } else if (secret.length !== LINK_SECRET_BYTES) {
      problems.push(
        `${where}: the secret is ${secret.length} bytes; it must be ${LINK_SECRET_BYTES} (e.g. openssl rand -base64 32)`,
      );
      fine = false;
    }
    if (fine && secret) secrets.set(id, secret);
  });
  if (secrets.size === 0 && problems.length === 0) problems.push('it holds no key');
  if (problems.length > 0) throw new LinkKeyringError(problems);
  return linkKeyringOf(secrets);
}

/** A keyring from id → secret entries in order, the first current (e.g. rebuilt in a worker). */
export function linkKeyringOf(entries: Iterable<readonly [string, Buffer]>): LinkKeyring {
  const secrets = new Map<string, Buffer>(entries);
  const ids = [...secrets.keys()];
  const currentId = ids[0];
  if (currentId === undefined) throw new LinkKeyringError(['it holds no key']);
  return {
    currentId,
    secret: (id) => secrets.get(id),
    ids: () => [...ids],
  };
}

/** The keyring as text `parseLinkKeyring` reads back (to hand it to a worker thread). */
export function formatLinkKeyring(keyring: LinkKeyring): string {
  return keyring
    .ids()
    .map((id) => `${id}:${keyring.secret(id)!.toString('base64')}`)
    .join('\n');
}

/** A new keyring line with a fresh random secret, for a demo or a key rotation. */
export function newLinkKeyLine(id: string): string {
  if (!LINK_KEY_ID.test(id)) throw new LinkKeyringError([`the key id "${id}" is not allowed`]);
  return `${id}:${randomBytes(LINK_SECRET_BYTES).toString('base64')}`;
}

/** The rule new events are linked under: the keyring's current key. */
export function currentLinkRule(keyring: LinkKeyring): KeyedLinkRule {
  return { kind: 'keyed', keyId: keyring.currentId, secret: keyring.secret(keyring.currentId)! };
}

/**
 * The link (the `hash` column) of the event at `seq` after `prevHash`. Legacy: today's
 * keyless SHA-256 (`hashAuditEvent`). Keyed: HMAC-SHA256 under the secret, over the
 * RFC 8785 canonical JSON of the same fields plus `keyId`, in hex — whoever writes to
 * the database without the secret cannot make a link that verifies.
 */
export function linkOf(
  prevHash: string,
  seq: number,
  event: AuditEventInput,
  rule: LinkRule,
): string {
  if (rule.kind === 'legacy') return hashAuditEvent(prevHash, seq, event);
  const canonical = linkCanonical(prevHash, seq, event, rule.keyId);
  return createHmac('sha256', rule.secret).update(canonical, 'utf8').digest('hex');
}
