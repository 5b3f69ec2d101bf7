/**
 * The fences between the bounded contexts (issue 19). A context may use another only
 * through its published surface: its commands and queries (`application/commands/**`
 * `*.command.ts`, `application/queries/**` `*.query.ts`), its typed events and its
 * `contracts/` module, and its Nest module for wiring. Domain code imports no framework.
 * The contexts are layered (LAYERS below, upstream first): a context imports only contexts
 * of earlier layers, so no cycle between contexts can form, even through published
 * surfaces. Where an upstream context needs something a downstream one keeps, it owns a port
 * in its `contracts/` and the downstream context implements it (`*-ports.module.ts`), wired
 * by the composition root (src/app.module.ts). The shared kernel imports no context, and no
 * context imports the entry points (src/*.ts, src/cli, src/demo). No import cycle between
 * modules anywhere in src/ (src/cli included: the CLI's shared types live in
 * src/shared/interface/cli/cli-context.ts). Part of `npm run lint`;
 * test/e2e/dependency-fences.e2e-spec.ts plants a cross-context import, a context cycle
 * and a module cycle and checks each is reported. Try it: `npm run lint:deps`.
 */
const LAYERS = [
  ['identity', 'filing-registry'],
  ['initialization'],
  ['sla'],
  ['audit'],
  ['notifications'],
];
const CONTEXTS = `(${LAYERS.flat().join('|')})`;
const layeringRules = LAYERS.flatMap((layer, index) =>
  layer.map((context) => ({
    name: `layers-${context}`,
    comment: `${context} may import only contexts upstream of it (${LAYERS.slice(0, index).flat().join(', ') || 'none'}).`,
    severity: 'error',
    from: { path: `^src/${context}/` },
    to: {
      path: `^src/(${LAYERS.slice(index).flat().join('|')})/`,
      pathNot: `^src/${context}/`,
    },
  })),
);
module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain-typescript',
      comment: 'Domain code imports no framework, driver or template engine.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      to: {
        path: 'node_modules/(@nestjs|typeorm|express|bull|pg|ioredis|handlebars)',
      },
    },
    {
      name: 'only-published-surface-across-contexts',
      comment:
        'A context uses another only through its commands, queries, events, contracts and Nest module.',
      severity: 'error',
      from: { path: `^src/${CONTEXTS}/` },
      to: {
        path: `^src/${CONTEXTS}/`,
        pathNot: [
          '^src/$1/',
          `^src/${CONTEXTS}/application/commands/.+[.]command[.]ts$`,
          `^src/${CONTEXTS}/application/queries/.+[.]query[.]ts$`,
          `^src/${CONTEXTS}/contracts/`,
          `^src/${CONTEXTS}/[^/]+[.]module[.]ts$`,
        ],
      },
    },
    ...layeringRules,
    {
      name: 'shared-kernel-knows-no-context',
      comment:
        'src/shared is used by every context and imports none of them, nor the entry points.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: [`^src/${CONTEXTS}/`, '^src/(cli|demo)/', '^src/[^/]+[.]ts$'] },
    },
    {
      name: 'contexts-do-not-import-entry-points',
      comment:
        'The composition root and the CLI and demo entry points import contexts, never the reverse.',
      severity: 'error',
      from: { path: `^src/${CONTEXTS}/` },
      to: { path: ['^src/(cli|demo)/', '^src/[^/]+[.]ts$'] },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycle anywhere in src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '[.]spec[.]ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
