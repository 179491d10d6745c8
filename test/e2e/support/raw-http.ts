import { connect } from 'node:net';

/** An answer read off the wire, for requests fetch refuses to send (bad header bytes, broken framing). */
export interface RawAnswer {
  readonly status: number;
  /** Lower-cased names; the last value wins. */
  readonly headers: Record<string, string>;
  readonly text: string;
}

function parse(bytes: Buffer): RawAnswer | null {
  const split = bytes.indexOf('\r\n\r\n');
  if (split === -1) return null;
  const [statusLine, ...lines] = bytes.subarray(0, split).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = bytes.subarray(split + 4);
  const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
  if (length !== null && body.length < length) return null;
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    text: body.subarray(0, length ?? body.length).toString('utf8'),
  };
}

/**
 * Writes the bytes as they are to the server and reads one answer: complete when its
 * Content-Length has arrived, or when the server closes the connection. Rejects if the server
 * closes without a parsable answer.
 */
export function sendRaw(baseUrl: string, request: string | Buffer): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      const answer = parse(received);
      if (!answer && !closed) return;
      done = true;
      socket.destroy();
      if (answer) resolve(answer);
      else reject(new Error(`connection closed without an answer: ${JSON.stringify(received.toString('latin1'))}`));
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      finish(false);
    });
    socket.on('close', () => finish(true));
    // A reset after the answer was written (the server closed with our bytes unread) is not a failure.
    socket.on('error', () => finish(true));
    socket.write(request);
  });
}

/** A request line and headers in HTTP/1.1 form, with Host and Connection: close added. */
export function rawRequest(method: string, target: string, headers: Record<string, string> = {}, body = ''): string {
  const lines = Object.entries({ host: 'localhost', connection: 'close', ...headers }).map(([n, v]) => `${n}: ${v}`);
  if (body !== '' && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    lines.push(`content-length: ${Buffer.byteLength(body)}`);
  }
  return `${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
