import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import getPort from 'get-port';

export interface RedisServerHandle {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export class RedisServerNotInstalledError extends Error {
  constructor() {
    super('redis-server is not installed. On Debian: apt-get install -y redis-server');
    this.name = 'RedisServerNotInstalledError';
  }
}

/**
 * Starts Debian's `redis-server` on a free loopback port, with its working files
 * in `dir`. Nothing is persisted: the queues' durable state lives in PostgreSQL's outbox.
 */
export async function startRedisServer(options: {
  dir: string;
  port?: number;
  binary?: string;
}): Promise<RedisServerHandle> {
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const port = options.port ?? (await getPort({ host: '127.0.0.1' }));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
    '--logfile',
    '',
  ];
  const child = spawn(options.binary ?? 'redis-server', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitUntilReady(child, port);
  const stopHook = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', stopHook);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', stopHook);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start on port ${port}: ${output.trim()}`));
    }, 10_000);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new RedisServerNotInstalledError() : error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}: ${output.trim()}`));
    });
    // With loglevel warning nothing is printed on success, so poll the port.
    const poll = async (): Promise<void> => {
      const net = await import('node:net');
      const socket = net.createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.write('PING\r\n');
      });
      socket.once('data', (data) => {
        socket.destroy();
        if (data.toString().startsWith('+PONG')) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          resolve();
        } else {
          setTimeout(() => void poll(), 50);
        }
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(() => void poll(), 50);
      });
    };
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    void poll();
  });
}
