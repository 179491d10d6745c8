import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every refusal code the api can answer has a sentence in the web app (refusal.text.ts words a
 * refusal from it; without one, an officer would read only the vague sentence of the HTTP
 * status): `problem.<PREFIX>.<NAME>` in the shared apps/web/src/i18n/{vi,zh-Hans,en}.json when
 * the gate app may meet the code, else `refusal.<PREFIX>.<NAME>` in desktop.{vi,zh-Hans,en}.json,
 * which the gate does not load (its script must stay within 100 KB gzipped).
 *
 * Where the codes come from:
 * - the domain's error objects, every `export const …Errors = {…}` of libs/<lib>/src/domain/*.errors.ts,
 *   found on disk, so a new aggregate's file is covered the day it appears;
 * - OTHER_CODES below, for every code raised anywhere else (the api layer in apps/api/src, and
 *   application services or libs that look outside one aggregate).
 *
 * Adding a code outside an *.errors.ts file: add it to OTHER_CODES, and its sentence to the three
 * language files of its group (above; GATE_CODES says which codes the gate needs). The last test
 * reads the sources and names any quoted 'PREFIX.NAME' that is in neither place.
 */
const OTHER_CODES = [
  // apps/api/src: authentication and the access table
  'AUTH.SIGN_IN_FAILED',
  'AUTH.TOO_MANY_ATTEMPTS',
  'AUTH.SESSION_ENDED',
  'AUTH.CSRF',
  'AUTH.FORBIDDEN',
  'AUTH.OUT_OF_SCOPE',
  'AUTH.NATIONAL_READ_ONLY',
  'AUTH.NO_POLICY',
  'AUTH.ROLE_NOT_HELD',
  'AUTH.OIDC_UNAVAILABLE',
  'AUTH.OIDC_CLAIMS',
  // Built at run time as `AUTH.OIDC_${reason}` (oidc-login.controller.ts, one per OidcLoginFailure
  // but 'unavailable'): no literal for the scan below to find, so keep these in step by hand.
  'AUTH.OIDC_TRANSACTION_MISSING',
  'AUTH.OIDC_STATE_MISMATCH',
  'AUTH.OIDC_PROVIDER_REFUSED',
  'AUTH.OIDC_CODE_REFUSED',
  'AUTH.OIDC_ID_TOKEN_REFUSED',
  // apps/api/src/http: the request itself
  'REQUEST.INVALID',
  'REQUEST.STALE_REVISION',
  'REQUEST.CONCURRENT_UPDATE',
  'REQUEST.TOO_LARGE',
  'REQUEST.BAD_URL',
  'REQUEST.EMPTY_BODY',
  'REQUEST.HEADERS_TOO_LARGE',
  'REQUEST.IDEMPOTENCY_KEY_REUSED',
  'REQUEST.INVALID_CURSOR',
  'REQUEST.INVALID_HEADER',
  'REQUEST.INVALID_ID',
  'REQUEST.INVALID_IDEMPOTENCY_KEY',
  'REQUEST.INVALID_IF_MATCH',
  'REQUEST.INVALID_QUERY',
  'REQUEST.INVALID_UTF8',
  'REQUEST.MALFORMED_HTTP',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.METHOD_NOT_ALLOWED',
  'REQUEST.NOT_AN_OBJECT',
  'REQUEST.NO_ROUTE',
  'REQUEST.OUTCOME_UNKNOWN',
  'REQUEST.REJECTED',
  'REQUEST.TIMEOUT',
  'REQUEST.TOO_DEEP',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'REQUEST.URI_TOO_LONG',
  'SERVER.UNEXPECTED',
  'WEB.NOT_BUILT',
  // read side, integrity, the event log and personal-data keys
  'READ.NOT_CAUGHT_UP',
  'READ.NOT_READY',
  'PROJECTION.NOT_FOUND',
  'PROJECTION.RUNS_IN_WORKER',
  'EVENT.NOT_FOUND',
  'INTEGRITY.INDEX_ALTERED',
  'INTEGRITY.LOG_INCONSISTENT',
  'INTEGRITY.NOT_CHECKPOINTED',
  'INTEGRITY.NO_CHECKPOINT',
  'INTEGRITY.PROOF_FAILED',
  'INTEGRITY.UNAVAILABLE',
  'KEY.LEGAL_HOLD',
  'KEY.NOT_FOUND',
  // application services (libs/*/src/application): look-ups one aggregate cannot make
  'EXCHANGE.UNKNOWN_COUNTERPART',
  'HANDOVER.UNKNOWN_GATE',
  'HANDOVER.UNKNOWN_COUNTERPART',
  'HANDOVER.PERSON_ERASED',
  'VERIFICATION.UNKNOWN_COUNTERPART',
  'VERIFICATION.PERSON_NOT_FOUND',
  'VERIFICATION.PERSON_NOT_IN_CASE',
  // libs/meetings/src/application/linked-records.ts: the counterpart register, records of the meeting's province
  'MEETING.UNKNOWN_COUNTERPART',
  'MEETING.RECORD_NOT_FOUND',
] as const;

