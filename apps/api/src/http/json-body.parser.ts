import type { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { MAX_JSON_DEPTH, invalidFieldsOf, nestsDeeperThan } from './json-body.inspector.js';
import { ProblemError, problem } from './problem.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are parsed here rather than by the default parser because the default one
 * silently replaces invalid UTF-8 with U+FFFD — a Vietnamese or Chinese name would be altered
 * without anyone noticing. Invalid UTF-8, malformed JSON and non-object bodies get a 400;
 * any other content type a 415; an oversized body a 413 (fastify's bodyLimit). The parser is
 * also the first code to hold the body, so the limits every later step relies on are checked
 * here: nesting depth before the parse, then NUL, unpaired surrogates and prototype keys.
 */
export function installBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  // The adapter, not the app facade, accepts a custom parser function.
  const adapter = app.getHttpAdapter() as unknown as FastifyAdapter;
  // Async on purpose: the adapter completes a parser through its promise (or an explicit done).
  const parseJson = async (_req: FastifyRequest, body: Buffer): Promise<unknown> => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      throw new ProblemError(problem(400, 'REQUEST.INVALID_UTF8', 'The request body is not valid UTF-8.'));
    }
    if (text.trim() === '') return {};
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      throw new ProblemError(
        problem(
          400,
          'REQUEST.TOO_DEEP',
          `The request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels.`,
        ),
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ProblemError(problem(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.'));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ProblemError(problem(400, 'REQUEST.NOT_AN_OBJECT', 'The request body must be a JSON object.'));
    }
    const invalid = invalidFieldsOf(parsed);
    if (invalid.length > 0) {
      throw new ProblemError(problem(400, 'REQUEST.INVALID', 'The request has invalid fields.', invalid));
    }
    return parsed;
  };
  adapter.useBodyParser('application/json', false, { bodyLimit }, parseJson);
  adapter.useBodyParser(/^application\/[a-z0-9.+-]*\+json$/, false, { bodyLimit }, parseJson);
  // A body in any other media type is refused before parsing, whatever parsers fastify knows.
  const JSON_TYPE = /^application\/(?:[a-z0-9.+-]*\+)?json\s*(?:;|$)/i;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req) => {
      const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
      if (
        (hasBody || req.headers['transfer-encoding'] !== undefined) &&
        !JSON_TYPE.test(req.headers['content-type'] ?? '')
      ) {
        throw new ProblemError(problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'));
      }
    });
  adapter.useBodyParser('application/x-www-form-urlencoded', false, { bodyLimit }, async () => {
    throw new ProblemError(problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'));
  });
}
