import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/shared/infrastructure/project-root.js';

/**
 * The rule set of `.dependency-cruiser.cjs` (run by `npm run lint`), tried the way lint
 * runs it: the depcruise CLI, on a temporary copy of src/ with violations planted, and on
 * the real src/.
 */

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

const root = projectRoot();

function run(cwd: string, outputType: 'json' | 'err') {
  return spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'src',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      outputType,
    ],
    { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
}

function depcruise(cwd: string): Violation[] {
  const result = JSON.parse(run(cwd, 'json').stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

describe('the dependency fences', () => {
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'fences-'));
    for (const entry of ['src', 'libs', 'tsconfig.json', '.dependency-cruiser.cjs'])
      cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    // A context reaching into another's domain rather than its contracts.
    writeFileSync(
      path.join(copy, 'src/audit/application/planted-reach.ts'),
      "export { REQUEST_STATUSES } from '../../initialization/domain/request-status.js';\n",
    );
    // Two modules importing each other.
    writeFileSync(
      path.join(copy, 'src/notifications/application/planted-a.ts'),
      "import { b } from './planted-b.js';\nexport const a = (): number => b() + 1;\n",
    );
    writeFileSync(
      path.join(copy, 'src/notifications/application/planted-b.ts'),
      "import { a } from './planted-a.js';\nexport const b = (): number => a() - 1;\n",
    );
    // A cycle between contexts through published surfaces only: initialization already
    // uses identity's queries; identity sending initialization's command closes the loop.
    writeFileSync(
      path.join(copy, 'src/identity/application/planted-loop.ts'),
      "export { ReleaseHeldRequestsCommand } from '../../initialization/application/commands/release-held-requests/release-held-requests.command.js';\n",
    );
    // The shared kernel reaching a context.
    writeFileSync(
      path.join(copy, 'src/shared/application/planted-kernel.ts'),
      "export type { RequestStatus } from '../../initialization/contracts/vocabulary.js';\n",
    );
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('reports a planted cross-context import, a module cycle, a context cycle through published surfaces and the shared kernel importing a context', () => {
    const violations = depcruise(copy);

    const found = violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'only-published-surface-across-contexts: src/audit/application/planted-reach.ts → src/initialization/domain/request-status.ts',
        'no-cycles: src/notifications/application/planted-a.ts → src/notifications/application/planted-b.ts',
        'layers-identity: src/identity/application/planted-loop.ts → src/initialization/application/commands/release-held-requests/release-held-requests.command.ts',
        'shared-kernel-knows-no-context: src/shared/application/planted-kernel.ts → src/initialization/contracts/vocabulary.ts',
      ]),
    );
    // Nothing else: the copy is main plus the plants.
    expect(violations.filter((v) => !/planted-/.test(v.from + v.to))).toEqual([]);
    // As `npm run lint:deps` runs it, the command fails.
    expect(run(copy, 'err').status).not.toBe(0);
  });

  it('passes on src/ as it is', () => {
    expect(depcruise(root)).toEqual([]);
  });
});
