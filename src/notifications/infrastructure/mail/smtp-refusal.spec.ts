import { describe, expect, it } from '@jest/globals';
import { smtpRefusal } from './smtp-refusal.js';

const smtpError = (message: string, fields: Record<string, unknown>): Error =>
  Object.assign(new Error(message), fields);

describe('reading an SMTP error', () => {
  it('takes a temporary reply to the recipient as "not sent, try again"', () => {
    const refusal = smtpError("Can't send mail - all recipients were rejected: 451 Try later", {
      code: 'EENVELOPE',
      responseCode: 451,
      command: 'RCPT TO',
    });
    expect(smtpRefusal(refusal)).toMatchObject({ permanent: false });
  });

  it('takes a 5xx reply about the message as "not sent, never will be"', () => {
    const refusal = smtpError('Message failed: 550 Mailbox unavailable', {
      code: 'EMESSAGE',
      responseCode: 550,
      command: 'DATA',
    });
    expect(smtpRefusal(refusal)).toMatchObject({ permanent: true });
  });

  it('keeps trying when the server refuses the session itself, even with a 5xx', () => {
    const refusal = smtpError('Invalid login: 535 Authentication failed', {
      code: 'EAUTH',
      responseCode: 535,
    });
    expect(smtpRefusal(refusal)).toMatchObject({ permanent: false });
  });

  it('takes a refused connection as "not sent, try again"', () => {
    const refused = smtpError('connect ECONNREFUSED 127.0.0.1:2525', {
      code: 'ESOCKET',
      originalCode: 'ECONNREFUSED',
      command: 'CONN',
    });
    expect(smtpRefusal(refused)).toMatchObject({ permanent: false });
  });

  it('takes a greeting that never came as "not sent"', () => {
    const timeout = smtpError('Greeting never received', {
      code: 'ETIMEDOUT',
      timeoutType: 'GREETING_TIMEOUT',
    });
    expect(smtpRefusal(timeout)).not.toBeNull();
  });

  it('does not claim to know when the connection broke or stalled mid-conversation', () => {
    expect(
      smtpRefusal(smtpError('Connection closed unexpectedly', { code: 'ECONNECTION' })),
    ).toBeNull();
    expect(
      smtpRefusal(smtpError('Timeout', { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' })),
    ).toBeNull();
    expect(
      smtpRefusal(smtpError('read ECONNRESET', { code: 'ESOCKET', originalCode: 'ECONNRESET' })),
    ).toBeNull();
    expect(smtpRefusal('not an error')).toBeNull();
  });
});