const ROOT = join(import.meta.dirname, '../..');
const I18N = join(ROOT, 'apps/web/src/i18n');
const LANGUAGES = ['vi', 'zh-Hans', 'en'] as const;
/** Besides every HANDOVER.* code: what the gate app may meet when it reads or confirms a handover. */
const GATE_CODES = [
  'AUTH.SIGN_IN_FAILED',
  'AUTH.TOO_MANY_ATTEMPTS',
  'AUTH.SESSION_ENDED',
  'AUTH.CSRF',
  'AUTH.FORBIDDEN',
  'AUTH.OUT_OF_SCOPE',
  'REQUEST.INVALID',
  'REQUEST.STALE_REVISION',
  'REQUEST.CONCURRENT_UPDATE',
  'REQUEST.TOO_LARGE',
  'REQUEST.IDEMPOTENCY_KEY_REUSED',
  'REQUEST.OUTCOME_UNKNOWN',
  'PERSON.NOT_FOUND',
  'PERSON.ERASED',
  'READ.NOT_CAUGHT_UP',
  'READ.NOT_READY',
  'SERVER.UNEXPECTED',
];

const CODE = /^[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*$/;
const QUOTED_CODE = /['"`]([A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*)['"`]/g;

type Language = (typeof LANGUAGES)[number];
type Tree = { [key: string]: string | Tree };
const load = (file: string): Tree => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Tree;
const shared = Object.fromEntries(LANGUAGES.map((l) => [l, load(`${l}.json`)])) as Record<Language, Tree>;
const desktop = Object.fromEntries(LANGUAGES.map((l) => [l, load(`desktop.${l}.json`)])) as Record<Language, Tree>;

/** The string at a dotted path, or undefined (a missing key, an empty string or a group of keys). */
function at(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

/** What refusal.text.ts shows on the desktop for a code: the shared sentence, else the desktop's own. */
const sentenceFor = (language: Language, code: string): string | undefined =>
  at(shared[language], `problem.${code}`) ?? at(desktop[language], `refusal.${code}`);

/** libs/<lib>/src/domain/*.errors.ts, relative to the repository. */
function domainErrorFiles(): string[] {
  const libs = join(ROOT, 'libs');
  return readdirSync(libs)
    .map((lib) => join(libs, lib, 'src/domain'))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.errors.ts'))
        .map((f) => join(dir, f)),
    )
    .map((file) => relative(ROOT, file))
    .sort();
}

/** The codes a module exports as values of its constant objects (`CaseErrors.CLOSED` → 'CASE.CLOSED'). */
function codesOf(module: Record<string, unknown>): string[] {
  return Object.values(module)
    .filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null)
    .flatMap((object) => Object.values(object))
    .filter((value): value is string => typeof value === 'string' && CODE.test(value));
}

/** Non-test TypeScript under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|browser-spec)\.ts$/.test(f))
    .map((f) => join(dir, f));
}

describe('the refusal codes of the api', () => {
  const files = domainErrorFiles();
  const domain = new Map<string, string[]>();

  beforeAll(async () => {
    for (const file of files) domain.set(file, codesOf((await import(join(ROOT, file))) as Record<string, unknown>));
  });

  it('are found in every domain *.errors.ts file, each exporting its codes as an object', () => {
    expect(files.length).toBeGreaterThan(0);
    const withoutCodes = files.filter((file) => domain.get(file)!.length === 0);
    expect({ filesExportingNoCodeObject: withoutCodes }).toEqual({ filesExportingNoCodeObject: [] });
  });

  it.each(LANGUAGES)('of the domain each have a sentence in %s', (language) => {
    const missing = [...domain].flatMap(([file, codes]) =>
      codes.filter((code) => sentenceFor(language, code) === undefined).map((code) => `${code} (${file})`),
    );
    expect({ codesWithoutSentence: missing }).toEqual({ codesWithoutSentence: [] });
  });

  it.each(LANGUAGES)('raised outside the domain objects each have a sentence in %s', (language) => {
    const missing = OTHER_CODES.filter((code) => sentenceFor(language, code) === undefined);
    expect({ codesWithoutSentence: missing }).toEqual({ codesWithoutSentence: [] });
  });

  it('that the gate app may meet are worded in the strings it loads (the shared files)', () => {
    const gate = [...GATE_CODES, ...[...domain.values(), OTHER_CODES].flat().filter((c) => c.startsWith('HANDOVER.'))];
    const missing = LANGUAGES.flatMap((language) =>
      gate.filter((code) => at(shared[language], `problem.${code}`) === undefined).map((c) => `${c} (${language})`),
    );
    expect({ notInSharedFiles: [...new Set(missing)] }).toEqual({ notInSharedFiles: [] });
  });

  it('are each worded once, in the shared files or in the desktop ones', () => {
    const all = [...OTHER_CODES, ...[...domain.values()].flat()];
    const twice = LANGUAGES.flatMap((language) =>
      all.filter((c) => at(shared[language], `problem.${c}`) && at(desktop[language], `refusal.${c}`)),
    );
    expect({ wordedTwice: [...new Set(twice)] }).toEqual({ wordedTwice: [] });
  });

  it('raised anywhere in the api or the libs are all known here (add a new one to OTHER_CODES)', () => {
    const known = new Set<string>([...OTHER_CODES, ...[...domain.values()].flat()]);
    const unknown = [
      join(ROOT, 'apps/api/src'),
      ...readdirSync(join(ROOT, 'libs')).map((l) => join(ROOT, 'libs', l, 'src')),
    ]
      .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      .flatMap(sources)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(QUOTED_CODE)]
          .map((m) => m[1])
          .filter((code) => !known.has(code))
          .map((code) => `${code} (${relative(ROOT, file)})`),
      );
    expect({ codesNotListed: [...new Set(unknown)] }).toEqual({ codesNotListed: [] });
  });
});
