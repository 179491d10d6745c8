// Lets `npm start` and `npm test` work on a fresh clone: installs the locked dependencies
// (which bring their own Node 24 runtime) when node_modules is missing or older than the lock.
//
// `npm install` rather than `npm ci`: npm 11.19 records only this platform's optional native
// bindings in the lock file (e.g. unrs-resolver's), and `npm ci` then refuses the lock as out of
// sync on every platform. `npm install` installs exactly the locked versions all the same.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  process.stdout.write('Installing dependencies (npm install from the lock file)…\n');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
