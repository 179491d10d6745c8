import { newId } from '#shared-kernel';
import { useProjectionHarness, viewNamer, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { releaseQueueProjection } from './release-queue.projection.js';
import { awaitingRelease } from './release-queue.query.js';

describe('release queue of the deadline board', () => {
  const h = useProjectionHarness(releaseQueueProjection);

  const caseId = newId();
  const exchangeId = newId();
  const streamId = `exchange-${exchangeId}`;
  const logged = (messageId: string, at: string, release?: { author: string; unit: string }): GivenEvent => ({
    type: 'MessageLogged',
    streamId,
    caseId,
    data: {
      exchangeId,
      messageId,
      direction: 'outgoing',
      subject: 'sealed',
      body: 'sealed',
      language: 'zh',
      handlingCode: 'H1',
      attachments: [],
      occurredAt: z(at),
      draft: true,
      carriesPersonalData: true,
      ...(release ? { release } : {}),
    },
  });
  const step = (type: string, messageId: string, at: string, extra: object = {}): GivenEvent => ({
    type,
    streamId,
    data: { exchangeId, messageId, occurredAt: z(at), ...extra },
  });
  const queue = (province: string | null = 'lang-son') =>
    awaitingRelease(h.sql, viewNamer, { province }).then((rows) => rows.map((r) => r.messageId));

  it('lists a unit’s held drafts oldest first, and only that unit’s', async () => {
    const [late, early, laoCai, unheld] = [newId(), newId(), newId(), newId()];
    await h.given(
      logged(late, '2026-03-05T10:00:00+07:00', { author: 'an.nguyen', unit: 'lang-son' }),
      logged(early, '2026-03-04T10:00:00+07:00', { author: 'an.nguyen', unit: 'lang-son' }),
      logged(laoCai, '2026-03-03T10:00:00+07:00', { author: 'mai.vang', unit: 'lao-cai' }),
      logged(unheld, '2026-03-02T10:00:00+07:00'),
    );
    expect(await queue()).toEqual([early, late]);
    expect(await queue('lao-cai')).toEqual([laoCai]);
    expect(await queue(null)).toEqual([laoCai, early, late]);
    const [first] = await awaitingRelease(h.sql, viewNamer, { province: 'lang-son' });
    expect(first).toMatchObject({ exchangeId, caseId, author: 'an.nguyen', since: '2026-03-04T03:00:00.000Z' });
  });

  it('drops a draft once released, returned, withdrawn or discarded, and brings it back when resubmitted', async () => {
    const ids = [newId(), newId(), newId(), newId()];
    const held = { author: 'an.nguyen', unit: 'lang-son' };
    await h.given(...ids.map((id) => logged(id, '2026-03-04T10:00:00+07:00', held)));
    const [, returned] = await h.given(
      step('DraftReleased', ids[0], '2026-03-04T11:00:00+07:00', { releasedBy: 'binh.tran' }),
      step('DraftReturned', ids[1], '2026-03-04T11:00:00+07:00', { returnedBy: 'binh.tran', comment: 'sealed' }),
      step('ReleaseWithdrawn', ids[2], '2026-03-04T11:00:00+07:00'),
      { type: 'DraftDiscarded', streamId, data: { exchangeId, messageId: ids[3] } },
    );
    expect(await queue()).toEqual([]);
    const [resubmit] = await h.given(step('DraftResubmitted', ids[1], '2026-03-06T08:00:00+07:00'));
    expect(await queue()).toEqual([ids[1]]);
    // Replays (the same event, or the older return) change nothing.
    const before = await h.snapshot();
    await h.apply(resubmit);
    await h.apply(returned);
    expect(await h.snapshot()).toEqual(before);
  });

  describe('verification requests held for release', () => {
    const drafted = (verificationId: string, at: string, unit = 'lang-son'): GivenEvent => ({
      type: 'VerificationDrafted',
      streamId: `verification-${verificationId}`,
      caseId,
      data: {
        verificationId,
        caseId,
        personId: newId(),
        direction: 'outgoing',
        counterpart: 'CN-GX-PSD',
        subject: 'identity',
        questions: 'q',
        legalBasis: null,
        dueAt: z('2026-03-20T10:00:00+07:00'),
        occurredAt: z(at),
        release: { author: 'an.nguyen', unit },
      },
    });
    const vstep = (type: string, verificationId: string, data: object = {}): GivenEvent => ({
      type,
      streamId: `verification-${verificationId}`,
      data: { verificationId, caseId, occurredAt: z('2026-03-06T08:00:00+07:00'), ...data },
    });
    const items = () =>
      awaitingRelease(h.sql, viewNamer, { province: 'lang-son' }).then((rows) =>
        rows.map((r) => ({ kind: r.kind, id: r.verificationId ?? r.messageId })),
      );

    it('waits beside the unit’s held messages, named by the request’s id', async () => {
      const [request, message] = [newId(), newId()];
      await h.given(
        drafted(request, '2026-03-04T09:00:00+07:00'),
        logged(message, '2026-03-04T10:00:00+07:00', { author: 'an.nguyen', unit: 'lang-son' }),
        drafted(newId(), '2026-03-03T09:00:00+07:00', 'lao-cai'),
      );
      expect(await items()).toEqual([
        { kind: 'verification', id: request },
        { kind: 'message', id: message },
      ]);
      const [first] = await awaitingRelease(h.sql, viewNamer, { province: 'lang-son' });
      expect(first).toMatchObject({ exchangeId: null, messageId: null, caseId, author: 'an.nguyen' });
    });

    it('leaves the queue when released, returned, recalled or withdrawn for good, and comes back when resubmitted', async () => {
      const ids = [newId(), newId(), newId(), newId()];
      await h.given(...ids.map((id) => drafted(id, '2026-03-04T09:00:00+07:00')));
      await h.given(
        vstep('VerificationReleased', ids[0], { releasedBy: 'binh.tran' }),
        vstep('VerificationDraftReturned', ids[1], { returnedBy: 'binh.tran', comment: 'sealed' }),
        vstep('VerificationReleaseWithdrawn', ids[2]),
        {
          type: 'VerificationWithdrawn',
          streamId: `verification-${ids[3]}`,
          data: { verificationId: ids[3], caseId, reason: 'r' },
        },
      );
      expect(await items()).toEqual([]);
      await h.given(vstep('VerificationDraftResubmitted', ids[1], { occurredAt: z('2026-03-07T08:00:00+07:00') }));
      expect(await items()).toEqual([{ kind: 'verification', id: ids[1] }]);
    });
  });
});
