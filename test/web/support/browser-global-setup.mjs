// Global setup of the `browser` jest project (runs only when one of its suites runs): finds
// Chromium and makes sure dist/web is current, once for every browser suite. Nothing is
// downloaded: the browser is Debian's (apt-get install chromium fonts-noto-cjk; .ci/run does it).
// Without it a developer's run skips the browser suites loudly (the suites record the skip);
// under CI=true it is a failure.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { webBuildIsStale } from '../../../scripts/web-build-state.mjs';

const ROOT = join(import.meta.dirname, '../../..');
const CHROMIUM = process.env.BLO_CHROMIUM || '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export default async function browserGlobalSetup() {
  if (!executable(CHROMIUM)) {
    const reason = `no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set BLO_CHROMIUM)`;
    if (process.env.CI === 'true') throw new Error(`CI=true and ${reason}; the browser suites may not skip in CI`);
    process.env.BLO_BROWSER_SKIP = reason;
    return;
  }
  process.env.BLO_CHROMIUM_PATH = CHROMIUM;
  if (webBuildIsStale(ROOT)) execFileSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
