// Lets `npm start` and `npm test` work on a fresh clone: installs the locked dependencies
// (which bring their own Node 24 runtime) when node_modules is missing or older than the lock.
//
// `npm ci`, so the install is exactly the lock file and never rewrites it: a fresh clone's
// `git status` stays clean (CI checks that after the whole suite).
// `--loglevel=error`: the npm that runs this is the machine's (Node 20 here), older than what
// several packages declare in `engines`; each of them prints an EBADENGINE warning although the
// project runs them on the Node 24 it installs. Those warnings say nothing actionable, and they
// buried the one line that matters (the URL) under a screen of text. Errors still show.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  process.stdout.write('Installing dependencies (npm ci from the lock file)…\n');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
}
