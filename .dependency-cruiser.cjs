/** Architecture rules (../shared/architecture.md, Habits): a violation fails `npm test`. */
const CONTEXTS = 'cases|persons|exchanges|verifications|handovers|accounts';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'A domain folder imports nothing but its own domain and the shared kernel.',
      severity: 'error',
      from: { path: `^libs/(${CONTEXTS})/src/domain/`, pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: [`^libs/$1/src/domain/`, '^libs/shared-kernel/src/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-is-pure-no-packages',
      comment: 'No framework or I/O package in a domain folder.',
      severity: 'error',
      from: { path: `^libs/(${CONTEXTS})/src/domain/`, pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm', 'core'] },
    },
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
    exclude: { path: '(^dist/|^node_modules/|\\.mjs$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['source', 'import', 'require', 'node', 'default'], exportsFields: ['exports'] },
    combinedDependencies: true,
  },
};
