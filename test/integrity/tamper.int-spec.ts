import { describeWhen, postgresUnavailable } from '#testing';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { CheckpointRecorder, IntegrityIndex, verifyLog, type BrokenEvent } from '#integrity';
import {
  changeData,
  changeMetadata,
  deleteEvent,
  deleteStream,
  moveRecordedAt,
  renameType,
  restore,
  rewriteChain,
  rowsOf,
  swapPositions,
  swapRevisions,
  type EventRow,
} from '../../libs/integrity/src/spec-support/log-tampering.js';
import { newVerification } from '../e2e/support/exchange-fixtures.js';
import { openCase, registerPerson } from '../e2e/support/journey.js';
import { startTestApp, type Caller, type TestApp } from '../e2e/support/test-app.js';

/**
 * Issue 8's tamper suite: someone with full access to the PostgreSQL database (but not to the
 * checkpoint key) edits the `events` table directly. Each edit must be detected, and the first
 * bad event named, both by GET /cases/{id}/integrity and by the offline verifier over the whole
 * store (what `npm run cli -- verify` runs). After each edit the rows are put back, and both
 * checks must pass again.
 */

interface Built {
  readonly caseId: string;
  /** The case's own events, by revision: ReportReceived, PersonLinked, VerificationLinked, CaseOpened, CaseClassified. */
  readonly own: EventRow[];
  readonly person: EventRow[];
  readonly verification: EventRow[];
  readonly streams: string[];
  readonly rows: EventRow[];
}

type Expected = Partial<BrokenEvent>;
type Scenario = readonly [string, (b: Built, sql: SqlClient) => Promise<unknown>, (b: Built) => Expected];

const at = (r: EventRow, problem: BrokenEvent['problem']): Expected => ({
  streamId: r.stream_id,
  revision: r.revision.toString(),
  eventId: r.id,
  problem,
});

const SCENARIOS: readonly Scenario[] = [
  ['a byte of data changed', (b, sql) => changeData(sql, b.own[0]), (b) => at(b.own[0], 'hash_mismatch')],
  ['metadata changed', (b, sql) => changeMetadata(sql, b.own[3]), (b) => at(b.own[3], 'hash_mismatch')],
  ['an event type renamed', (b, sql) => renameType(sql, b.own[1]), (b) => at(b.own[1], 'hash_mismatch')],
  ['the recorded time moved', (b, sql) => moveRecordedAt(sql, b.own[2]), (b) => at(b.own[2], 'column_mismatch')],
  ['the first event deleted', (b, sql) => deleteEvent(sql, b.own[0]), (b) => at(b.own[0], 'missing_event')],
  ['a middle event deleted', (b, sql) => deleteEvent(sql, b.own[2]), (b) => at(b.own[2], 'missing_event')],
  ['the last event deleted', (b, sql) => deleteEvent(sql, b.own[4]), (b) => at(b.own[4], 'missing_event')],
  [
    'a whole linked stream deleted',
    (b, sql) => deleteStream(sql, b.verification[0].stream_id),
    (b) => at(b.verification[0], 'missing_stream'),
  ],
  ['two positions swapped', (b, sql) => swapPositions(sql, b.own[1], b.own[3]), (b) => at(b.own[1], 'reordered')],
  [
    'two revisions swapped',
    (b, sql) => swapRevisions(sql, b.own[3], b.own[4]),
    // Revision 3 now holds what was revision 4: that event no longer links to revision 2.
    (b) => ({ ...at(b.own[4], 'broken_link'), revision: '3' }),
  ],
  [
    'an event rewritten and the chain recomputed without the key',
    (b, sql) => rewriteChain(sql, b.own, b.own[2]),
    (b) => at(b.own[2], 'hash_mismatch'),
  ],
];

