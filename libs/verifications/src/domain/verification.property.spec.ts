import fc from 'fast-check';
import { fold, newId, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import { runCommands } from '#testing';
import type { VerificationCommand } from './verification.commands.js';
import { verificationDecider } from './verification.decider.js';
import type { VerificationEvent } from './verification.events.js';
import { isVerificationOpen } from './verification.selectors.js';
import type { VerificationState } from './verification.state.js';
import { VERIFICATION_DIRECTIONS, VERIFICATION_RESULTS, VERIFICATION_SUBJECTS } from './verification.values.js';

/**
 * Random command sequences against one verification stream, with instants scattered around the
 * request time in both border zones so that ordering rules get exercised from both sides.
 */
const MARK = 'TXT§';
const BASE = Date.parse('2026-03-05T01:00:00.000Z');
const HOUR = 3_600_000;
const meta: CommandMeta = {
  actor: { userId: 'u-1', role: 'liaison_officer', unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: new Date('2026-03-05T02:00:00Z'),
};
// The author's colleague, and an officer of another unit: who may release is part of the rule.
const colleague: CommandMeta = { ...meta, actor: { ...meta.actor, userId: 'u-2' } };
const stranger: CommandMeta = { ...meta, actor: { ...meta.actor, userId: 'u-3', province: 'lao-cai' } };
const verificationId = newId();
const caseId = newId();

const zoned = (ms: number, offset: '+07:00' | '+08:00'): ZonedInstant => ({
  at: new Date(ms).toISOString(),
  offset,
  zone: offset === '+07:00' ? 'Asia/Ho_Chi_Minh' : 'Asia/Shanghai',
});
const instant = fc
  .tuple(fc.integer({ min: -48, max: 24 * 30 }), fc.constantFrom('+07:00' as const, '+08:00' as const))
  .map(([hours, offset]) => zoned(BASE + hours * HOUR, offset));
const text = fc.oneof(
  fc.string({ maxLength: 6 }).map((s) => `${MARK}${s}`),
  fc.constant(' '),
);
const maybeOf = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), fc.constant('bogus' as T));

const requestData = fc.record(
  {
    verificationId: fc.constant(verificationId),
    caseId: fc.constant(caseId),
    personId: fc.constant(newId()),
    direction: maybeOf(VERIFICATION_DIRECTIONS),
    counterpart: fc.constantFrom('CN-GX-PSD', 'CN-YN-HEKOU', ''),
    subject: maybeOf(VERIFICATION_SUBJECTS),
    questions: text,
    legalBasis: text,
    dueAt: instant,
    occurredAt: instant,
    releasePolicy: fc.constantFrom('off' as const, 'personal_data' as const, 'all' as const),
  },
  {
    requiredKeys: [
      'verificationId',
      'caseId',
      'direction',
      'counterpart',
      'subject',
      'questions',
      'dueAt',
      'occurredAt',
    ],
  },
);
const m = fc.constant(meta);
const command: fc.Arbitrary<VerificationCommand> = fc.oneof(
  fc.record({ type: fc.constant('RequestVerification' as const), data: requestData, meta: m }),
  fc.record({
    type: fc.constant('ExtendVerification' as const),
    data: fc.record({ newDueAt: instant, reason: text }),
    meta: m,
  }),
  fc.record({
    type: fc.constant('AnswerVerification' as const),
    data: fc.record({ result: maybeOf(VERIFICATION_RESULTS), details: text, answeredAt: instant }),
    meta: m,
  }),
  fc.record({ type: fc.constant('WithdrawVerification' as const), data: fc.record({ reason: text }), meta: m }),
  ...(['ReleaseVerification', 'RecallVerification', 'ResubmitVerification'] as const).map((type) =>
    fc.record({
      type: fc.constant(type),
      data: fc.record({ occurredAt: instant }),
      meta: fc.constantFrom(meta, colleague, stranger),
    }),
  ),
  fc.record({
    type: fc.constant('ChangeVerificationPriority' as const),
    data: fc.record({ priority: fc.constantFrom('urgent' as const, 'normal' as const), reason: text }),
    meta: m,
  }),
  fc.record({
    type: fc.constant('ReturnVerification' as const),
    data: fc.record({ comment: text, occurredAt: instant }),
    meta: fc.constantFrom(meta, colleague, stranger),
  }),
);

// A well-formed request so most runs get past creation and exercise the later commands.
const validRequest: VerificationCommand = {
  type: 'RequestVerification',
  data: {
    verificationId,
    caseId,
    direction: 'outgoing',
    counterpart: 'CN-GX-PSD',
    subject: 'nationality',
    questions: `${MARK}q`,
    dueAt: zoned(BASE + 7 * 24 * HOUR, '+07:00'),
    occurredAt: zoned(BASE, '+08:00'),
  },
  meta,
};
// The same request under a unit that holds every outgoing request for release.
const heldRequest: VerificationCommand = { ...validRequest, data: { ...validRequest.data, releasePolicy: 'all' } };

