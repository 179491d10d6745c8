import { DEFAULT_DEADLINE_LIMITS, loadDeadlineLimits, parseIsoDuration } from '../../../config/src/deadline-limits.js';

// The limits live in libs/config (deadline-limits.ts); the board is their only reader, so their spec sits here.
describe('deadline limits from the environment', () => {
  it('defaults to the documented limits', () => {
    expect(loadDeadlineLimits({})).toEqual(DEFAULT_DEADLINE_LIMITS);
    expect(DEFAULT_DEADLINE_LIMITS.initialVerificationMs).toBe(3 * 86_400_000);
    expect(DEFAULT_DEADLINE_LIMITS.messageReplyDefaultMs).toBe(7 * 86_400_000);
    expect(DEFAULT_DEADLINE_LIMITS.referralAnswerMs).toBe(7 * 86_400_000);
    expect(DEFAULT_DEADLINE_LIMITS.urgentReplyMs).toBe(8 * 3_600_000);
  });

  it('refuses an urgent limit longer than the normal one', () => {
    const problems: string[] = [];
    loadDeadlineLimits({ DEADLINE_MESSAGE_REPLY: 'PT6H' }, problems);
    expect(problems).toEqual(['DEADLINE_URGENT_REPLY must not be longer than DEADLINE_MESSAGE_REPLY']);
  });

  it('reads every limit from its own variable', () => {
    expect(
      loadDeadlineLimits({
        DEADLINE_MESSAGE_REPLY: 'P2D',
        DEADLINE_URGENT_REPLY: 'PT4H',
        DEADLINE_HANDOVER_CONFIRMATION_GRACE: 'PT30M',
        DEADLINE_ONWARD_TRANSFER_DAYS: '1',
        DEADLINE_INITIAL_VERIFICATION: 'P5D',
        DEADLINE_REFERRAL_ANSWER: 'P3D',
        DEADLINE_DUE_SOON: 'P1DT12H',
        DEADLINE_DUE_SOON_MAX: 'P2W',
      }),
    ).toEqual({
      messageReplyDefaultMs: 2 * 86_400_000,
      urgentReplyMs: 4 * 3_600_000,
      handoverConfirmationGraceMs: 30 * 60_000,
      onwardTransferDays: 1,
      initialVerificationMs: 5 * 86_400_000,
      referralAnswerMs: 3 * 86_400_000,
      dueSoonDefaultMs: 36 * 3_600_000,
      dueSoonMaxMs: 14 * 86_400_000,
    });
  });

  it('collects every problem instead of stopping at the first', () => {
    const problems: string[] = [];
    loadDeadlineLimits(
      { DEADLINE_MESSAGE_REPLY: '7 days', DEADLINE_ONWARD_TRANSFER_DAYS: '-1', DEADLINE_INITIAL_VERIFICATION: 'PT0S' },
      problems,
    );
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'DEADLINE_ONWARD_TRANSFER_DAYS',
      'DEADLINE_MESSAGE_REPLY',
      'DEADLINE_INITIAL_VERIFICATION',
    ]);
    expect(() => loadDeadlineLimits({ DEADLINE_DUE_SOON: 'P100D' })).toThrow(/DEADLINE_DUE_SOON/);
  });

  it.each([
    ['P2D', 2 * 86_400_000],
    ['PT8H', 8 * 3_600_000],
    ['P1W', 7 * 86_400_000],
    ['PT1H30M15S', 5_415_000],
  ])('parses %s', (text, ms) => expect(parseIsoDuration(text)).toBe(ms));

  it.each(['P', 'PT', 'P1M', 'P1Y', '2D', 'P1.5D', 'p2d', ''])('refuses %j', (text) =>
    expect(parseIsoDuration(text)).toBeNull(),
  );
});
