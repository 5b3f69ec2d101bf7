import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { createRootLogger } from './logger.js';

function capture(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, sink };
}

describe('the root logger', () => {
  it('keeps the values bound to a failed query out of the line, but not the query or the reason', () => {
    const { lines, sink } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (applicant_id_number)=(11010119900307803X) already exists.',
    });
    const error = new QueryFailedError(
      'INSERT INTO "initialization_requests"("applicant_id_number", "credential_number") VALUES ($1, $2)',
      ['11010119900307803X', '91330106MA2KXXXX1Y'],
      driverError,
    );
    createRootLogger('info', sink).error({ err: error }, 'request failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('11010119900307803X');
    expect(lines[0]).not.toContain('91330106MA2KXXXX1Y');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'request failed',
      err: {
        type: 'QueryFailedError',
        message: 'duplicate key value violates unique constraint',
        query: expect.stringContaining('INSERT INTO "initialization_requests"'),
        parameters: '[redacted]',
      },
    });
  });

  it('keeps applicant ID numbers, credential numbers and passwords out of logged objects', () => {
    const { lines, sink } = capture();
    createRootLogger('info', sink).info(
      {
        application: { credentialNumber: '91330106MA2KXXXX1Y', password: 'secret-password' },
        applicant: { idNumber: '11010119900307803X' },
      },
      'received',
    );
    expect(lines[0]).not.toMatch(/11010119900307803X|91330106MA2KXXXX1Y|secret-password/);
  });
});
