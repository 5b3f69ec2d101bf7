import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** One mail as the listener received it, decoded. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  raw: string;
}

/** How the listener answers RCPT TO for a recipient (a reply code refuses it). */
export type RecipientAnswer = 'accept' | { code: number; message: string } | 'break-after-data';

/**
 * A real SMTP server on a free loopback port (smtp-server), keeping what it
 * receives. `answer` decides per recipient whether to accept, refuse with a
 * reply code, or take the message and drop the connection without replying.
 */
export class SmtpListener {
  readonly received: ReceivedMail[] = [];
  /** Every RCPT TO, accepted or not, with its time. */
  readonly attempts: { to: string; at: number }[] = [];
  answer: (recipient: string) => RecipientAnswer = () => 'accept';

  private server!: SMTPServer;
  port = 0;

  private constructor() {}

  static async start(): Promise<SmtpListener> {
    const self = new SmtpListener();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        self.attempts.push({ to: address.address, at: Date.now() });
        const answer = self.answer(address.address);
        if (typeof answer === 'object') {
          return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          if (recipients.some((to) => self.answer(to) === 'break-after-data')) {
            dropConnection(server, session);
            return;
          }
          self.received.push(decodeMail(Buffer.concat(chunks).toString('utf8'), recipients));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    self.server = server;
    self.port = port;
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  attemptsFor(address: string): number[] {
    return this.attempts.filter((attempt) => attempt.to === address).map((attempt) => attempt.at);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function dropConnection(server: SMTPServer, session: SMTPServerSession): void {
  for (const connection of server.connections) {
    if (connection.session.id === session.id) connection._socket.destroy();
  }
}

// ── a minimal MIME reader: enough for nodemailer's text + html messages ──────

function decodeMail(raw: string, to: string[]): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  const part = (type: string) => parts.find((leaf) => leaf.type === type)?.content ?? '';
  return {
    to,
    subject: decodeWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: part('text/plain'),
    html: part('text/html'),
    raw,
  };
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? '' : raw.slice(end + 4) };
}

function leafParts(
  headers: Map<string, string>,
  body: string,
): { type: string; content: string }[] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1] ?? '';
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((section) => !section.startsWith('--'))
      .flatMap((section) => {
        const entity = splitEntity(section.replace(/^\r\n/, ''));
        return leafParts(entity.headers, entity.body);
      });
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return [{ type, content: decodeBody(body.replace(/\r\n$/, ''), encoding) }];
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const hex = text.slice(index + 1, index + 3);
    if (text[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(text[index]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words; adjacent words are joined as bytes (a character may span two). */
function decodeWords(value: string): string {
  const words = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let result = '';
  let pending: Buffer[] = [];
  let last = 0;
  for (const match of value.matchAll(words)) {
    const between = value.slice(last, match.index);
    if (between.trim() !== '' || pending.length === 0) {
      result += Buffer.concat(pending).toString('utf8') + between;
      pending = [];
    }
    const data = match[3]!;
    pending.push(
      match[2]!.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(decodeQuotedPrintable(data.replace(/_/g, ' ')), 'utf8'),
    );
    last = match.index + match[0].length;
  }
  return result + Buffer.concat(pending).toString('utf8') + value.slice(last);
}
