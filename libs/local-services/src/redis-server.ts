import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import getPort from 'get-port';

export interface RedisServerHandle {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts Debian's `redis-server` on a free loopback port, with its working files
 * in `dir`. Nothing is persisted: the queues' durable state lives in PostgreSQL's outbox.
 * Without a `binary`, the one on the PATH; when there is none, as root with apt-get it
 * installs Debian's package first (saying so in one line through `log`), otherwise it
 * throws RedisServerNotInstalledError saying exactly what to run.
 */
export async function startRedisServer(options: {
  dir: string;
  port?: number;
  binary?: string;
  log?: (line: string) => void;
}): Promise<RedisServerHandle> {
  const binary =
    options.binary ??
    (await provideRedisServer(
      options.log ?? ((line: string) => void process.stderr.write(line + '\n')),
    ));
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
  const child = spawn(binary, args, {
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

// What to do when redis-server is missing (here, not in a module of its own: the tests'
// global set-up loads this file outside Jest's module system, by path).

/** The one package a bare Debian machine lacks for `npm start` and `npm test`. */
export const REDIS_PACKAGE = 'redis-server';
const APT_INSTALL = ['install', '-y', '--no-install-recommends', REDIS_PACKAGE];
const APT_UPDATE = ['update'];

export class RedisServerNotInstalledError extends Error {
  constructor(
    message = `redis-server is not installed. On Debian: apt-get install -y --no-install-recommends ${REDIS_PACKAGE}`,
  ) {
    super(message);
    this.name = 'RedisServerNotInstalledError';
  }
}

/** What this machine offers, as far as getting a `redis-server` goes. */
export interface RedisHostFacts {
  /** The `redis-server` on the PATH, or null. */
  found: string | null;
  isRoot: boolean;
  hasAptGet: boolean;
  hasSudo: boolean;
  /** Whether apt has downloaded package lists (a fresh image has none: `apt-get update` first). */
  hasPackageLists: boolean;
}

export type RedisServerPlan =
  | { action: 'use'; binary: string }
  /** Install Debian's package (after `apt-get update` when `update`). */
  | { action: 'install'; update: boolean }
  /** Nothing this process may do: stop with exactly what to run. */
  | { action: 'refuse'; message: string };

/**
 * What to do about `redis-server`: use the one on the PATH; else, as root with apt-get,
 * install Debian's package; else stop and say exactly what to run.
 */
export function planRedisServer(facts: RedisHostFacts): RedisServerPlan {
  if (facts.found) return { action: 'use', binary: facts.found };
  if (facts.hasAptGet && facts.isRoot) return { action: 'install', update: !facts.hasPackageLists };
  if (facts.hasAptGet) {
    const asRoot = `apt-get update && apt-get install -y --no-install-recommends ${REDIS_PACKAGE}`;
    const command = facts.hasSudo
      ? `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${REDIS_PACKAGE}`
      : `su -c '${asRoot}'`;
    return {
      action: 'refuse',
      message:
        `redis-server is not installed, and only root may install it. Run:\n` +
        `  ${command}\n` +
        `then start again (or set REDIS_URL to a Redis server of yours).`,
    };
  }
  return {
    action: 'refuse',
    message:
      'redis-server is not installed, and this machine has no apt-get to install it with. ' +
      'Install Redis with your package manager so that `redis-server` is on the ' +
      'PATH, then start again (or set REDIS_URL to a Redis server of yours).',
  };
}

/** The machine as the plan needs it, and a way to run apt-get. */
export interface RedisHost {
  facts(): RedisHostFacts;
  /** Runs a command to its end; rejects with its output when it fails. */
  run(command: string, args: string[]): Promise<void>;
}

/**
 * The path of a `redis-server` to run, installing Debian's package first when the plan
 * says so (one line through `log` before it starts). Throws RedisServerNotInstalledError
 * with exactly what to run when this process cannot install it.
 */
export async function provideRedisServer(
  log: (line: string) => void,
  host: RedisHost = thisMachine,
): Promise<string> {
  const facts = host.facts();
  const plan = planRedisServer(facts);
  if (plan.action === 'use') return plan.binary;
  if (plan.action === 'refuse') throw new RedisServerNotInstalledError(plan.message);

  log(
    `redis-server is not installed: installing Debian's package (${plan.update ? 'apt-get update, then ' : ''}apt-get ${APT_INSTALL.join(' ')})…`,
  );
  try {
    if (plan.update) await host.run('apt-get', APT_UPDATE);
    try {
      await host.run('apt-get', APT_INSTALL);
    } catch (error) {
      // Stale or missing lists ("Unable to locate package"): refresh them once and try again.
      if (plan.update) throw error;
      await host.run('apt-get', APT_UPDATE);
      await host.run('apt-get', APT_INSTALL);
    }
  } catch (error) {
    throw new RedisServerNotInstalledError(
      `redis-server is not installed, and installing Debian's package failed:\n` +
        `${error instanceof Error ? error.message : String(error)}\n` +
        `Run apt-get update && apt-get install -y --no-install-recommends ${REDIS_PACKAGE} ` +
        `and start again (or set REDIS_URL to a Redis server of yours).`,
    );
  }
  const installed = host.facts().found;
  if (!installed) {
    throw new RedisServerNotInstalledError(
      `apt-get installed ${REDIS_PACKAGE}, but no redis-server is on the PATH (${process.env.PATH ?? ''}).`,
    );
  }
  return installed;
}

/** The machine this process runs on. */
const thisMachine: RedisHost = {
  facts: () => ({
    found: onPath('redis-server'),
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get') !== null,
    hasSudo: onPath('sudo') !== null,
    hasPackageLists: hasAptLists(),
  }),
  run: (command, args) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const keep = (data: Buffer): void => {
        output = (output + data.toString()).slice(-4000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.once('error', reject);
      child.once('close', (code) => {
        if (code === 0) resolve();
        else
          reject(
            new Error(`${command} ${args.join(' ')} exited with code ${code}:\n${output.trim()}`),
          );
      });
    }),
};

/** The first executable `name` in the PATH's folders (Debian puts redis-server in /usr/bin). */
function onPath(name: string): string | null {
  const folders = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const folder of [...folders, '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin']) {
    const candidate = path.join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Whether `apt-get update` has ever run here (a fresh Debian image has no lists). */
function hasAptLists(): boolean {
  try {
    return readdirSync('/var/lib/apt/lists').some((name) => name.includes('_Packages'));
  } catch {
    return false;
  }
}
