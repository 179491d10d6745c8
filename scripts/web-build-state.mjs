// Whether dist/web is older than what it is built from, for scripts/ensure-build.mjs (npm start,
// npm run cli) and the browser tests' global setup: both rebuild the web app only when needed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_STAMP = 'dist/web-build.json';
const INPUTS = ['apps/web', 'scripts/build-web.mjs', 'package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** True when there is no build, or a source, the build script or the dependencies changed since. */
export function webBuildIsStale(root = process.cwd()) {
  const stamp = join(root, WEB_STAMP);
  if (!existsSync(stamp) || !existsSync(join(root, 'dist/web/index.html'))) return true;
  return statSync(stamp).mtimeMs < Math.max(...INPUTS.map((input) => newest(join(root, input))));
}

