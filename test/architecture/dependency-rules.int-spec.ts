import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Every architecture rule in .dependency-cruiser.cjs can fail: a small tree shaped like this
 * repository, with one planted violation per rule and a few allowed imports beside them, is
 * cruised with the real configuration. A rule no plant triggers, or an allowed import refused,
 * fails here; so does a new rule added without a plant.
 */
const ROOT = join(import.meta.dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CRUISER = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** File → its source; files named `planted-*` break the rule named in PLANTED, the rest are allowed. */
const TREE: Record<string, string> = {
  // Allowed: the shapes the real tree uses.
  'libs/shared-kernel/src/index.ts': "import { v4 } from 'uuid';\nexport const id = (): string => v4();\n",
  'libs/cases/src/index.ts': "export * from './domain/case.ts';\n",
  'libs/cases/src/domain/case.ts':
    "import { id } from '../../../shared-kernel/src/index.ts';\nexport const caseId = id;\n",
  'libs/cases/src/domain/case.spec.ts': "import fc from 'fast-check';\nexport const arb = fc.string();\n",
  'libs/cases/src/application/handler.ts':
    "import { Injectable } from '@nestjs/common';\nimport { caseId } from '../domain/case.ts';\n@Injectable()\nexport class H { id = caseId(); }\n",
  'libs/cases/src/application/handler.spec.ts':
    "import { fixture } from '../../../testing/src/index.ts';\nexport const f = fixture;\n",
  'libs/handovers/src/index.ts':
    "import { caseId } from '../../cases/src/index.ts';\nexport const handoverOf = caseId;\n",
  'libs/testing/src/index.ts': 'export const fixture = 1;\n',
  'libs/projections/src/index.ts': "import pg from 'pg';\nexport const pool = pg.Pool;\n",
  'libs/event-store/src/index.ts': "import pg from 'pg';\nexport const Pool = pg.Pool;\n",
  'apps/api/src/main.ts':
    "import { handoverOf } from '../../../libs/handovers/src/index.ts';\nexport const h = handoverOf;\n",
  'apps/web/src/main.ts':
    "import type { H } from '../../../libs/cases/src/application/handler.ts';\nexport type X = H;\n",

  // Planted violations.
  'libs/cases/src/domain/planted-type-import.ts':
    "import type { H } from '../application/handler.ts';\nexport type Y = H;\n",
  'libs/cases/src/domain/planted-framework.ts':
    "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n",
  'libs/shared-kernel/src/planted-fs.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  'libs/shared-kernel/src/planted-lib.ts':
    "import { fixture } from '../../testing/src/index.ts';\nexport const f = fixture;\n",
  'libs/cases/src/application/planted-pg.ts': "import pg from 'pg';\nexport const p = pg;\n",
  'libs/cases/src/application/planted-kafka.ts': "import { Kafka } from 'kafkajs';\nexport const k = Kafka;\n",
  'libs/cases/src/application/planted-projection.ts':
    "import { pool } from '../../../projections/src/index.ts';\nexport const p = pool;\n",
  'libs/cases/src/application/planted-testing.ts':
    "import { fixture } from '../../../testing/src/index.ts';\nexport const f = fixture;\n",
  'libs/cases/src/application/planted-downstream.ts':
    "import { handoverOf } from '../../../handovers/src/index.ts';\nexport const h = handoverOf;\n",
  'libs/persons/src/planted-downstream.ts':
    "import { handoverOf } from '../../handovers/src/index.ts';\nexport const h = handoverOf;\n",
  'libs/event-store/src/planted-app.ts': "import { h } from '../../../apps/api/src/main.ts';\nexport const x = h;\n",
  'apps/cli/src/planted-other-app.ts': "import { h } from '../../api/src/main.ts';\nexport const x = h;\n",
  'apps/web/src/planted-runtime.ts':
    "import { caseId } from '../../../libs/cases/src/index.ts';\nexport const c = caseId;\n",
  'libs/event-store/src/sql/sql-client.ts': 'export interface SqlClient { query(text: string): Promise<unknown> }\n',
  'libs/event-store/src/sql/sql-event-store.ts':
    "import type { SqlClient } from './sql-client.ts';\nexport type S = SqlClient;\n",
  'libs/event-store/src/kurrentdb/kurrent-store.ts':
    "import type { SqlClient } from '../sql/sql-client.ts';\nexport type K = SqlClient;\n",
  'libs/event-store/src/kurrentdb/planted-sql-internals.ts':
    "import type { S } from '../sql/sql-event-store.ts';\nexport type P = S;\n",
  'libs/audit/src/planted-cycle-a.ts':
    "import { b } from './planted-cycle-b.ts';\nexport const a = (): number => b() + 1;\n",
  'libs/audit/src/planted-cycle-b.ts':
    "import { a } from './planted-cycle-a.ts';\nexport const b = (): number => a() - 1;\n",
};

/** Planted file → the rule it must break. */
const PLANTED: Record<string, string> = {
  'libs/cases/src/domain/planted-type-import.ts': 'domain-is-pure',
  'libs/cases/src/domain/planted-framework.ts': 'domain-is-pure-no-packages',
  'libs/shared-kernel/src/planted-fs.ts': 'shared-kernel-is-pure',
  'libs/shared-kernel/src/planted-lib.ts': 'shared-kernel-imports-no-lib',
  'libs/cases/src/application/planted-pg.ts': 'application-reaches-io-through-ports',
  'libs/cases/src/application/planted-kafka.ts': 'application-reaches-io-through-ports',
  'libs/cases/src/application/planted-projection.ts': 'application-reaches-io-through-ports',
  'libs/cases/src/application/planted-testing.ts': 'testing-only-in-tests',
  'libs/cases/src/application/planted-downstream.ts': 'context-order-cases',
  'libs/persons/src/planted-downstream.ts': 'context-order-persons',
  'libs/event-store/src/planted-app.ts': 'libs-never-import-apps',
  'apps/cli/src/planted-other-app.ts': 'apps-never-import-each-other',
  'apps/web/src/planted-runtime.ts': 'web-is-self-contained',
  'libs/audit/src/planted-cycle-a.ts': 'no-circular',
  'libs/event-store/src/kurrentdb/planted-sql-internals.ts': 'adapters-share-no-internals',
};

/** Rules written for a context that the small tree has no room for (verifications, exchanges …). */
const NOT_PLANTED = /^context-order-(?!cases$|persons$)/;

interface Violation {
  readonly from: string;
  readonly rule: { readonly name: string };
}

describe('the architecture rules (.dependency-cruiser.cjs)', () => {
  let dir = '';
  let violations: Violation[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'blo-depcruise-'));
    for (const [file, source] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), source);
    }
    // The repository's packages, so that imports resolve and classify (npm, core) as they do for real.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ type: 'module', dependencies: pkg.dependencies, devDependencies: pkg.devDependencies }),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', allowImportingTsExtensions: true },
      }),
    );
    let out: string;
    try {
      out = execFileSync(process.execPath, [CRUISER, 'libs', 'apps', '--config', CONFIG, '--output-type', 'json'], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // Violations make the cruiser exit non-zero; its report is still on stdout.
      out = (error as { stdout?: string }).stdout ?? '';
    }
    violations = (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rulesOf = (file: string): string[] => violations.filter((v) => v.from === file).map((v) => v.rule.name);

  it.each(Object.entries(PLANTED))('%s breaks %s', (file, rule) => {
    expect(rulesOf(file)).toContain(rule);
  });

  it('accepts the allowed shapes beside them (no violation outside the planted files)', () => {
    const elsewhere = violations.filter((v) => !v.from.split('/').pop()!.startsWith('planted-'));
    expect(elsewhere.map((v) => `${v.from}: ${v.rule.name}`)).toEqual([]);
  });

  it('has a plant for every rule of the configuration', () => {
    const require = createRequire(import.meta.url);
    const config = require(CONFIG) as { forbidden: { name: string }[] };
    const planted = new Set(Object.values(PLANTED));
    const missing = config.forbidden.map((r) => r.name).filter((name) => !planted.has(name) && !NOT_PLANTED.test(name));
    expect(missing).toEqual([]);
  });
});
