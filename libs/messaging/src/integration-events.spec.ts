import { traceparentFor } from '#event-store';
import { toIntegrationEvent } from './integration-events.js';

describe('integration events', () => {
  it('maps a report received to its v1 contract, keyed by the case', () => {
    const caseId = '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const out = toIntegrationEvent({
      id: '0199a1b2-c3d4-7e5f-8a9b-000000000001',
      type: 'ReportReceived',
      schemaVersion: 1,
      streamId: `case-${caseId}`,
      revision: 0n,
      position: 7n,
      data: {
        caseId,
        channel: 'hotline',
        province: 'lang-son',
        summary: 'Nguyễn Thị Hoa gọi đường dây nóng 111',
        receivingUnit: 'blo-lang-son',
        occurredAt: { at: '2026-07-01T02:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
      },
      metadata: {
        actor: { userId: 'u1', role: 'liaison_officer', unitId: 'blo-lang-son', name: 'Trần Văn Nam' },
        correlationId: 'c1',
        causationId: null,
        occurredAt: { at: '2026-07-01T02:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
        recordedAt: '2026-07-01T02:03:04.005Z',
        caseId,
        prevHash: '0'.repeat(64),
        hash: '1'.repeat(64),
      },
    });
    expect(out).toEqual({
      id: '0199a1b2-c3d4-7e5f-8a9b-000000000001',
      type: 'blo.case.report-received.v1',
      subject: `case-${caseId}`,
      key: caseId,
      time: '2026-07-01T02:03:04.005Z',
      data: { caseId, channel: 'hotline', province: 'lang-son', occurredAt: '2026-07-01T02:00:00.000Z' },
      traceparent: traceparentFor('c1', '0199a1b2-c3d4-7e5f-8a9b-000000000001'),
    });
  });

  it('carries the trace id of the request that recorded the event, when it came with one', () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const out = toIntegrationEvent({
      id: '0199a1b2-c3d4-7e5f-8a9b-000000000009',
      type: 'HandoverConducted',
      schemaVersion: 1,
      streamId: 'handover-0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      revision: 0n,
      position: 3n,
      data: { handoverId: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' },
      metadata: {
        actor: { userId: 'u2', role: 'border_guard', unitId: 'bp-huu-nghi' },
        correlationId: trace,
        causationId: null,
        occurredAt: { at: '2026-07-02T01:00:00.000Z', offset: '+08:00', zone: 'Asia/Shanghai' },
        recordedAt: '2026-07-02T01:00:01.000Z',
        prevHash: '0'.repeat(64),
        hash: '2'.repeat(64),
      },
    });
    expect(out?.traceparent).toMatch(new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`));
  });

  it('keys an event without a case by its stream and drops a case id that is not an id', () => {
    const handoverId = '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
    const out = toIntegrationEvent({
      id: '0199a1b2-c3d4-7e5f-8a9b-000000000002',
      type: 'HandoverConducted',
      schemaVersion: 1,
      streamId: `handover-${handoverId}`,
      revision: 3n,
      position: 9n,
      data: { handoverId, minutesNumber: '12/BB-BP' },
      metadata: {
        actor: { userId: 'u2', role: 'border_guard', unitId: 'bp-huu-nghi' },
        correlationId: 'c2',
        causationId: null,
        occurredAt: { at: '2026-07-02T01:00:00.000Z', offset: '+08:00', zone: 'Asia/Shanghai' },
        recordedAt: '2026-07-02T01:00:01.000Z',
        caseId: 'Wang Xiuying',
        prevHash: '0'.repeat(64),
        hash: '2'.repeat(64),
      },
    });
    expect(out?.key).toBe(`handover-${handoverId}`);
    expect(out?.data).toEqual({ handoverId, occurredAt: '2026-07-02T01:00:00.000Z' });
  });

  it('publishes a signed checkpoint whole (counts, roots, signature) and nothing else of its event', () => {
    const signed = {
      version: 1,
      seq: 4,
      treeSize: 120,
      headPosition: '120',
      root: 'a'.repeat(64),
      headsRoot: 'b'.repeat(64),
      previous: 'c'.repeat(64),
      at: '2026-07-03T00:00:00.000Z',
      keyId: 'Zp0mQ3m2r8m0aW9wq6YbA1aZ8kH6b0JXkS3mYb1m2aE',
      signature: Buffer.alloc(64, 7).toString('base64url'),
      trigger: 'statistics_export',
    };
    const out = toIntegrationEvent({
      id: '0199a1b2-c3d4-7e5f-8a9b-000000000003',
      type: 'CheckpointRecorded',
      schemaVersion: 1,
      streamId: 'checkpoint-00000000-0000-4000-8000-00000000c4c4',
      revision: 4n,
      position: 121n,
      data: { ...signed, note: 'Nguyễn Thị Hoa' },
      metadata: {
        actor: { userId: 'system:checkpoints', role: 'admin', unitId: 'VN-BLO-LEDGER' },
        correlationId: 'c3',
        causationId: null,
        occurredAt: { at: '2026-07-03T00:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
        recordedAt: '2026-07-03T00:00:00.000Z',
        prevHash: '0'.repeat(64),
        hash: '3'.repeat(64),
      },
    });
    expect(out?.type).toBe('blo.integrity.checkpoint.v1');
    expect(out?.data).toEqual({ ...signed, occurredAt: '2026-07-03T00:00:00.000Z' });
  });

  it('lets nothing of the protection flows leave but a withdrawal’s ids: no form hash, proceedings, reason or purpose', () => {
    const personId = '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
    const caseId = '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const consentId = '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d';
    const at = { at: '2026-07-01T02:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' };
    const consent = {
      personId,
      caseId,
      consentId,
      purpose: 'family_tracing',
      recipient: 'CN-GX-PSD',
      givenBy: 'legal_representative',
      formSha256: 'ab'.repeat(32),
      occurredAt: at,
    };
    const facts: [string, Record<string, unknown>][] = [
      ['ConsentGiven', consent],
      ['ConsentRefused', { ...consent, formSha256: null }],
      ['ConsentWithdrawn', { personId, caseId, consentId, occurredAt: at }],
      ['LegalHoldPlaced', { personId, caseId, proceedingsRef: 'VKS-LS 12/2026 (Nguyễn Thị Hoa)' }],
      ['LegalHoldReleased', { personId, caseId, proceedingsRef: 'VKS-LS 12/2026', reason: 'Nguyễn Thị Hoa' }],
      [
        'ConsentOverridden',
        { verificationId: consentId, caseId, personId, counterpart: 'CN-GX-PSD', consent: 'withdrawn', reason: 'Hoa' },
      ],
    ];
    const published = facts.map(([type, data], i) =>
      toIntegrationEvent({
        id: `0199a1b2-c3d4-7e5f-8a9b-00000000000${i}`,
        type,
        schemaVersion: 1,
        streamId: `person-${personId}`,
        revision: BigInt(i),
        position: BigInt(i + 1),
        data,
        metadata: {
          actor: { userId: 'u1', role: 'supervisor', unitId: 'VN-LS-BLO', name: 'Trần Văn Nam' },
          correlationId: 'c1',
          causationId: null,
          occurredAt: at,
          recordedAt: '2026-07-01T02:03:04.005Z',
          caseId,
          prevHash: '0'.repeat(64),
          hash: '1'.repeat(64),
        },
      }),
    );
    expect(published.map((e) => e?.type ?? null)).toEqual([
      null,
      null,
      'blo.person.consent-withdrawn.v1',
      null,
      null,
      null,
    ]);
    expect(published[2]?.data).toEqual({ personId, caseId, consentId, occurredAt: '2026-07-01T02:00:00.000Z' });
  });
});
