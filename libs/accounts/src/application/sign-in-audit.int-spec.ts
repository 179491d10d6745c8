import { useHandlerStore } from '#testing';
import { accountIdOf, signInStreamId } from '../account-stream.js';
import { SIGN_IN_ACTOR, recordSignIn, type SignInFailed } from './sign-in-audit.js';

/** Sign-in attempts recorded through the write path (handler tier): what lands, and that attempts never conflict. */
describe('recording sign-in attempts', () => {
  const h = useHandlerStore();
  const failed = (username: string, address: string): SignInFailed => ({
    type: 'SignInFailed',
    data: { username, address, reason: 'wrong_password', province: 'lang-son' },
  });

  it('appends the attempt to the name’s sign-in stream with who recorded it and when', async () => {
    const now = new Date('2026-03-06T01:02:03Z');
    const position = await recordSignIn(h().store, failed('an.nguyen', '10.0.0.7'), SIGN_IN_ACTOR, now, 'corr-1');
    const [event, ...rest] = await h().events(signInStreamId(accountIdOf('an.nguyen')));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'SignInFailed',
      position,
      data: { username: 'an.nguyen', address: '10.0.0.7', reason: 'wrong_password' },
      metadata: { actor: SIGN_IN_ACTOR, correlationId: 'corr-1', recordedAt: now.toISOString() },
    });
  });

  it('records simultaneous attempts under one name side by side: none is lost to a conflict', async () => {
    const now = new Date('2026-03-06T01:05:00Z');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordSignIn(h().store, failed('lan.tran', `10.0.1.${i}`), SIGN_IN_ACTOR, now),
      ),
    );
    const events = await h().events(signInStreamId(accountIdOf('lan.tran')));
    expect(events.map((e) => (e.data as { address: string }).address).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `10.0.1.${i}`).sort(),
    );
  });
});
