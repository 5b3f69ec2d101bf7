import { canonicalize } from 'json-canonicalize';

/** Strings JSON.stringify would write unchanged between quotes (no escapes, no surrogates). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const SAFE = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** Thrown inside the fast path when a value is not plain JSON; the library then decides. */
class NotPlainJson extends Error {}
const notPlain = () => new NotPlainJson('not plain JSON');

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return SAFE.test(value) ? `"${value}"` : JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notPlain();
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) {
          if (i > 0) out += ',';
          const element: unknown = value[i];
          out += element === undefined ? 'null' : write(element);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      if (
        typeof record.toJSON === 'function' ||
        Object.getPrototypeOf(value) !== Object.prototype
      ) {
        if (!(value instanceof Date)) throw notPlain();
        return JSON.stringify(value);
      }
      const keys = Object.keys(record).sort();
      let out = '{';
      let next = false;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (next) out += ',';
        next = true;
        out += `${JSON.stringify(key)}:${write(item)}`;
      }
      return `${out}}`;
    }
    default:
      throw notPlain();
  }
}

/**
 * RFC 8785 canonical JSON, exactly as `json-canonicalize` writes it, several times faster
 * on plain JSON values (what jsonb gives back); anything else goes to the library itself.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (!(error instanceof NotPlainJson) && !(error instanceof RangeError)) throw error;
    return canonicalize(value);
  }
}

/** The fields of an event a link covers (see `linkFields`), before canonicalization. */
interface LinkedFields {
  occurredAt: Date;
  actorType: unknown;
  actorId: unknown;
  actorRole: unknown;
  actorName: unknown;
  action: unknown;
  requestId: unknown;
  subjectId: unknown;
  details: unknown;
  ip: unknown;
}

/**
 * The canonical JSON of a link's fields (`linkFields`, plus `keyId` when keyed), written in
 * the RFC 8785 key order directly: the same text as canonicalizing the object, without
 * building and sorting it. The verification's hot path.
 */
export function linkCanonical(
  prevHash: string,
  seq: number,
  event: LinkedFields,
  keyId?: string,
): string {
  const e = event;
  if (
    e.action === undefined ||
    e.actorId === undefined ||
    e.actorName === undefined ||
    e.actorRole === undefined ||
    e.actorType === undefined ||
    e.details === undefined ||
    e.ip === undefined ||
    e.requestId === undefined ||
    e.subjectId === undefined ||
    !(e.occurredAt instanceof Date)
  ) {
    return canonicalJson(slowFields(prevHash, seq, e, keyId));
  }
  try {
    return (
      `{"action":${write(e.action)},"actorId":${write(e.actorId)},"actorName":${write(e.actorName)}` +
      `,"actorRole":${write(e.actorRole)},"actorType":${write(e.actorType)},"details":${write(e.details)}` +
      `,"ip":${write(e.ip)}${keyId === undefined ? '' : `,"keyId":${write(keyId)}`}` +
      `,"occurredAt":${write(e.occurredAt.toISOString())},"prevHash":${write(prevHash)}` +
      `,"requestId":${write(e.requestId)},"seq":${write(seq)},"subjectId":${write(e.subjectId)}}`
    );
  } catch (error) {
    if (!(error instanceof NotPlainJson) && !(error instanceof RangeError)) throw error;
    return canonicalize(slowFields(prevHash, seq, e, keyId));
  }
}

function slowFields(prevHash: string, seq: number, e: LinkedFields, keyId?: string) {
  return {
    seq,
    prevHash,
    occurredAt: e.occurredAt.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorRole: e.actorRole,
    actorName: e.actorName,
    action: e.action,
    requestId: e.requestId,
    subjectId: e.subjectId,
    details: e.details,
    ip: e.ip,
    ...(keyId === undefined ? {} : { keyId }),
  };
}
