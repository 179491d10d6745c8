import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Problem, problem } from './problem.js';
import { rawProblemResponse } from './raw-problem.answer.js';
import { MAX_URL_LENGTH } from './request-line.guard.js';

/** The parts of a 'clientError' error this answer depends on. */
interface ClientError {
  readonly code?: string;
  readonly rawPacket?: Buffer;
}

/**
 * Node's HTTP parser refuses some requests before any framework sees them: a CR, LF, NUL or
 * other control character in a header, a malformed request line or chunk, headers over 16 KB, a
 * request that does not arrive within the timeouts. Node then emits 'clientError' with the raw
 * socket. The framework's default answer is a bare JSON body; this one is a problem.
 */
export function clientErrorProblem(error: ClientError): Problem {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'REQUEST.TIMEOUT', 'The request did not arrive in time; send it again.');
    case 'HPE_HEADER_OVERFLOW':
      // The limit counts the request line too: a request line alone past it is a target too long.
      return requestLineTooLong(error.rawPacket)
        ? problem(414, 'REQUEST.URI_TOO_LONG', 'The request target is longer than the service accepts.')
        : problem(431, 'REQUEST.HEADERS_TOO_LARGE', 'The request headers are larger than the service accepts.');
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_INVALID_CHUNK_SIZE':
      return problem(400, 'REQUEST.MALFORMED_HTTP', 'The request body is not framed as HTTP/1.1 requires.');
    case undefined:
    default:
      return problem(400, 'REQUEST.MALFORMED_HTTP', 'The request is not well-formed HTTP/1.1.');
  }
}

/**
 * Whether the bytes the parser choked on start with a request line past the URL limit. The
 * packet is the chunk being parsed, usually the whole head of the request; a later chunk does
 * not start with a method and a path, so it is not mistaken for one.
 */
function requestLineTooLong(rawPacket: Buffer | undefined): boolean {
  if (rawPacket === undefined) return false;
  const end = rawPacket.indexOf('\r\n');
  const line = rawPacket.subarray(0, end === -1 ? rawPacket.length : end).toString('latin1');
  return line.length > MAX_URL_LENGTH && /^[A-Z]+ \//.test(line);
}

/** The socket's response already started (a request on it is being answered): leave it alone. */
function answering(socket: Duplex): boolean {
  const message = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return message?.headersSent === true;
}

/** Replaces every 'clientError' listener (the framework's) with one answering problem+json. */
export function answerClientErrors(server: Server): void {
  server.removeAllListeners('clientError');
  server.on('clientError', (error: Error & ClientError, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable && !answering(socket)) {
      // Closed once the answer is flushed: the parser is gone, nothing more can be read from it.
      socket.end(rawProblemResponse(clientErrorProblem(error)), () => socket.destroy());
    } else {
      socket.destroy();
    }
  });
}
