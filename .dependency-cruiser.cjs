/**
 * The fences between the bounded contexts (issue 19). A context may use another only
 * through its published surface: its commands and queries (`application/commands/**`
 * `*.command.ts`, `application/queries/**` `*.query.ts`), its typed events and its
 * `contracts/` module, and its Nest module for wiring. Domain code imports no framework.
 * Try it: `npx depcruise src --config .dependency-cruiser.cjs`.
 */
const CONTEXTS = '(identity|initialization|audit|sla|notifications|filing-registry)';
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