const FINAL = new Set<VerificationEvent['type']>([
  'VerificationAnsweredConfirmed',
  'VerificationAnsweredNotConfirmed',
  'VerificationAnsweredInconclusive',
  'VerificationWithdrawn',
]);
const ms = (z: ZonedInstant): number => Date.parse(z.at);

/**
 * The documented lifecycle, one event at a time: held as a draft until released (or withdrawn), or
 * requested at once; extended any number of times, then answered or withdrawn.
 */
const LIFECYCLE: Readonly<Record<VerificationState['status'], readonly VerificationState['status'][]>> = {
  none: ['requested', 'draft'],
  draft: ['draft', 'requested', 'withdrawn'],
  requested: ['extended', 'answered', 'withdrawn'],
  extended: ['extended', 'answered', 'withdrawn'],
  answered: [],
  withdrawn: [],
};

function assertTransition(event: VerificationEvent['type'], before: VerificationState, after: VerificationState): void {
  // A priority change moves no status, and only the priority.
  if (event === 'VerificationPriorityChanged') {
    expect(after).toEqual({ ...before, priority: after.status === 'none' ? undefined : after.priority });
    return;
  }
  expect({ event, from: before.status, to: LIFECYCLE[before.status] }).toEqual({
    event,
    from: before.status,
    to: expect.arrayContaining([after.status]),
  });
}

function assertInvariants(state: VerificationState, history: readonly VerificationEvent[]): void {
  if (state.status === 'none') return expect(history).toHaveLength(0);
  expect(['VerificationRequested', 'VerificationDrafted']).toContain(history[0].type);
  const sent = history.filter((e) => e.type === 'VerificationRequested');
  expect(sent.length).toBeLessThanOrEqual(1);
  // A draft is sent only by its release, by someone other than its author, of the author's unit.
  const drafted = history[0].type === 'VerificationDrafted' ? history[0] : undefined;
  const releases = history.filter((e) => e.type === 'VerificationReleased');
  expect(releases.length).toBe(drafted ? sent.length : 0);
  for (const r of releases) expect(r.data.releasedBy).toBe(colleague.actor.userId);
  if (drafted && sent[0]) {
    // The clock starts at the release with the reply time asked for when it was written.
    const asked = ms(drafted.data.dueAt) - ms(drafted.data.occurredAt);
    expect(ms(sent[0].data.dueAt) - ms(sent[0].data.occurredAt)).toBe(asked);
  }
  const finals = history.filter((e) => FINAL.has(e.type));
  expect(finals.length).toBeLessThanOrEqual(1);
  if (finals.length === 1) expect(history.at(-1)).toBe(finals[0]);
  expect(isVerificationOpen(state)).toBe(finals.length === 0 && sent.length === 1);
  // Deadlines only ever move later, starting after the request.
  const dues = [
    state.requestedAt,
    ...[state.extensions[0]?.previousDueAt ?? state.dueAt],
    ...state.extensions.map((x) => x.newDueAt),
  ];
  for (let i = 1; i < dues.length; i++) expect(ms(dues[i])).toBeGreaterThan(ms(dues[i - 1]));
  expect(state.dueAt).toEqual(dues.at(-1));
  if (state.status === 'answered') {
    expect(ms(state.answeredAt)).toBeGreaterThanOrEqual(ms(state.requestedAt));
    expect(state.late).toBe(ms(state.answeredAt) > ms(state.dueAt));
  }
}

describe('VerificationRequest aggregate properties', () => {
  it('keeps its invariants, leaves the state as it was on a refusal, and moves only along the lifecycle under any command sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, validRequest, heldRequest),
        fc.array(command, { maxLength: 30 }),
        (start, rest) => {
          const commands = start ? [start, ...rest] : rest;
          runCommands(verificationDecider, commands, {
            secrets: [MARK],
            transition: assertTransition,
            invariants: assertInvariants,
            decided(cmd, events) {
              expect(events).toHaveLength(cmd.type === 'ReleaseVerification' ? 2 : 1);
            },
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('evolve is total: events decided for one history fold onto any other without throwing', () => {
    const produce = (cmds: readonly VerificationCommand[]): VerificationEvent[] => {
      let s = verificationDecider.initialState;
      const out: VerificationEvent[] = [];
      for (const c of cmds) {
        try {
          const evs = verificationDecider.decide(c, s);
          out.push(...evs);
          s = fold({ initialState: s, evolve: verificationDecider.evolve }, evs);
        } catch {
          // refused: nothing recorded
        }
      }
      return out;
    };
    const run = fc
      .tuple(fc.constantFrom(validRequest, heldRequest), fc.array(command, { maxLength: 20 }))
      .map(([first, cmds]) => [first, ...cmds]);
    fc.assert(
      fc.property(run, run, fc.array(fc.nat(), { maxLength: 20 }), (a, b, picks) => {
        const pool = [...produce(a), ...produce(b)];
        const shuffled = picks.map((p) => pool[p % pool.length]);
        expect(() => fold(verificationDecider, [...shuffled, ...pool])).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
