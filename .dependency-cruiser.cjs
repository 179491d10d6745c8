/**
 * Architecture rules (docs/architecture.md): a violation fails `npm test`, and
 * test/architecture/dependency-rules.spec.ts plants one violation of each rule to prove it can.
 */
const CONTEXTS = 'cases|persons|exchanges|verifications|handovers|meetings|accounts|reports';
/** Test code and the fixtures beside it, which may use fast-check, #testing and the like. */
const TEST_CODE = '(\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$|\\.spec-fixtures\\.ts$|/spec-support/)';
/**
 * The direction between bounded contexts: a context may import only those before it. Cases is the
 * root every record links to; persons, verifications (of a person), exchanges and handovers build on
 * it; meetings follow up what was agreed about any of them; accounts stand apart. Written as an order so that a package-level cycle (cases ↔ handovers,
 * through two files that are not themselves a cycle) is refused, which `no-circular` cannot see.
 */
const CONTEXT_ORDER = ['cases', 'persons', 'verifications', 'exchanges', 'handovers', 'meetings', 'accounts', 'reports'];
/** Packages that do I/O: application code reaches them through ports (#event-store), never directly. */
const IO_PACKAGES = '(^|/)node_modules/(pg|pg-[a-z-]+|kafkajs|@electric-sql/pglite|@kurrent/[^/]+)/';

const contextOrderRules = CONTEXT_ORDER.slice(0, -1).map((context, i) => ({
  name: `context-order-${context}`,
  comment: `${context} is upstream of ${CONTEXT_ORDER.slice(i + 1).join(', ')}: it may not import them.`,
  severity: 'error',
  from: { path: `^libs/${context}/` },
  to: { path: `^libs/(${CONTEXT_ORDER.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'A domain folder imports nothing but its own domain and the shared kernel.',
      severity: 'error',
      from: { path: `^libs/(${CONTEXTS})/src/domain/`, pathNot: TEST_CODE },
      // Type-only imports included: a domain that names another layer's types depends on it all the same.
      to: { pathNot: [`^libs/$1/src/domain/`, '^libs/shared-kernel/src/'] },
    },
    {
      name: 'domain-is-pure-no-packages',
      comment: 'No framework or I/O package in a domain folder.',
      severity: 'error',
      from: { path: `^libs/(${CONTEXTS})/src/domain/`, pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      name: 'shared-kernel-is-pure',
      comment: 'Every context builds on the shared kernel: no framework, no I/O, no node built-in; uuid only.',
      severity: 'error',
      from: { path: '^libs/shared-kernel/', pathNot: TEST_CODE },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
        pathNot: '(^|/)node_modules/uuid/',
      },
    },
    {
      name: 'shared-kernel-imports-no-lib',
      severity: 'error',
      from: { path: '^libs/shared-kernel/', pathNot: TEST_CODE },
      to: { path: '^libs/', pathNot: '^libs/shared-kernel/' },
    },
    {
      name: 'application-reaches-io-through-ports',
      comment:
        'Application code decides and writes through #event-store; databases, brokers and the read models ' +
        '(libs/projections) are adapters it does not import.',
      severity: 'error',
      from: { path: `^libs/(${CONTEXTS})/src/application/`, pathNot: TEST_CODE },
      to: { path: [IO_PACKAGES, '^libs/projections/'] },
    },
    {
      name: 'testing-only-in-tests',
      comment: '#testing (fixtures, fake clocks, skips) is for tests; shipped code never depends on it.',
      severity: 'error',
      from: { path: '^(libs|apps)/', pathNot: [TEST_CODE, '^libs/testing/'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'adapters-share-no-internals',
      comment:
        'The KurrentDB adapter shares the append preparation (src/append/) with the SQL stores, never their ' +
        'internals; it may use the SQL client alone, where it keeps its idempotency claims.',
      severity: 'error',
      from: { path: '^libs/event-store/src/kurrentdb/', pathNot: TEST_CODE },
      to: { path: '^libs/event-store/src/sql/', pathNot: '^libs/event-store/src/sql/sql-client\\.ts$' },
    },
    ...contextOrderRules,
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'web-is-self-contained',
      comment:
        'The browser app is a bundle of its own: nothing from libs/ or another app at run time. It learns the api ' +
        'from the generated OpenAPI types (apps/web/src/api/schema.d.ts); a type-only import would be erased anyway.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps)/', pathNot: '^apps/web/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Our own .mjs (scripts, jest set-ups) are not cruised; a package's .mjs entry (pg's) must stay
    // visible, or the rules about packages could not see it.
    exclude: { path: '(^dist/|^(?!.*node_modules/).*\\.mjs$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['source', 'import', 'require', 'node', 'default'], exportsFields: ['exports'] },
    combinedDependencies: true,
  },
};
