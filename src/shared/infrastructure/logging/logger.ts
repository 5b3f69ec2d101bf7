import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/**
 * Fields that must never reach a log line: credentials, session cookies and the
 * personal identifiers the desk handles (resident ID and credit-code numbers),
 * also as the values bound to a query that failed.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.idNumber',
  '*.credentialNumber',
  '*.applicantIdNumber',
  '*._csrf',
  // A failed query carries its bound values (and PostgreSQL's detail may quote a key's value).
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
];

export function createRootLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'beian-desk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as pino.DestinationStream | undefined,
  );
}

const requestLogger = new AsyncLocalStorage<Logger>();

/** The logger of the request being served (with its request id), or the root logger. */
export function currentLogger(root: Logger): Logger {
  return requestLogger.getStore() ?? root;
}

/**
 * pino-http middleware: a request id on every line (taken from X-Request-Id when
 * sane, else generated, and echoed back), URLs without their query strings.
 */
export function requestLogging(root: Logger) {
  const http: HttpLogger = pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id =
        typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        method: req.method,
        path: withoutSecrets(req.url.split('?')[0] ?? ''),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: {
      // Probes and scrapes come every few seconds; /metrics has its own request counts.
      ignore: (req) =>
        req.url === '/health' || req.url === '/metrics' || (req.url ?? '').startsWith('/assets/'),
    },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    http(req, res);
    const log = (req as IncomingMessage & { log: Logger }).log;
    requestLogger.run(log, next);
  };
}

/** A set-password link's token is a secret (only its hash is stored): never in a log line. */
function withoutSecrets(path: string): string {
  return path.replace(/^\/password\/[^/]+/, '/password/[redacted]');
}

const NEST_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Nest's logger interface over pino, so framework and app lines share one format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    // Nest's start-up chatter (modules loaded, routes mapped) is debug detail.
    const context = rest[rest.length - 1];
    const chatter = typeof context === 'string' && NEST_CHATTER.has(context);
    this.write(chatter ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const logger = currentLogger(this.root);
    // Nest passes the context (class name) last; an Error or a stack may precede it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const bindings: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      logger[level]({ ...bindings, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const text = rest.find((part): part is string => typeof part === 'string');
      logger[level]({ ...bindings, ...message }, text);
    } else {
      const stack = rest.find((part) => typeof part === 'string' && part.includes('\n    at '));
      logger[level]({ ...bindings, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
