import { randomBytes } from 'node:crypto';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase, presumedVictim, registerPerson } from './support/journey.js';

describeEachStore('read side over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor');
    admin = await app.as('admin');
  }, 60_000);
  afterAll(async () => app?.close());

  const journey = (name: string, fn: () => Promise<void>) => it(name, fn, 60_000);
  const marker = () => `dấu-${randomBytes(4).toString('hex')}`;

  async function write(path: string, body: object): Promise<{ id: string; position: string }> {
    const r = await officer.post(path, body);
    if (r.status !== 201 && r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  journey('lists newest first with filters and an opaque cursor, reading its own writes via minPosition', async () => {
    const tag = marker();
    // Two provinces in one list: a national unit reads both; each province's officer writes its own.
    const laoCaiOfficer = await app.as('liaison_officer', {
      sub: 'lc.officer',
      province: 'lao-cai',
      unit: 'VN-LC-BLO',
    });
    const reader = await app.as('auditor', { sub: 'national.auditor', province: '*', unit: 'VN-BCA-C02' });
    const a = await write('/cases', { ...newCase, summary: `Tin báo ${tag} một` });
    const b = (await laoCaiOfficer.post('/cases', { ...newCase, province: 'lao-cai', summary: `Tin báo ${tag} hai` }))
      .body;
    expect(b.id).toEqual(expect.any(String));
    const c = await write('/cases', { ...newCase, summary: `Tin báo ${tag} ba` });
    expect((await laoCaiOfficer.post(`/cases/${b.id}/open`, {})).status).toBe(200);
    const last = await write(`/cases/${a.id}/classification`, { classification: 'trafficking_suspected' });

    const q = encodeURIComponent(tag.toUpperCase().replace('Ấ', 'A'));
    const page1 = await reader.get(`/cases?q=${q}&limit=2&minPosition=${last.position}`);
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
    expect(page1.body.items[1]).toMatchObject({ status: 'open', province: 'lao-cai', counts: { persons: 0 } });
    expect(page1.body.next).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
    const page2 = await reader.get(`/cases?q=${q}&limit=2&cursor=${page1.body.next}`);
    expect(page2.body).toEqual({
      items: [expect.objectContaining({ id: a.id, classification: 'trafficking_suspected' })],
      next: null,
    });
    const open = await reader.get(`/cases?q=${q}&status=open`);
    expect(open.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const laoCai = await reader.get(`/cases?q=${q}&province=lao-cai`);
    expect(laoCai.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    // The Lạng Sơn officer's own list holds only Lạng Sơn's cases.
    const own = await officer.get(`/cases?q=${q}`);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([c.id, a.id]);
  });

  journey('finds a case by a person’s name in any script, for roles that may see names only', async () => {
    const caseId = await openCase(officer, { ...newCase, summary: `Giải cứu ${marker()}` });
    await registerPerson(officer, caseId);
    const other = await openCase(officer);
    const lastPerson = await officer.post(`/cases/${other}/persons`, {
      ...presumedVictim,
      fullName: 'Trần Văn Nam',
      nameVariants: [],
    });
    const min = lastPerson.body.position as string;
    for (const q of ['Nguyễn Thị Hoa', 'nguyen thi hoa', '阮氏花', 'Ruan Shi Hua', 'ruanshihua']) {
      const r = await officer.get(`/cases?q=${encodeURIComponent(q)}&limit=200&minPosition=${min}`);
      expect({ q, ids: r.body.items.map((i: { id: string }) => i.id) }).toEqual({
        q,
        ids: expect.arrayContaining([caseId]),
      });
      expect(r.body.items.map((i: { id: string }) => i.id)).not.toContain(other);
    }
    // An administrator has no case list at all, so no name can be matched through it.
    const asAdmin = await admin.get(`/cases?q=${encodeURIComponent('阮氏花')}&limit=200`);
    expect(asAdmin.status).toBe(403);
    expect(JSON.stringify(asAdmin.body)).not.toContain(caseId);
  });

  journey('finds a name written by the other side without anyone typing that variant (issue 12)', async () => {
    const vietnamese = await openCase(officer);
    await registerPerson(officer, vietnamese, { ...presumedVictim, fullName: 'Nguyễn Thị Hoa', nameVariants: [] });
    const characters = await openCase(officer);
    const last = await officer.post(`/cases/${characters}/persons`, {
      ...presumedVictim,
      fullName: '陳氏明',
      nameVariants: [],
    });
    expect(last.status).toBe(201);
    const ids = async (q: string) => {
      const r = await officer.get(`/cases?q=${encodeURIComponent(q)}&limit=200&minPosition=${last.body.position}`);
      expect(r.status).toBe(200);
      return r.body.items.map((i: { id: string }) => i.id) as string[];
    };
    for (const q of ['阮氏花', 'ruan shi hua', 'Ruǎn Shìhuā', 'RUANSHIHUA']) {
      expect({ q, found: (await ids(q)).includes(vietnamese) }).toEqual({ q, found: true });
      expect({ q, wrong: (await ids(q)).includes(characters) }).toEqual({ q, wrong: false });
    }
    for (const q of ['tran thi minh', 'Trần Minh', 'chen shi ming', '陈氏明']) {
      expect({ q, found: (await ids(q)).includes(characters) }).toEqual({ q, found: true });
      expect({ q, wrong: (await ids(q)).includes(vietnamese) }).toEqual({ q, wrong: false });
    }
  });

  journey(
    'shows one timeline across the case and its linked records, in both local times, three languages',
    async () => {
      const caseId = await openCase(officer);
      const personId = await registerPerson(officer, caseId);
      const last = await write(`/cases/${caseId}/classification`, { classification: 'trafficking_suspected' });
      const r = await officer.get(`/cases/${caseId}/timeline`, { 'x-min-position': last.position });
      expect(r.status).toBe(200);
      expect(r.body.caseId).toBe(caseId);
      expect(r.body.entries.map((e: { type: string }) => e.type)).toEqual([
        'ReportReceived',
        'PersonRegistered',
        'PersonLinked',
        'CaseClassified',
      ]);
      expect(r.body.entries[0]).toMatchObject({
        at: '2026-03-05T02:00:00.000Z',
        local: { vn: '2026-03-05T09:00:00+07:00', cn: '2026-03-05T10:00:00+08:00' },
        actor: { userId: 'liaison_officer.user', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
        summary: {
          vi: 'Tiếp nhận tin báo qua đường dây nóng 111 (Lạng Sơn)',
          en: 'Report received via hotline 111 (Lang Son)',
          zh: '经111热线接报（谅山）',
        },
        ref: { kind: 'case', id: caseId },
      });
      expect(r.body.entries[1].ref).toEqual({ kind: 'person', id: personId });
      expect(JSON.stringify(r.body)).not.toContain('Nguyễn');
      expect((await officer.get(`/cases/01900000-0000-7000-8000-000000000000/timeline`)).status).toBe(404);
      expect((await officer.get(`/cases/not-a-uuid/timeline`)).status).toBe(400);
      const health = await app.raw('/health', {
        headers: { authorization: `Bearer ${await app.token('admin')}` },
      });
      expect(health.body.projections).toEqual(
        expect.arrayContaining([
          { name: 'case_timeline', position: expect.stringMatching(/^\d+$/), lag: expect.stringMatching(/^\d+$/) },
        ]),
      );
    },
  );

  journey('replays a case as it stood at an instant (state and timeline), and records the replay', async () => {
    const caseId = await openCase(officer);
    await write(`/cases/${caseId}/classification`, { classification: 'trafficking_suspected' });
    const last = await write(`/cases/${caseId}/open`, {});
    const entries = (await officer.get(`/cases/${caseId}/timeline?minPosition=${last.position}`)).body.entries;
    const asOf = entries[1].recordedAt as string;

    const before = BigInt(await head(app));
    const r = await supervisor.get(`/cases/${caseId}/history?asOf=${encodeURIComponent(asOf)}&purpose=review`);
    expect(r.status).toBe(200);
    expect(r.body.asOf.at).toBe(asOf);
    expect(r.body.state).toMatchObject({ id: caseId, status: 'received', classification: 'trafficking_suspected' });
    expect(r.body.timeline.map((e: { type: string }) => e.type)).toEqual(['ReportReceived', 'CaseClassified']);
    expect(BigInt(await head(app))).toBe(before + 1n); // the HistoryReplayed audit event

    const now = await supervisor.get(`/cases/${caseId}/history?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(now.body.state.status).toBe('open');
    const earlier = await supervisor.get(`/cases/${caseId}/history?asOf=2020-01-01T00:00:00%2B07:00`);
    expect(earlier.body).toMatchObject({ state: null, timeline: [] });
    expect((await supervisor.get(`/cases/${caseId}/history?asOf=2026-03-05T09:00:00`)).status).toBe(400);
    expect((await supervisor.get(`/cases/${caseId}/history`)).status).toBe(400);
    const missing = await supervisor.get(
      `/cases/01900000-0000-7000-8000-000000000000/history?asOf=${encodeURIComponent(asOf)}`,
    );
    expect(missing.status).toBe(404);
  });

  journey('minPosition on any GET: malformed or past the head → 400 at once; reached → 200', async () => {
    const ahead = (BigInt(await head(app)) + 1000n).toString();
    const bad = await officer.get('/reference/gates?minPosition=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'minPosition', message: 'minPosition must be a decimal position' }]);
    // No write has answered a position past the head, so no wait could reach it: the client's mistake.
    const beyond = await officer.get(`/cases?minPosition=${ahead}`);
    expect(beyond.status).toBe(400);
    expect(beyond.body.errors).toEqual([
      { field: 'minPosition', message: 'minPosition is past the last recorded position' },
    ]);
    const fine = await officer.get(`/reference/gates?minPosition=${await head(app)}`);
    expect(fine.status).toBe(200);
  });

  journey('rebuilds a read model on an administrator’s request while it keeps serving', async () => {
    expect((await officer.post('/admin/projections/case_timeline/rebuild', {})).status).toBe(403);
    expect((await admin.post('/admin/projections/nope/rebuild', {})).status).toBe(404);
    expect((await admin.post('/admin/projections/Bad-Name/rebuild', {})).status).toBe(400);
    const caseId = await openCase(officer);
    const generationOf = async () =>
      (
        (await admin.get('/admin/projections')).body.projections as {
          name: string;
          generation: number;
          rebuilding: unknown;
        }[]
      ).find((p) => p.name === 'case_timeline')!;
    const before = await generationOf();
    const started = await admin.post('/admin/projections/case_timeline/rebuild', {});
    expect(started.status).toBe(202);
    const deadline = Date.now() + 30_000;
    let now = await generationOf();
    while ((now.generation === before.generation || now.rebuilding) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      now = await generationOf();
    }
    expect(now.generation).toBe(before.generation + 1);
    const last = await write(`/cases/${caseId}/open`, {});
    const t = await officer.get(`/cases/${caseId}/timeline?minPosition=${last.position}`);
    expect(t.body.entries.map((e: { type: string }) => e.type)).toEqual(['ReportReceived', 'CaseOpened']);
  });
});