describeWhen(postgresUnavailable(), 'tampering with the events table (PostgreSQL)', () => {
  let app: TestApp;
  let sql: SqlClient;
  let store: EventStore;
  let officer: Caller;
  let auditor: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await startTestApp('postgres');
    sql = app.app.get<SqlClient>(SQL_CLIENT);
    store = app.app.get<EventStore>(EVENT_STORE);
    officer = await app.as('liaison_officer');
    // A national auditor: the guard's own look-ups (the case's province in its first event) must
    // not stand between a damaged record and its report.
    auditor = await app.as('auditor', { province: '*', unit: 'VN-BCA-C02' });
    admin = await app.as('admin');
  }, 120_000);
  afterAll(async () => app?.close());

  /** A case with a person and a verification linked, opened and classified, then checkpointed. */
  async function build(): Promise<Built> {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const v = await officer.post('/verification-requests', newVerification(caseId));
    await officer.post(`/cases/${caseId}/open`, {});
    await officer.post(`/cases/${caseId}/classification`, { classification: 'trafficking_suspected' });
    expect((await admin.post('/integrity/checkpoints', {})).status).toBe(201);
    const streams = [`case-${caseId}`, `person-${personId}`, `verification-${v.body.id as string}`];
    const rows = await rowsOf(sql, streams);
    const of = (s: string) => rows.filter((r) => r.stream_id === s).sort((a, b) => Number(a.revision - b.revision));
    return { caseId, own: of(streams[0]), person: of(streams[1]), verification: of(streams[2]), streams, rows };
  }

  const offline = async () => {
    const index = app!.app.get(IntegrityIndex);
    const key = app!.app.get(CheckpointRecorder).signingKey;
    return verifyLog(store, index, (await index.latest())!.checkpoint, key, sql);
  };

  it('answers valid for an untouched case checked against a signed checkpoint', async () => {
    const b = await build();
    expect(b.own.map((r) => r.type)).toEqual([
      'ReportReceived',
      'PersonLinked',
      'VerificationLinked',
      'CaseOpened',
      'CaseClassified',
    ]);
    const r = await auditor.get(`/cases/${b.caseId}/integrity`);
    expect(r.body).toMatchObject({ valid: true, streams: 3, events: 7, checkpoint: { status: 'verified' } });
    expect((await offline()).valid).toBe(true);
  });

  it('is not fooled when the index beside the log is edited to match a deletion or a swap', async () => {
    const b = await build();
    const last = b.own[4];
    const before = b.own[3];
    const hash = (r: EventRow) => (JSON.parse(r.metadata) as { hash: string }).hash;
    await deleteEvent(sql, last);
    // The intruder lowers the stream's sealed head to the event before, as if the last never was.
    await sql.query('UPDATE integrity_heads SET revision = $2, event_id = $3, event_hash = $4 WHERE stream_id = $1', [
      last.stream_id,
      before.revision,
      before.id,
      hash(before),
    ]);
    const r = await auditor.get(`/cases/${b.caseId}/integrity`);
    expect(r.body).toMatchObject({
      valid: false,
      brokenAt: { streamId: last.stream_id, revision: '4', problem: 'heads_mismatch' },
    });
    expect((await offline()).firstBad).toMatchObject({ streamId: last.stream_id, revision: '4', eventId: last.id });
    await restore(sql, b.streams, b.rows);
    await sql.query('UPDATE integrity_heads SET revision = $2, event_id = $3, event_hash = $4 WHERE stream_id = $1', [
      last.stream_id,
      last.revision,
      last.id,
      hash(last),
    ]);

    const [x, y] = [b.own[1], b.own[3]];
    await swapPositions(sql, x, y);
    await sql.query('UPDATE integrity_leaves SET position = $2 WHERE event_id = $1', [x.id, y.position]);
    await sql.query('UPDATE integrity_leaves SET position = $2 WHERE event_id = $1', [y.id, x.position]);
    expect((await auditor.get(`/cases/${b.caseId}/integrity`)).body).toMatchObject({
      valid: false,
      brokenAt: { streamId: x.stream_id },
    });
    expect((await offline()).valid).toBe(false);
    await restore(sql, b.streams, b.rows);
    await sql.query('UPDATE integrity_leaves SET position = $2 WHERE event_id = $1', [x.id, x.position]);
    await sql.query('UPDATE integrity_leaves SET position = $2 WHERE event_id = $1', [y.id, y.position]);
    expect((await auditor.get(`/cases/${b.caseId}/integrity`)).body).toMatchObject({ valid: true });
  });

  it.each(SCENARIOS)('%s: detected, and the first bad event named', async (_name, act, expected) => {
    const b = await build();
    await act(b, sql);
    const r = await auditor.get(`/cases/${b.caseId}/integrity`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ caseId: b.caseId, valid: false, brokenAt: expected(b) });
    const whole = await offline();
    expect(whole.valid).toBe(false);
    const { streamId, revision } = expected(b);
    expect(whole.firstBad).toMatchObject({ streamId, revision });
    await restore(sql, b.streams, b.rows);
    expect((await auditor.get(`/cases/${b.caseId}/integrity`)).body).toMatchObject({ valid: true });
    expect((await offline()).valid).toBe(true);
  });

  // Last: after a rollback the index no longer matches its newest checkpoint, and checkpoints stop (409).
  it('notices a rollback of the newest checkpoint while the service that saw it runs', async () => {
    const b = await build();
    const newest = (await app.app.get(IntegrityIndex).latest())!;
    await sql.query('DELETE FROM integrity_checkpoints WHERE seq = $1', [newest.checkpoint.seq]);
    await sql.query('DELETE FROM events WHERE id = $1', [newest.eventId]);
    const r = await auditor.get(`/cases/${b.caseId}/integrity`);
    expect(r.body).toMatchObject({
      valid: false,
      checkpoint: { status: 'rolled_back', seq: newest.checkpoint.seq - 1 },
    });
  });
});
