import { newId, type Actor } from '#shared-kernel';
import {
  OFFICER,
  APPLY_MODES,
  useProjectionHarness,
  viewNamer,
  z,
  type GivenEvent,
} from '../spec-support/projection.spec-fixtures.js';
import { auditLogProjection } from './audit-log.projection.js';
import { auditLog, decodeAuditCursor, encodeAuditCursor } from './audit-log.query.js';

const SUPERVISOR: Actor = { userId: 'binh.tran', role: 'supervisor', unitId: 'VN-LS-BLO', province: 'lang-son' };

describe.each(APPLY_MODES)('audit log projection (%s)', (_mode, batched) => {
  const h = useProjectionHarness(auditLogProjection, batched);

  const personRead = (personId: string, caseId: string, at: string, actor: Actor = OFFICER): GivenEvent => ({
    type: 'PersonalDataRead',
    streamId: `audit-${personId}`,
    data: {
      subjectKind: 'person',
      subjectId: personId,
      caseId,
      purpose: 'xác minh danh tính',
      via: 'GET /persons/:id',
      occurredAt: z(at),
    },
    recordedAt: at,
    actor,
  });

  it('lists who read whose personal data, who replayed history and who exported statistics, newest first', async () => {
    const person = newId();
    const caseId = newId();
    await h.given(
      personRead(person, caseId, '2026-03-05T09:00:00+07:00'),
      {
        type: 'HistoryReplayed',
        streamId: `audit-${caseId}`,
        data: { caseId, asOf: '2026-03-01T00:00:00.000Z', purpose: null },
        recordedAt: '2026-03-05T10:00:00+07:00',
        actor: SUPERVISOR,
      },
      {
        type: 'StatisticsExported',
        streamId: 'audit-0190aaaa-0000-7000-8000-000000000000',
        data: { period: '2026-Q1', format: 'csv', purpose: 'báo cáo quý' },
        recordedAt: '2026-03-05T11:00:00+07:00',
        actor: SUPERVISOR,
      },
    );
    const page = await auditLog(h.sql, viewNamer, { limit: 10 });
    expect(page.next).toBeNull();
    expect(page.items.map((i) => [i.type, i.actor.userId, i.subject.kind])).toEqual([
      ['StatisticsExported', 'binh.tran', 'statistics'],
      ['HistoryReplayed', 'binh.tran', 'case'],
      ['PersonalDataRead', 'an.nguyen', 'person'],
    ]);
    expect(page.items[0].details).toEqual({ period: '2026-Q1', format: 'csv' });
    expect(page.items[1]).toMatchObject({
      subject: { id: caseId },
      caseId,
      details: { asOf: '2026-03-01T00:00:00.000Z' },
    });
    expect(page.items[2]).toMatchObject({
      subject: { kind: 'person', id: person },
      caseId,
      purpose: 'xác minh danh tính',
      via: 'GET /persons/:id',
      at: '2026-03-05T02:00:00.000Z',
      local: { vn: '2026-03-05T09:00:00+07:00', cn: '2026-03-05T10:00:00+08:00' },
      actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
    });
  });

  it('filters by subject, actor and recorded time, and pages with an opaque cursor', async () => {
    const [p1, p2] = [newId(), newId()];
    const caseId = newId();
    await h.given(
      personRead(p1, caseId, '2026-03-01T09:00:00+07:00'),
      personRead(p2, caseId, '2026-03-02T09:00:00+07:00'),
      personRead(p1, caseId, '2026-03-03T09:00:00+07:00', SUPERVISOR),
      personRead(p1, caseId, '2026-03-04T09:00:00+07:00'),
    );
    const ids = async (f: Parameters<typeof auditLog>[2]) =>
      (await auditLog(h.sql, viewNamer, f)).items.map((i) => i.at.slice(0, 10));
    expect(await ids({ limit: 10, subjectId: p1 })).toEqual(['2026-03-04', '2026-03-03', '2026-03-01']);
    expect(await ids({ limit: 10, actor: 'binh.tran' })).toEqual(['2026-03-03']);
    expect(
      await ids({ limit: 10, from: new Date('2026-03-02T02:00:00Z'), to: new Date('2026-03-04T02:00:00Z') }),
    ).toEqual(['2026-03-03', '2026-03-02']);
    const first = await auditLog(h.sql, viewNamer, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.next).not.toBeNull();
    const second = await auditLog(h.sql, viewNamer, { limit: 3, cursor: first.next });
    expect(second.items.map((i) => i.at.slice(0, 10))).toEqual(['2026-03-01']);
    expect(second.next).toBeNull();
  });

  it('reads back only cursors it wrote', () => {
    expect(decodeAuditCursor(encodeAuditCursor('42'))).toBe('42');
    expect(decodeAuditCursor('42')).toBeNull();
    expect(decodeAuditCursor(Buffer.from('p-1').toString('base64url'))).toBeNull();
    expect(decodeAuditCursor('not a cursor!')).toBeNull();
  });

  it('a duplicate event changes nothing', async () => {
    const recorded = await h.given(personRead(newId(), newId(), '2026-03-01T09:00:00+07:00'));
    const before = await h.snapshot();
    await h.apply(recorded[0]);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe('audit log projection: sign-ins', () => {
  const h = useProjectionHarness(auditLogProjection);

  it('lists a refused sign-in under the account name with its reason and address, never a password', async () => {
    await h.given({
      type: 'SignInFailed',
      streamId: 'signin-0190aaaa-0000-7000-8000-000000000001',
      data: { username: 'hoa.nguyen', address: '10.0.0.7', reason: 'wrong_password', province: 'lang-son' },
      recordedAt: '2026-03-05T08:00:00+07:00',
      actor: { userId: 'system:sign-in', role: 'admin', unitId: 'VN-BLO-SIGNIN' },
    });
    const page = await auditLog(h.sql, viewNamer, { limit: 10 });
    expect(page.items.map((i) => ({ type: i.type, subject: i.subject, details: i.details }))).toEqual([
      {
        type: 'SignInFailed',
        subject: { kind: 'account', id: 'hoa.nguyen' },
        details: { address: '10.0.0.7', reason: 'wrong_password' },
      },
    ]);
  });

  it('lists a supervisor’s override of consent under the person, with the reason and what consent stood at', async () => {
    const personId = newId();
    const caseId = newId();
    const verificationId = newId();
    await h.given({
      type: 'ConsentOverridden',
      streamId: `verification-${verificationId}`,
      data: {
        verificationId,
        caseId,
        personId,
        counterpart: 'CN-GX-PSD',
        consent: 'withdrawn',
        reason: 'Nạn nhân đang gặp nguy hiểm',
      },
      recordedAt: '2026-03-05T09:00:00+07:00',
      actor: SUPERVISOR,
    });
    const page = await auditLog(h.sql, viewNamer, { limit: 10 });
    expect(
      page.items
        .filter((i) => i.subject.id === personId)
        .map((i) => ({
          type: i.type,
          subject: i.subject,
          caseId: i.caseId,
          purpose: i.purpose,
          details: i.details,
        })),
    ).toEqual([
      {
        type: 'ConsentOverridden',
        subject: { kind: 'person', id: personId },
        caseId,
        purpose: 'Nạn nhân đang gặp nguy hiểm',
        details: { counterpart: 'CN-GX-PSD', consent: 'withdrawn' },
      },
    ]);
  });
});
