import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Routes whose answers carry a secret (the CSRF token of GET /me and POST /session, the OIDC
 * sign-in's redirects and cookies): never compressed, so their length cannot leak the secret
 * to someone who also gets text of theirs reflected in the same answer (BREACH, ADR 0010).
 */
const CARRIES_SECRET = /^\/api\/v1\/(?:me|session)(?:\/|$)/;

/** Only the api's own answers; the web app's files have their build-time Brotli and gzip copies. */
const JSON_TYPES = /^application\/(?:problem\+)?json(?:;|$)/;

/** Below this, the headers and the compression's own framing eat most of the saving. */
const THRESHOLD_BYTES = 1024;

/**
 * Compresses JSON and problem+json answers of at least 1 KB with Brotli or gzip, as the
 * request's Accept-Encoding allows (ADR 0010). Call before any route is declared: the exclusions
 * are set as each route is registered.
 */
export async function installJsonCompression(fastify: FastifyInstance): Promise<void> {
  // Added before the plugin so it runs before the plugin's own onRoute hook, which reads this option.
  fastify.addHook('onRoute', (route) => {
    if (CARRIES_SECRET.test(route.url)) route.compress = false;
  });
  await fastify.register(fastifyCompress, {
    globalCompression: true,
    // Compressed request bodies would get past the body limit as a small upload that inflates.
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    customTypes: JSON_TYPES,
    threshold: THRESHOLD_BYTES,
  });
}
