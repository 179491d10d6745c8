// Builds dist/ only when a source file is newer than the last build, so `npm run cli -- token …`
// answers in a second instead of recompiling the project every time. The api (TypeScript, tsc)
// and the web app (apps/web, Vite) are checked and rebuilt separately.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webBuildIsStale } from './web-build-state.mjs';

const MARKER = 'dist/.build-stamp';

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // The web app is not tsc's: its own check below.
    if (entry.isDirectory()) newest = path === join('apps', 'web') ? newest : newestSource(path, newest);
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const inputs = ['apps', 'libs', 'bench'].filter((d) => existsSync(d));
const newest = Math.max(
  ...inputs.map((d) => newestSource(d)),
  ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(f).mtimeMs),
);
if (!existsSync(MARKER) || statSync(MARKER).mtimeMs < newest) {
  execSync('npm run build:api --silent', { stdio: 'inherit' });
  writeFileSync(MARKER, new Date().toISOString());
}
if (webBuildIsStale()) execSync('npm run build:web --silent', { stdio: 'inherit' });
