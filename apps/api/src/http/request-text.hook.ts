import type { FastifyInstance } from 'fastify';
import { type FieldError, type Problem, ProblemError, problem } from './problem.js';
import { PROTOTYPE_KEYS, hasUnstorableChar, shownKey } from './untrusted-text.rules.js';

/** CR and LF could split a header wherever a value is written again; NUL cannot be stored. */
const HEADER_CONTROL = /[\u0000\r\n]/;

/** Field errors reported at most, as for a body. */
const MAX_REPORTED = 20;

const decodeQueryPart = (part: string): string => decodeURIComponent(part.replace(/\+/g, ' '));

/**
 * Header values. Node's parser already refuses control characters in them (answered by the
 * 'clientError' responder), so this only matters if that parser is ever made lenient
 * (--insecure-http-parser): the rule stays true whichever parser read the request.
 */
function headerProblem(rawHeaders: readonly string[]): Problem | null {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const value = rawHeaders[i + 1];
    if (HEADER_CONTROL.test(value) || hasUnstorableChar(value)) {
      const name = rawHeaders[i].toLowerCase();
      return problem(400, 'REQUEST.INVALID_HEADER', 'A header value contains a control character.', [
        { field: shownKey(name), message: `${shownKey(name)} must not contain control characters` },
      ]);
    }
  }
  return null;
}

/** Path segments, decoded: a NUL could only come percent-encoded (the request-line guard checked the encoding). */
function pathProblem(path: string): Problem | null {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return problem(400, 'REQUEST.BAD_URL', 'The request path is not valid percent-encoded UTF-8.');
    }
    if (hasUnstorableChar(decoded)) {
      return problem(400, 'REQUEST.INVALID', 'The request path contains NUL.', [
        { field: 'path', message: 'the path must not contain NUL' },
      ]);
    }
  }
  return null;
}

/**
 * The query string as sent, decoded strictly. The framework's parser keeps a malformed escape
 * (`%zz`, `%ED%A0%80`) as raw text and decodes `%00` to NUL; either then reaches a DTO or an
 * audit event. Here both are refused, and so are prototype keys, like unknown fields.
 */
function queryProblem(query: string): Problem | null {
  const invalid: FieldError[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeQueryPart(eq === -1 ? part : part.slice(0, eq));
      value = eq === -1 ? '' : decodeQueryPart(part.slice(eq + 1));
    } catch {
      return problem(400, 'REQUEST.INVALID_QUERY', 'The query string is not valid percent-encoded UTF-8.');
    }
    const field = shownKey(key);
    if (PROTOTYPE_KEYS.has(key)) invalid.push({ field, message: `property ${field} should not exist` });
    if (hasUnstorableChar(key) || hasUnstorableChar(value)) invalid.push({ field, message: 'must not contain NUL' });
  }
  return invalid.length > 0
    ? problem(400, 'REQUEST.INVALID', 'The request has invalid fields.', invalid.slice(0, MAX_REPORTED))
    : null;
}

/**
 * Refuses, before authentication or any handler, text no part of the service may receive:
 * in header values, the path and the query string (the body is checked by its parser).
 */
export function refuseUnstorableRequestText(instance: FastifyInstance): void {
  instance.addHook('onRequest', async (req) => {
    const url = req.raw.url ?? '/';
    const end = url.search(/[?#]/);
    const refusal =
      headerProblem(req.raw.rawHeaders) ??
      pathProblem(end === -1 ? url : url.slice(0, end)) ??
      (url[end] === '?' ? queryProblem(url.slice(end + 1).split('#')[0]) : null);
    if (refusal) throw new ProblemError(refusal);
  });
}
