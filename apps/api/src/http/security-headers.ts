import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AccessConfig } from '#config';

type Directives = Record<string, string[]>;

/**
 * The policy every answer carries, written for the web app to come: a single-page app served
 * from this origin with its own script and style files, nothing inline, images from here or
 * data: URLs, fetch/XHR to this origin only, never framed. JSON answers carry it too: it costs
 * nothing and a JSON body opened as a document can then run nothing either.
 */
export function appCsp(https: boolean): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Inline event handlers (onclick="…") are the classic way injected markup runs script.
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    // An injected <base> would redirect every relative script URL; the app has no need of one.
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Only over HTTPS: on a plain-http deployment (npm start) it would send the browser to an
    // https:// address nobody listens on for every script and style.
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The Swagger UI page (and only its HTML; the scripts, styles and JSON document it loads are
 * not documents, so their CSP is never applied) needs one thing more: inline styles. The page
 * @nestjs/swagger renders has two <style> blocks and style="" attributes on its SVG sprites, and
 * one of the blocks changes with the options, so hashes would break silently. Its scripts are
 * same-origin files (swagger-ui-init.js included), so script-src stays 'self' there too.
 */
export function docsCsp(https: boolean): Directives {
  return { ...appCsp(https), 'style-src': ["'self'", "'unsafe-inline'"] };
}

/** The URLs @nestjs/swagger serves the UI's HTML on (swagger.setup.ts mounts it at api/docs). */
const DOCS_PAGES = new Set(['/api/docs', '/api/docs/', '/api/docs/index.html']);

/** Only the headers we chose: helmet's defaults would otherwise fill in anything left out. */
function helmetOptions(directives: Directives, https: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    // The same refusal as frame-ancestors 'none', for browsers that predate CSP level 2.
    xFrameOptions: { action: 'deny' },
    // HSTS tells browsers to refuse plain http to this host for a year: right only when the
    // service is reached over HTTPS (PUBLIC_URL https:), and harmful on a plain-http install.
    // Not includeSubDomains: the service owns its own host name, not the names under it.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    // nosniff, Cross-Origin-Opener/Resource-Policy same-origin, X-DNS-Prefetch-Control off,
    // X-Permitted-Cross-Domain-Policies none, X-XSS-Protection 0: helmet's defaults, kept.
  };
}

/** The request headers browsers may send cross-origin: what the API reads (auth, writes, tracing, CSRF). */
const CORS_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'X-Correlation-Id',
  // W3C Trace Context, as a browser's OpenTelemetry instrumentation sends it.
  'traceparent',
  'tracestate',
  'X-Requested-With',
  'X-CSRF-Token',
];

/**
 * Security headers on every answer (routes, problem documents, 404s, the API docs) and, when
 * CORS_ORIGINS lists origins, CORS for exactly those. Call before setupSwagger: the docs page
 * gets its relaxed policy as its route is registered.
 */
export async function installSecurityHeaders(app: NestFastifyApplication, access: AccessConfig): Promise<void> {
  const https = access.secureCookies;
  const fastify = app.getHttpAdapter().getInstance();
  // Added before helmet so it runs before helmet's own onRoute hook, which reads this option.
  fastify.addHook('onRoute', (route) => {
    if (DOCS_PAGES.has(route.url)) route.helmet = helmetOptions(docsCsp(https), https);
  });
  await app.register(helmet, { global: true, ...helmetOptions(appCsp(https), https) });

  // Off unless configured: a browser on another origin then cannot read any answer at all.
  if (access.corsOrigins.length === 0) return;
  const allowed = new Set(access.corsOrigins);
  app.enableCors({
    // A function rather than the list, so that a request from any other origin (or none) gets
    // no CORS header at all, and its preflight falls through to a plain 404.
    origin: (origin: string | undefined, done: (error: Error | null, allow: boolean) => void) =>
      done(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    // The methods routes use; add one here when a route starts using it.
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    // ETag feeds If-Match on the next write; Location names what a POST created.
    exposedHeaders: ['ETag', 'Location'],
    maxAge: 600,
  });
}
