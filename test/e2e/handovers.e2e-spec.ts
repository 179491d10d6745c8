import { auditStreamId } from '#audit';
import { isPersonalDataEnvelope } from '#security';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head } from './support/journey.js';
import {
  HEALTH_VI,
  HEALTH_ZH,
  confirmation,
  eventsOf,
  handoverEvents,
  keyStoreOf,
  proposal,
  proposeHandover,
  schedule,
} from './support/handover-fixtures.js';

describeEachStore('handovers over HTTP', (kind) => {
  let app: TestApp;
  let officer: Caller;
  let guard: Caller;
  let supervisor: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
    guard = await app.as('border_guard', { sub: 'le.van.duc' });
    supervisor = await app.as('supervisor');
  }, 60_000);
  afterAll(async () => app?.close());

  it('proposes at Hữu Nghị with a Chinese time and shows both local times and both gate names', async () => {
    const { handoverId, caseId, personIds } = await proposeHandover(officer, { persons: 2 });
    const got = await officer.get(`/handovers/${handoverId}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"1"');
    expect(got.body).toMatchObject({
      id: handoverId,
      caseId,
      status: 'scheduled',
      proposedBy: 'cn',
      personIds,
      gate: {
        code: 'HUU_NGHI',
        kind: 'gate',
        name: { vi: 'Cửa khẩu quốc tế Hữu Nghị' },
        counterpartGate: { zh: '友谊关' },
      },
      counterpart: { code: 'CN-BIS-PINGXIANG', name: { zh: expect.any(String) } },
      scheduledAt: {
        at: '2026-03-05T01:00:00.000Z',
        offset: '+08:00',
        local: { vn: '2026-03-05T08:00:00+07:00', cn: '2026-03-05T09:00:00+08:00' },
      },
    });
    // The case knows its handover: it was linked in the same append.
    expect((await officer.get(`/cases/${caseId}`)).body.handoverIds).toEqual([handoverId]);
  });

  it('records the border guard’s one submission, transfers each person, and closes only then', async () => {
    const { handoverId, personIds } = await proposeHandover(officer, { persons: 2 });
    const confirmed = await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: handoverId, revision: String(2 + personIds.length + 1) });

    const written = (await handoverEvents(app, handoverId)).slice(2);
    expect(written.map((e) => e.type)).toEqual([
      'HandoverConducted',
      'PersonReceived',
      'PersonReceived',
      'MinutesSigned',
    ]);
    for (const e of written) {
      expect(e.metadata.actor).toMatchObject({ userId: 'le.van.duc', role: 'border_guard' });
    }
    // Health notes are sealed with the person's own key before they reach the log.
    const received = written.filter((e) => e.type === 'PersonReceived');
    for (const e of received) {
      expect(isPersonalDataEnvelope(e.data.healthCheck)).toBe(true);
      expect(JSON.stringify(e.data)).not.toContain('Sức khỏe');
      expect(JSON.stringify(e.data)).not.toContain('健康');
    }

    const view = await officer.get(`/handovers/${handoverId}`);
    expect(view.body).toMatchObject({
      status: 'minutes_signed',
      conductedAt: { offset: '+08:00', local: { vn: '2026-03-05T08:20:00+07:00', cn: '2026-03-05T09:20:00+08:00' } },
      vnOfficers: ['Thiếu tá Lê Văn Đức'],
      cnOfficers: ['王警官'],
      minutes: { number: '07/BB-ĐBPCKHN', languages: ['vi', 'zh'], scanSha256: 'a'.repeat(64) },
      received: [
        { personId: personIds[0], healthCheck: HEALTH_VI, statementRef: 'BL-1/2026', masked: false, erased: false },
        { personId: personIds[1], healthCheck: HEALTH_ZH, masked: false, erased: false },
      ],
      pendingOnwardTransfers: personIds.map((personId) => ({ personId })),
    });

    const before = await head(app);
    const early = await officer.post(`/handovers/${handoverId}/close`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('HANDOVER.TRANSFERS_MISSING');
    expect(await head(app)).toBe(before);

    for (const personId of personIds) {
      const t = await guard.post(`/handovers/${handoverId}/onward-transfers`, {
        personId,
        toUnit: 'Trung tâm Công tác xã hội tỉnh Lạng Sơn',
        toKind: 'social_protection',
        at: '2026-03-05T14:00:00+07:00',
      });
      expect(t.status).toBe(200);
    }
    const closed = await officer.post(`/handovers/${handoverId}/close`, {});
    expect(closed.status).toBe(200);
    const after = await officer.get(`/handovers/${handoverId}`);
    expect(after.body).toMatchObject({ status: 'closed', pendingOnwardTransfers: [] });
    expect(after.body.transfers).toHaveLength(personIds.length);
    expect(after.body.received[0].onwardTransfer).toMatchObject({
      toUnit: 'Trung tâm Công tác xã hội tỉnh Lạng Sơn',
      toKind: 'social_protection',
      at: { local: { vn: '2026-03-05T14:00:00+07:00', cn: '2026-03-05T15:00:00+08:00' } },
    });
  });

  it('records who read the health notes, shows an administrator nothing, and loses them with the person', async () => {
    const { handoverId, personIds } = await proposeHandover(officer);
    expect((await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds))).status).toBe(200);
    const [personId] = personIds;

    const audits = async () =>
      (await eventsOf(app, auditStreamId(personId))).filter((e) => e.type === 'PersonalDataRead');
    const beforeRead = (await audits()).length;
    expect((await officer.get(`/handovers/${handoverId}`)).body.received[0].healthCheck).toBe(HEALTH_VI);
    const read = await audits();
    expect(read).toHaveLength(beforeRead + 1);
    expect(read.at(-1)?.data).toMatchObject({ subjectId: personId, via: 'GET /handovers/{id}' });

    const admin = await app.as('admin');
    const refused = await admin.get(`/handovers/${handoverId}`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(HEALTH_VI);
    expect(await audits()).toHaveLength(beforeRead + 1);

    await keyStoreOf(app).shred(personId);
    const erased = await officer.get(`/handovers/${handoverId}`);
    expect(erased.body.received[0]).toMatchObject({ healthCheck: null, notes: null, erased: true });
    expect(erased.body.received[0].statementRef).toBe('BL-1/2026');
  });

  it('refuses to write new notes about a person who was erased, and writes nothing', async () => {
    const { handoverId, personIds } = await proposeHandover(officer, { persons: 2 });
    await keyStoreOf(app).shred(personIds[1]);
    const before = await head(app);
    const r = await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('HANDOVER.PERSON_ERASED');
    expect(await head(app)).toBe(before);
    expect((await officer.get(`/handovers/${handoverId}`)).body.status).toBe('scheduled');
  });

  it('postpones to a later time or until rescheduled, at a boundary marker if need be', async () => {
    const { handoverId } = await proposeHandover(officer);
    const moved = await officer.post(`/handovers/${handoverId}/postponement`, {
      reason: 'Phía Trung Quốc đề nghị lùi lịch',
      newScheduledAt: '2026-03-06T09:00:00+08:00',
    });
    expect(moved.status).toBe(200);
    expect((await officer.get(`/handovers/${handoverId}`)).body).toMatchObject({
      status: 'scheduled',
      scheduledAt: { at: '2026-03-06T01:00:00.000Z' },
    });
    expect((await officer.post(`/handovers/${handoverId}/postponement`, { reason: 'Thời tiết xấu' })).status).toBe(200);
    const waiting = await officer.get(`/handovers/${handoverId}`);
    expect(waiting.body).toMatchObject({
      status: 'postponed',
      scheduledAt: null,
      postponement: { reason: 'Thời tiết xấu' },
    });
    const marker = await officer.post(`/handovers/${handoverId}/schedule`, {
      gate: 'MARKER-1116',
      scheduledAt: '2026-03-08T10:00:00+07:00',
    });
    expect(marker.status).toBe(200);
    expect((await officer.get(`/handovers/${handoverId}`)).body.gate).toEqual({
      code: 'MARKER-1116',
      kind: 'boundary_marker',
      name: null,
      counterpartGate: null,
      province: null,
    });
  });

  it('refuses to confirm a cancelled handover, and lets only the gate attest', async () => {
    const { handoverId, personIds } = await proposeHandover(officer);
    const before = await head(app);
    const byOfficer = await officer.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds));
    expect(byOfficer.status).toBe(403);
    expect(await head(app)).toBe(before);

    expect(
      (await officer.post(`/handovers/${handoverId}/cancellation`, { reason: 'Nạn nhân chưa đủ sức khỏe' })).status,
    ).toBe(200);
    const afterCancel = await head(app);
    const late = await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('HANDOVER.CANCELLED');
    expect(await head(app)).toBe(afterCancel);
  });

  it('lets an auditor change nothing', async () => {
    const { handoverId, caseId, personIds } = await proposeHandover(officer);
    const auditor = await app.as('auditor');
    const before = await head(app);
    const attempts = await Promise.all([
      auditor.post('/handovers', proposal(caseId, personIds)),
      auditor.post(`/handovers/${handoverId}/schedule`, schedule),
      auditor.post(`/handovers/${handoverId}/postponement`, { reason: 'x' }),
      auditor.post(`/handovers/${handoverId}/cancellation`, { reason: 'x' }),
      auditor.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds)),
      auditor.post(`/handovers/${handoverId}/onward-transfers`, {
        personId: personIds[0],
        toUnit: 'Công an tỉnh',
        at: '2026-03-05T14:00:00+07:00',
      }),
      auditor.post(`/handovers/${handoverId}/close`, {}),
    ]);
    expect(attempts.map((r) => r.status)).toEqual(attempts.map(() => 403));
    expect(await head(app)).toBe(before);
    expect((await auditor.get(`/handovers/${handoverId}`)).status).toBe(200);
  });

  it('answers a retried confirmation with the same key as the first time and writes nothing twice', async () => {
    const { handoverId, personIds } = await proposeHandover(officer);
    const key = { 'idempotency-key': `gate-${kind}-${handoverId}` };
    const first = await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds), key);
    expect(first.status).toBe(200);
    const before = await head(app);
    const retry = await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds), key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await head(app)).toBe(before);

    const other = { ...confirmation(personIds), vnOfficers: ['Đại úy Nguyễn Văn Nam'] };
    const reused = await guard.post(`/handovers/${handoverId}/confirmation`, other, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');

    const keyless = await guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds));
    expect(keyless.status).toBe(409);
    expect(keyless.body.code).toBe('HANDOVER.ALREADY_CONDUCTED');
    expect(await head(app)).toBe(before);
    expect((await handoverEvents(app, handoverId)).filter((e) => e.type === 'HandoverConducted')).toHaveLength(1);
  });

  it('lets exactly one of a cancellation and a confirmation fired at once win', async () => {
    const { handoverId, personIds } = await proposeHandover(officer);
    const [cancel, confirm] = await Promise.all([
      officer.post(`/handovers/${handoverId}/cancellation`, { reason: 'Hủy theo đề nghị của phía bạn' }),
      guard.post(`/handovers/${handoverId}/confirmation`, confirmation(personIds)),
    ]);
    expect([cancel.status, confirm.status].sort()).toEqual([200, 409]);
    const loser = cancel.status === 409 ? cancel : confirm;
    expect(loser.body.code).toBe(cancel.status === 409 ? 'HANDOVER.ALREADY_CONDUCTED' : 'HANDOVER.CANCELLED');
    const outcomes = (await handoverEvents(app, handoverId)).filter(
      (e) => e.type === 'HandoverCancelled' || e.type === 'HandoverConducted',
    );
    expect(outcomes).toHaveLength(1);
  });

  it('lets exactly one of two keyless confirmations win (409 for the other, or 412 with If-Match)', async () => {
    const a = await proposeHandover(officer);
    const twice = await Promise.all([
      guard.post(`/handovers/${a.handoverId}/confirmation`, confirmation(a.personIds)),
      supervisor.post(`/handovers/${a.handoverId}/confirmation`, confirmation(a.personIds)),
    ]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await handoverEvents(app, a.handoverId)).filter((e) => e.type === 'HandoverConducted')).toHaveLength(1);

    const b = await proposeHandover(officer);
    const pinned = { 'if-match': '"1"' };
    const both = await Promise.all([
      guard.post(`/handovers/${b.handoverId}/confirmation`, confirmation(b.personIds), pinned),
      guard.post(`/handovers/${b.handoverId}/confirmation`, confirmation(b.personIds), pinned),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await handoverEvents(app, b.handoverId)).filter((e) => e.type === 'HandoverConducted')).toHaveLength(1);
  });

  it('keeps a case with an unconfirmed handover open unless a supervisor overrides', async () => {
    const { caseId, handoverId } = await proposeHandover(officer);
    const before = await head(app);
    const refused = await officer.post(`/cases/${caseId}/close`, { reason: 'Hoàn tất' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE.HAS_OPEN_ITEMS');
    expect(await head(app)).toBe(before);
    const overridden = await supervisor.post(`/cases/${caseId}/close`, {
      reason: 'Chuyển cơ quan điều tra',
      override: true,
    });
    expect(overridden.status).toBe(200);
    expect((await officer.get(`/cases/${caseId}`)).body).toMatchObject({
      status: 'closed',
      closure: { override: true, unconfirmedHandoverIds: [handoverId] },
    });
  });
});
