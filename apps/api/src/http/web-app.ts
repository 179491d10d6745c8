import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem.js';

/**
 * The web app's two entries (apps/web, built by `npm run build:web`): `/gate` and everything
 * under it is the border guard's app, every other page path the desktop app.
 */
const GATE_INDEX = 'gate/index.html';
const DESKTOP_INDEX = 'index.html';

/** Paths the api owns: an unknown one there stays the api's problem+json 404, never a page. */
const API_PATHS = /^\/(?:api|health|metrics)(?:\/|$)/;

/** Hashed by Vite (a new name for new content): cached for a year and never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, the service worker, icons): revalidated on every use (ETag). */
const REVALIDATE = 'no-cache';

/**
 * dist/web of this installation. The nearest folder up with a package.json is the repository
 * (or /app in the image), whether this runs compiled from dist/apps/… or from sources in tests.
 */
export function webRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(dir, 'dist', 'web');
}

const acceptsHtml = (req: FastifyRequest): boolean => (req.headers.accept ?? '').includes('text/html');

/** A path whose last segment has an extension names a file; app routes (/cases/…) never do. */
const namesFile = (path: string): boolean => /\.[^/]+$/.test(path);

function pathOf(req: FastifyRequest): string | null {
  try {
    return decodeURIComponent(new URL(req.url, 'http://web.invalid').pathname);
  } catch {
    return null;
  }
}

/**
 * Serves the built web app from dist/web beside the api: `/` and `/gate` with history fallback
 * (a page path such as /cases/… or /gate/… asked for as a page gets its entry's index.html, so
 * reloads and shared links work), files with the Brotli or gzip copy the build wrote when the
 * browser accepts it, hashed assets cached as immutable and the rest revalidated. Routes the
 * api declares are more specific than the catch-all and win; an unknown path under /api,
 * /health or /metrics, a missing file, or a non-page request is handed to the api's own 404.
 * Without a build, pages answer a problem+json 404 saying so instead of failing.
 */
export async function installWebApp(app: NestFastifyApplication, root: string = webRoot()): Promise<void> {
  const cacheControlOf = (file: string): string =>
    file.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : REVALIDATE;

  // In its own plugin scope, so its reply.sendFile stays out of anyone else's way.
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyStatic, {
      root,
      serve: false,
      preCompressed: true,
      // Set per file below; send's own default (max-age=0) would only be overwritten.
      cacheControl: false,
      dotfiles: 'ignore',
      // A missing build is a state this module reports per request, not a startup warning.
      suppressWarning: true,
      setHeaders: (reply: FastifyReply, file: string) => {
        void reply.header('cache-control', cacheControlOf(file));
      },
    });

    // Looked for until found, then trusted: a build made while the api runs is picked up, and a
    // served page costs no extra file-system call.
    let built = false;
    const serve = (req: FastifyRequest, reply: FastifyReply) => {
      const path = pathOf(req);
      if (path === null || API_PATHS.test(path)) return reply.callNotFound();
      built ||= existsSync(join(root, DESKTOP_INDEX));
      if (!built) return notBuilt(reply);
      if (namesFile(path)) return reply.sendFile(path.slice(1));
      const gate = path === '/gate' || path.startsWith('/gate/');
      // The entries themselves for any client (curl included); deeper paths only for page requests.
      if (path === '/' || path === '/gate' || path === '/gate/' || acceptsHtml(req))
        return reply.sendFile(gate ? GATE_INDEX : DESKTOP_INDEX);
      return reply.callNotFound();
    };
    scope.get('/', serve);
    scope.get('/*', serve);
  });
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      problem(
        404,
        'WEB.NOT_BUILT',
        'The web app is not built on this server: run `npm run build:web` (npm start builds it), then reload.',
      ),
    );
}
