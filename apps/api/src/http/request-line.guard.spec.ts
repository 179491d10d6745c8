import { clientErrorProblem } from './client-error.responder.js';
import { MAX_URL_LENGTH, requestLineProblem } from './request-line.guard.js';

describe('request line', () => {
  it.each([
    ['/api/v1/cases/01a20622-f6e9-7066-a49c-36660dc58c44', null],
    ['/api/v1/cases?q=%zz', null],
    [`/api/v1/cases/${'x'.repeat(100)}`, null],
    [`/api/v1/cases/${'x'.repeat(101)}`, 414],
    [`/api/v1/cases?q=${'x'.repeat(MAX_URL_LENGTH)}`, 414],
    ['/api/v1/cases/%zz', 400],
    ['/api/v1/cases/%ED%A0%80', 400],
    ['/api/v1/cases/%E0%A4%A', 400],
  ])('%s → %p', (url, status) => {
    const p = requestLineProblem(url, 100);
    expect(p?.status ?? null).toBe(status);
    if (p) expect(p.detail).not.toContain('x'.repeat(20));
  });
});

describe('client errors of the HTTP parser', () => {
  it.each([
    [{ code: 'ERR_HTTP_REQUEST_TIMEOUT' }, 408],
    [{ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from('GET /x HTTP/1.1\r\nX: yyy') }, 431],
    [{ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from(`GET /${'x'.repeat(MAX_URL_LENGTH)}`) }, 414],
    [{ code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from('y'.repeat(MAX_URL_LENGTH + 1)) }, 431],
    [{ code: 'HPE_INVALID_HEADER_TOKEN' }, 400],
    [{ code: 'HPE_INVALID_CONTENT_LENGTH' }, 400],
    [{}, 400],
  ])('%o → %p', (error, status) => {
    expect(clientErrorProblem(error).status).toBe(status);
  });
});
