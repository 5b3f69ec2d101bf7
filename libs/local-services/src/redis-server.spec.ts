import { describe, expect, it } from '@jest/globals';
import {
  planRedisServer,
  provideRedisServer,
  RedisServerNotInstalledError,
  type RedisHost,
  type RedisHostFacts,
} from './redis-server.js';

const bareDebian: RedisHostFacts = {
  found: null,
  isRoot: true,
  hasAptGet: true,
  hasSudo: false,
  hasPackageLists: true,
};

/** A machine that only records what would have been run: nothing is installed. */
function fakeMachine(
  facts: RedisHostFacts,
  options: { installs?: boolean; failures?: string[] } = {},
): RedisHost & { ran: string[] } {
  const failures = [...(options.failures ?? [])];
  let installed = false;
  const ran: string[] = [];
  return {
    ran,
    facts: () => ({ ...facts, found: installed ? '/usr/bin/redis-server' : facts.found }),
    run: async (command, args) => {
      const line = [command, ...args].join(' ');
      ran.push(line);
      if (failures[0] && line.startsWith(failures[0])) {
        failures.shift();
        throw new Error(`${line} exited with code 100:\nE: Unable to locate package redis-server`);
      }
      if (args[0] === 'install' && options.installs !== false) installed = true;
    },
  };
}

async function refusal(host: RedisHost): Promise<RedisServerNotInstalledError> {
  const lines: string[] = [];
  const error = await provideRedisServer((line) => lines.push(line), host).catch((e) => e);
  expect(error).toBeInstanceOf(RedisServerNotInstalledError);
  expect(lines).toEqual([]);
  return error as RedisServerNotInstalledError;
}

describe('a redis-server for npm start on a bare machine', () => {
  it('uses the redis-server on the PATH and installs nothing', async () => {
    const machine = fakeMachine({ ...bareDebian, found: '/usr/bin/redis-server' });
    const lines: string[] = [];
    expect(await provideRedisServer((line) => lines.push(line), machine)).toBe(
      '/usr/bin/redis-server',
    );
    expect(machine.ran).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('missing, as root with apt-get: installs Debian’s package, saying so in one line', async () => {
    const machine = fakeMachine(bareDebian);
    const lines: string[] = [];
    expect(await provideRedisServer((line) => lines.push(line), machine)).toBe(
      '/usr/bin/redis-server',
    );
    expect(machine.ran).toEqual(['apt-get install -y --no-install-recommends redis-server']);
    expect(lines).toEqual([
      "redis-server is not installed: installing Debian's package (apt-get install -y --no-install-recommends redis-server)…",
    ]);
  });

  it('missing, as root on a fresh image with no package lists: apt-get update first', async () => {
    const machine = fakeMachine({ ...bareDebian, hasPackageLists: false });
    const lines: string[] = [];
    await provideRedisServer((line) => lines.push(line), machine);
    expect(machine.ran).toEqual([
      'apt-get update',
      'apt-get install -y --no-install-recommends redis-server',
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('apt-get update, then apt-get install');
  });

  it('stale lists ("Unable to locate package"): updates them once and installs again', async () => {
    const machine = fakeMachine(bareDebian, { failures: ['apt-get install'] });
    await provideRedisServer(() => undefined, machine);
    expect(machine.ran).toEqual([
      'apt-get install -y --no-install-recommends redis-server',
      'apt-get update',
      'apt-get install -y --no-install-recommends redis-server',
    ]);
  });

  it('an install that keeps failing stops with apt’s words and the command to run', async () => {
    const machine = fakeMachine(bareDebian, {
      failures: ['apt-get install', 'apt-get install'],
    });
    const error = await provideRedisServer(() => undefined, machine).catch((e) => e);
    expect(error).toBeInstanceOf(RedisServerNotInstalledError);
    expect((error as Error).message).toContain('E: Unable to locate package redis-server');
    expect((error as Error).message).toContain(
      'apt-get update && apt-get install -y --no-install-recommends redis-server',
    );
  });

  it('missing, not root, with sudo: stops with exactly what to run, installing nothing', async () => {
    const machine = fakeMachine({ ...bareDebian, isRoot: false, hasSudo: true });
    const error = await refusal(machine);
    expect(error.message).toBe(
      'redis-server is not installed, and only root may install it. Run:\n' +
        '  sudo apt-get update && sudo apt-get install -y --no-install-recommends redis-server\n' +
        'then start again (or set REDIS_URL to a Redis server of yours).',
    );
    expect(machine.ran).toEqual([]);
  });

  it('missing, not root, no sudo: the same as root through su', async () => {
    const machine = fakeMachine({ ...bareDebian, isRoot: false });
    const error = await refusal(machine);
    expect(error.message).toContain(
      "  su -c 'apt-get update && apt-get install -y --no-install-recommends redis-server'\n",
    );
    expect(machine.ran).toEqual([]);
  });

  it('missing, no apt-get (not Debian): says what is needed, even as root', async () => {
    const machine = fakeMachine({ ...bareDebian, hasAptGet: false });
    const error = await refusal(machine);
    expect(error.message).toMatch(/no apt-get/);
    expect(error.message).toMatch(/REDIS_URL/);
    expect(machine.ran).toEqual([]);
  });

  it('the plan, fact by fact', () => {
    expect(planRedisServer({ ...bareDebian, found: '/opt/redis/bin/redis-server' })).toEqual({
      action: 'use',
      binary: '/opt/redis/bin/redis-server',
    });
    expect(planRedisServer(bareDebian)).toEqual({ action: 'install', update: false });
    expect(planRedisServer({ ...bareDebian, hasPackageLists: false })).toEqual({
      action: 'install',
      update: true,
    });
    expect(planRedisServer({ ...bareDebian, isRoot: false }).action).toBe('refuse');
    expect(planRedisServer({ ...bareDebian, hasAptGet: false }).action).toBe('refuse');
  });
});
