/**
 * The fences between the bounded contexts (issue 19). A context may use another only
 * through its published surface: its commands and queries (`application/commands/**`
 * `*.command.ts`, `application/queries/**` `*.query.ts`), its typed events and its
 * `contracts/` module, and its Nest module for wiring. Domain code imports no framework.
 * The rules: domain code stays plain TypeScript; a context reaches another only through
 * that published surface; no import cycle between modules anywhere in src/ (src/cli
 * included: the CLI's shared types live in src/shared/interface/cli/cli-context.ts);
 * and initialization, which owns the ports sla implements, never imports sla (the app
 * module wires them). Part of `npm run lint`; test/e2e/dependency-fences.e2e-spec.ts
 * plants a cross-context import and a cycle and checks both are reported.
 * Try it: `npm run lint:deps`.
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
      name: 'port-owner-does-not-depend-on-implementer',
      comment:
        'initialization owns DeadlinePolicy and SlaDescriber and their vocabulary (contracts/sla.ts); sla implements them, so initialization never imports sla.',
      severity: 'error',
      from: { path: '^src/initialization/' },
      to: { path: '^src/sla/' },
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
