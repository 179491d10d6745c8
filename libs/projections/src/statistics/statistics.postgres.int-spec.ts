import { openPglite, openPostgres, type SqlClient } from '#event-store';
import { newId } from '#shared-kernel';
import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import { ProjectionHarness, viewNamer, z, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { parsePeriod } from './statistics.period.js';
import { statisticsProjection } from './statistics.projection.js';
import { periodStatistics } from './statistics.query.js';
import type { StatisticsReport } from './statistics-report.values.js';

const HOUR = 3_600_000;
const LIMITS = { messageReplyDefaultMs: 5 * 24 * HOUR, urgentReplyMs: 6 * HOUR };
const NOW = new Date('2027-02-01T00:00:00Z');

/** Facts spread over 2026 (the crackdown quarter included) for `cases` cases, deterministic per index. */
function history(cases: number): GivenEvent[] {
  const out: GivenEvent[] = [];
  for (let c = 0; c < cases; c++) {
    const caseId = newId();
    const day = new Date(Date.UTC(2026, 0, 3) + c * 9 * 24 * HOUR);
    const at = (plusHours: number) => z(new Date(day.getTime() + plusHours * HOUR).toISOString());
    const province = c % 3 === 0 ? 'cao-bang' : 'lang-son';
    out.push({
      type: 'ReportReceived',
      streamId: `case-${caseId}`,
      data: {
        caseId,
        channel: c % 2 ? 'hotline' : 'walk_in',
        province,
        summary: 's',
        receivingUnit: 'VN-LS-BLO',
        occurredAt: at(0),
      },
      occurredAt: at(0).at,
    });
    const exchangeId = newId();
    const stream = `exchange-${exchangeId}`;
    const priority = c % 4 === 0 ? 'urgent' : 'normal';
    out.push({
      type: 'ExchangeOpened',
      streamId: stream,
      data: {
        exchangeId,
        caseIds: [caseId],
        counterpart: c % 2 ? 'CN-GX-PSD' : 'CN-YN-PSD',
        channel: 'official_letter',
        priority,
        occurredAt: at(1),
      },
    });
    for (let m = 0; m < 3; m++) {
      const messageId = newId();
      out.push({
        type: 'MessageLogged',
        streamId: stream,
        data: {
          exchangeId,
          messageId,
          direction: m === 1 ? 'incoming' : 'outgoing',
          subject: 's',
          body: 'b',
          language: 'zh',
          handlingCode: 'H1',
          attachments: [],
          occurredAt: at(2 + m),
          draft: false,
          carriesPersonalData: false,
        },
      });
      // Some answered quickly, some late, some never (overdue against NOW).
      if ((c + m) % 3 !== 2)
        out.push({
          type: 'MessageAnswered',
          streamId: stream,
          data: { exchangeId, messageId, replyMessageId: newId(), occurredAt: at(3 + m + ((c * 7 + m) % 40)) },
        });
    }
    const verificationId = newId();
    const late = c % 5 === 0;
    out.push(
      {
        type: 'VerificationRequested',
        streamId: `verification-${verificationId}`,
        data: {
          verificationId,
          caseId,
          personId: null,
          direction: 'outgoing',
          counterpart: 'CN-GX-PSD',
          subject: 'identity',
          questions: 'q',
          legalBasis: null,
          priority,
          dueAt: at(30),
          occurredAt: at(6),
        },
      },
      {
        type: 'VerificationAnsweredConfirmed',
        streamId: `verification-${verificationId}`,
        data: { verificationId, caseId, details: 'd', occurredAt: at(late ? 40 : 12), late },
      },
    );
  }
  return out;
}

/**
 * On a server the report's statements run in two lanes side by side on the pool (PGlite runs
 * them in turn): the same facts must give the very same report either way, for the whole year,
 * its crackdown quarter, and one province.
 */
describe('statistics on PostgreSQL and on PGlite', () => {
  let pg: { sql: SqlClient; drop: () => Promise<void> } | null = null;
  let lite: SqlClient;

  beforeAll(async () => {
    lite = await openPglite('memory://');
    const admin = postgresUrlOrSkip('statistics on PostgreSQL');
    if (!admin) return;
    const db = await createTestDatabase(admin);
    pg = { sql: openPostgres(db.url, 8), drop: db.drop };
  }, 60_000);
  afterAll(async () => {
    await lite.close();
    if (!pg) return;
    await pg.sql.close();
    await pg.drop();
  });

  it('gives the same report from the same facts', async () => {
    if (!pg) return;
    const events = history(40);
    const report = async (sql: SqlClient, province: string | null): Promise<StatisticsReport> =>
      periodStatistics(sql, viewNamer, { period: parsePeriod('2026')!, province, now: NOW }, LIMITS);
    const reports: StatisticsReport[][] = [];
    for (const sql of [lite, pg.sql]) {
      const h = await ProjectionHarness.start(
        statisticsProjection(async () => 'unknown'),
        sql,
        true,
      );
      await h.given(...events);
      reports.push([await report(sql, null), await report(sql, 'lang-son')]);
    }
    const [onLite, onPg] = reports;
    // The facts really reach both lanes' figures, so a mix-up between them would show.
    expect(onLite[0].reports.received).toBe(40);
    expect(onLite[0].exchanges.total).toBe(40);
    expect(onLite[0].priorities.urgent.messages.sent).toBeGreaterThan(0);
    expect(onLite[0].verifications.answeredLate).toBeGreaterThan(0);
    expect(onLite[0].crackdown?.reports.received).toBeGreaterThan(0);
    expect(onLite[1].reports.received).toBeLessThan(40);
    expect(onPg).toEqual(onLite);
  }, 60_000);
});
