import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { GENESIS_HASH, hashAuditEvent, type AuditEventInput } from './events.js';
import {
  LinkKeyringError,
  formatLinkKeyring,
  linkOf,
  newLinkKeyLine,
  parseLinkKeyring,
} from './link-keys.js';

const secret = (byte: number) => Buffer.alloc(32, byte).toString('base64');

const event: AuditEventInput = {
  occurredAt: new Date('2026-12-01T02:00:00.000Z'),
  actorType: 'STAFF',
  actorId: '00000000-0000-4000-8000-000000000001',
  actorRole: 'REVIEWER',
  actorName: 'Li Na',
  action: 'request.claimed',
  requestId: null,
  subjectId: null,
  details: { note: '审核' },
  ip: '10.0.0.1',
};

describe('link keyring', () => {
  it('reads id:base64 lines, the first current, ignoring blank lines and comments', () => {
    const keyring = parseLinkKeyring(
      `# rotated 2026-12\n\nk2:${secret(2)}\r\n  k1:${secret(1)}  \n# old\n`,
    );
    expect(keyring.currentId).toBe('k2');
    expect(keyring.ids()).toEqual(['k2', 'k1']);
    expect(keyring.secret('k1')).toEqual(Buffer.alloc(32, 1));
    expect(keyring.secret('k3')).toBeUndefined();
  });

  it('lists every problem in the file by line, without the secrets', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    let thrown: unknown;
    try {
      parseLinkKeyring(
        [
          `bad id!:${secret(1)}`,
          'no-colon',
          `k1:${short}`,
          `k2:not base64!`,
          `k3:${secret(3)}`,
          `k3:${secret(4)}`,
        ].join('\n'),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LinkKeyringError);
    const problems = (thrown as LinkKeyringError).problems;
    expect(problems).toEqual([
      expect.stringContaining('line 1: the key id'),
      expect.stringContaining('line 2: expected'),
      expect.stringContaining('line 3: the secret is 16 bytes'),
      expect.stringContaining('line 4: the secret is not valid base64'),
      expect.stringContaining('line 6: the key id "k3" appears twice'),
    ]);
    expect((thrown as Error).message).not.toContain(secret(1));
    expect((thrown as Error).message).not.toContain(short);
  });

  it('refuses a keyring with no key', () => {
    expect(() => parseLinkKeyring('# nothing here\n')).toThrow('it holds no key');
  });

  it('round-trips through its text, and makes fresh lines', () => {
    const keyring = parseLinkKeyring(`${newLinkKeyLine('2026-12')}\n${newLinkKeyLine('old_1')}`);
    const again = parseLinkKeyring(formatLinkKeyring(keyring));
    expect(again.ids()).toEqual(['2026-12', 'old_1']);
    expect(again.secret('old_1')).toEqual(keyring.secret('old_1'));
    expect(() => newLinkKeyLine('no spaces')).toThrow(LinkKeyringError);
  });
});

describe('links', () => {
  it('legacy links are the keyless hash of today', () => {
    expect(linkOf(GENESIS_HASH, 1, event, { kind: 'legacy' })).toBe(
      hashAuditEvent(GENESIS_HASH, 1, event),
    );
  });

  it('keyed links depend on the secret, the key id and every field', () => {
    const key = randomBytes(32);
    const keyed = linkOf(GENESIS_HASH, 1, event, { kind: 'keyed', keyId: 'k1', secret: key });
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(hashAuditEvent(GENESIS_HASH, 1, event));
    expect(linkOf(GENESIS_HASH, 1, event, { kind: 'keyed', keyId: 'k1', secret: key })).toBe(keyed);
    const others = [
      linkOf(GENESIS_HASH, 1, event, { kind: 'keyed', keyId: 'k1', secret: randomBytes(32) }),
      linkOf(GENESIS_HASH, 1, event, { kind: 'keyed', keyId: 'k2', secret: key }),
      linkOf(GENESIS_HASH, 2, event, { kind: 'keyed', keyId: 'k1', secret: key }),
      linkOf(
        GENESIS_HASH,
        1,
        { ...event, details: { note: '审' } },
        {
          kind: 'keyed',
          keyId: 'k1',
          secret: key,
        },
      ),
    ];
    for (const other of others) expect(other).not.toBe(keyed);
  });
});
