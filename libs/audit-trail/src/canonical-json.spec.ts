import { describe, expect, it } from '@jest/globals';
import { canonicalize } from 'json-canonicalize';
import { canonicalJson, linkCanonical } from './canonical-json.js';
import { linkFields, type AuditEventInput } from './events.js';

const awkward: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1e21,
  1e-7,
  123.456,
  -42,
  Number.MAX_SAFE_INTEGER,
  '',
  'plain',
  '审核 备案',
  'quote " backslash \\ slash /',
  'controls \u0000 \u0007 \b \t \n \f \r \u001f \u007f',
  'separators \u2028 \u2029',
  'pair 😀 lone \ud800 and \udfff',
  [],
  [1, 'a', null, [true, {}]],
  [undefined, 1],
  {},
  { b: 1, a: 2, A: 3, _: 4, '10': 5, '9': 6, é: 7, z: { y: [{ x: 'w' }] } },
  { skipped: undefined, kept: null },
  { when: new Date(Date.UTC(2026, 11, 8, 1, 2, 3, 4)) },
];

describe('canonical JSON', () => {
  it('writes exactly what json-canonicalize writes, value by value', () => {
    for (const value of awkward) expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson({ all: awkward })).toBe(canonicalize({ all: awkward }));
  });

  it('leaves what is not plain JSON to json-canonicalize', () => {
    const unusual = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(canonicalJson(unusual)).toBe(canonicalize(unusual));
    class Point {
      constructor(
        readonly y: number,
        readonly x: number,
      ) {}
    }
    expect(canonicalJson({ p: new Point(1, 2) })).toBe(canonicalize({ p: new Point(1, 2) }));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/Non-finite/);
  });

  it('writes a link’s fields in canonical order, with and without a key id', () => {
    const event: AuditEventInput = {
      occurredAt: new Date(Date.UTC(2026, 11, 8, 1, 2, 3, 456)),
      actorType: 'STAFF',
      actorId: '00000000-0000-4000-8000-000000000001',
      actorRole: 'SENIOR_REVIEWER',
      actorName: 'Wang "Wei"',
      action: 'request.approved',
      requestId: null,
      subjectId: '00000000-0000-4000-8000-000000000002',
      details: { awkward },
      ip: null,
    };
    const fields = linkFields('a'.repeat(64), 42, event);
    expect(linkCanonical('a'.repeat(64), 42, event)).toBe(canonicalize(fields));
    expect(linkCanonical('a'.repeat(64), 42, event, 'k-1')).toBe(
      canonicalize({ ...fields, keyId: 'k-1' }),
    );
    // A field missing at run time (a caller outside TypeScript) is left out, as before.
    const partial = { ...event, ip: undefined } as unknown as AuditEventInput;
    expect(linkCanonical('a'.repeat(64), 42, partial)).toBe(
      canonicalize(linkFields('a'.repeat(64), 42, partial)),
    );
  });
});
