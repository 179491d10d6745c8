import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '#config';
import { openEventStore, type RecordedEvent } from '#event-store';
import { bearerFor, startService, type ServiceProcess } from './support/service-process.js';

/**
 * The log of a real process (apps/api/src/main.ts, embedded store, LOG_LEVEL=log) through a
 * journey that records a person: JSON lines only, one line per request with its id, the
 * caller's subject, the route pattern, status and duration, and not one of the personal strings
 * the journey sent or read back, in any form.
 */
const NAME = 'Lầu Thị Xuyến Mẩy';
const VARIANT = '娄氏串美';
const DOCUMENT = '079308765432';
const BIRTH = '2008-11-23';
const PLACE = 'bản Nà Pàn Khuổi';
const PERSONAL = [NAME, VARIANT, DOCUMENT, BIRTH, PLACE, 'Xuyến', 'Khuổi'];

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface RequestLine {
  level: number;
  msg: string;
  reqId: string;
  userId: string | null;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  traceId: string | null;
}

describe('structured logs', () => {
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'blo-logs-'));
  });

  afterAll(async () => {
    await service?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('are JSON lines, one per request with id, user, route, status and duration, and no personal data', async () => {
    service = startService({
      DATA_DIR: dataDir,
      PORT: '0',
      PGLITE_SYNC: 'off',
      LOG_LEVEL: 'log',
      EXCHANGE_RELEASE: 'off',
    });
    const url = (await service.waitFor(/serving (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/, 90_000))[1];
    const officer = await bearerFor(dataDir, 'liaison_officer', 'officer.sub-42');
    const call = (path: string, init: RequestInit = {}, requestId?: string, more: Record<string, string> = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: {
          authorization: officer,
          'content-type': 'application/json',
          ...(requestId !== undefined ? { 'x-request-id': requestId } : {}),
          ...more,
        },
      });
    const sent: { id: string; method: string; route: string; status: number }[] = [];
    const note = (res: Response, method: string, route: string) => {
      sent.push({ id: res.headers.get('x-request-id') ?? '', method, route, status: res.status });
      return res;
    };

    const opened = note(
      await call(
        '/api/v1/cases',
        {
          method: 'POST',
          body: JSON.stringify({
            channel: 'hotline',
            province: 'lang-son',
            summary: `Tin báo: một thiếu nữ bị đưa qua biên giới từ ${PLACE}`,
            occurredAt: '2026-03-05T09:00:00+07:00',
          }),
        },
        'probe-request-0001',
      ),
      'POST',
      '/api/v1/cases',
    );
    expect(opened.status).toBe(201);
    // A sane id the client sent is kept and echoed.
    expect(opened.headers.get('x-request-id')).toBe('probe-request-0001');
    const caseId = ((await opened.json()) as { id: string }).id;

    const person = {
      role: 'presumed_victim',
      fullName: NAME,
      nameVariants: [{ script: 'zh-Hans', value: VARIANT }],
      sex: 'female',
      dateOfBirth: BIRTH,
      nationality: 'VN',
      documents: [{ kind: 'cccd', number: DOCUMENT }],
    };
    const registered = note(
      await call(`/api/v1/cases/${caseId}/persons`, { method: 'POST', body: JSON.stringify(person) }, 'not a sane id!'),
      'POST',
      '/api/v1/cases/:id/persons',
    );
    expect(registered.status).toBe(201);
    // An id with spaces is not taken: the service makes its own.
    expect(registered.headers.get('x-request-id')).toMatch(UUID);
    const personId = ((await registered.json()) as { id: string }).id;

    const read = note(await call(`/api/v1/persons/${personId}`), 'GET', '/api/v1/persons/:id');
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain(NAME);
    const search = note(await call(`/api/v1/cases?q=${encodeURIComponent(NAME)}`), 'GET', '/api/v1/cases');
    expect(search.status).toBe(200);
    const refused = note(
      await call(`/api/v1/cases/${caseId}/persons`, {
        method: 'POST',
        body: JSON.stringify({ ...person, dateOfBirth: `${NAME} ${DOCUMENT}` }),
      }),
      'POST',
      '/api/v1/cases/:id/persons',
    );
    expect(refused.status).toBe(400);
    // A caller that traces its requests (W3C traceparent): the trace id is logged and becomes
    // the correlation id of what the request records.
    const traced = note(
      await call(
        '/api/v1/cases',
        {
          method: 'POST',
          body: JSON.stringify({
            channel: 'hotline',
            province: 'lang-son',
            summary: 'Tin báo thứ hai',
            occurredAt: '2026-03-06T09:00:00+07:00',
          }),
        },
        undefined,
        { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` },
      ),
      'POST',
      '/api/v1/cases',
    );
    expect(traced.status).toBe(201);
    const tracedCaseId = ((await traced.json()) as { id: string }).id;
    const tracedId = traced.headers.get('x-request-id');
    const probe = await fetch(`${url}/health`);
    sent.push({ id: probe.headers.get('x-request-id') ?? '', method: 'GET', route: '/health', status: 200 });

    await service.stop();
    const out = service.stdout();
    const lines = out.split('\n').filter((l) => l.trim() !== '');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(sent.length);
    // Nest's route table and module list are debug lines: a start shows what an operator acts on.
    const chatter = records.filter((r) =>
      ['RouterExplorer', 'RoutesResolver', 'InstanceLoader'].includes(String(r.context)),
    );
    expect(chatter).toEqual([]);
    expect(records.some((r) => r.context === 'main' && String(r.msg).includes('is serving'))).toBe(true);

    const requests = records.filter((r) => r.msg === 'request') as unknown as RequestLine[];
    for (const s of sent) {
      const mine = requests.filter((r) => r.reqId === s.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ method: s.method, route: s.route, status: s.status, level: 30 });
      expect(typeof mine[0].durationMs).toBe('number');
      expect(mine[0].userId).toBe(s.route === '/health' ? null : 'officer.sub-42');
    }
    for (const r of requests) expect(r.route).not.toContain('?');
    for (const r of requests) expect(r.traceId).toBe(r.reqId === tracedId ? TRACE : null);

    // Not in the raw output, nor URL-encoded, nor in any string the lines decode to.
    const everything = [out, service.stderr(), JSON.stringify(records)].join('\n');
    for (const s of PERSONAL) {
      expect(everything).not.toContain(s);
      expect(everything).not.toContain(encodeURIComponent(s));
    }

    // The request id is the correlation id of what the request recorded.
    const opened2 = await openEventStore(loadConfig({ DATA_DIR: dataDir, PGLITE_SYNC: 'off' }, dataDir));
    try {
      const events: RecordedEvent[] = [];
      for await (const e of opened2.store.readAll()) events.push(e);
      const ofCase = events.filter((e) => e.streamId.endsWith(caseId) && e.revision === 0n);
      expect(ofCase.map((e) => e.metadata.correlationId)).toEqual(['probe-request-0001']);
      const ofTraced = events.filter((e) => e.streamId.endsWith(tracedCaseId));
      expect(ofTraced.map((e) => e.metadata.correlationId)).toEqual([TRACE]);
      const ofPerson = events.filter((e) => e.streamId.endsWith(personId));
      expect(ofPerson.find((e) => e.revision === 0n)?.metadata.correlationId).toBe(sent[1].id);
      // Later ones (the audited read) carry the id of the request that recorded them.
      const ids = sent.map((s) => s.id);
      for (const e of ofPerson) expect(ids).toContain(e.metadata.correlationId);
    } finally {
      await opened2.close();
    }
  }, 180_000);
});
