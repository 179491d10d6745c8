import ExcelJS from 'exceljs';
import { publish, toCsv, toXlsx, unitOf, SUPPRESSED } from './statistics.export.js';
import type { StatisticsBody, StatisticsReport } from './statistics-report.values.js';

const body = (n: (k: string) => number): StatisticsBody => ({
  reports: {
    received: n('received'),
    classified: n('classified'),
    resolved: n('resolved'),
    classifiedRate: 0.5,
    resolvedRate: 0.25,
    classifiedTarget: 1,
    resolvedTarget: 0.9,
    meetsClassifiedTarget: false,
    meetsResolvedTarget: false,
    byChannel: { hotline: n('hotline'), self_report: 0 },
  },
  persons: {
    total: 11,
    byChannel: { hotline: 10 },
    bySex: { female: 1 },
    byAgeBand: {},
    byStatus: {},
    byProvince: {},
    byRole: {},
    accompanyingMinors: 0,
  },
  handovers: {
    held: 2,
    cancelled: 0,
    personsHandedOver: 12,
    personsByGate: { 'HUU-NGHI': 12 },
    personsByCounterpart: {},
  },
  exchanges: {
    total: 3,
    byCounterpart: {
      'CN-GX-PSD': {
        exchanges: 3,
        outgoing: {
          messages: 40,
          acknowledged: 5,
          answered: 30,
          ackHours: { median: 3, p90: 7.5 },
          replyHours: { median: 36, p90: 45.6 },
          overdue: 1,
        },
        incoming: {
          messages: 0,
          acknowledged: 0,
          answered: 0,
          ackHours: { median: null, p90: null },
          replyHours: { median: null, p90: null },
          overdue: 0,
        },
      },
    },
  },
  verifications: { requested: 100, byOutcome: { confirmed: 99, withdrawn: 1 }, byDirection: {}, answeredLate: 0 },
  support: { given: n('support'), byKind: { medical_care: n('medical_care'), food: 0 } },
  referrals: { made: 12, byService: { family: 12 }, byOutcome: { pending: 2, accepted: 10 } },
  priorities: {
    urgent: {
      messages: { sent: n('urgent'), answered: 0, replyHours: { median: 7.5, p90: null }, overdue: 0 },
      verifications: { requested: 0, answered: 0, replyHours: { median: null, p90: null }, answeredLate: 0 },
    },
    normal: {
      messages: { sent: 40, answered: 40, replyHours: { median: 30, p90: 90 }, overdue: 0 },
      verifications: { requested: 100, answered: 99, replyHours: { median: 48, p90: 120 }, answeredLate: 0 },
    },
  },
});

const report = (): StatisticsReport => ({
  period: {
    code: '2026',
    kind: 'year',
    from: '2026-01-01T00:00:00+07:00',
    to: '2027-01-01T00:00:00+07:00',
    fromUtc: '2025-12-31T17:00:00.000Z',
    toUtc: '2026-12-31T17:00:00.000Z',
  },
  province: 'lang-son',
  generatedAt: '2027-01-02T03:00:00.000Z',
  ...body((k) => ({ received: 120, classified: 60, resolved: 30, hotline: 7 })[k] ?? 0),
  crackdown: { from: '2026-07-01T00:00:00+07:00', to: '2026-10-01T00:00:00+07:00', ...body(() => 4) },
});

describe('statistics exports', () => {
  it('shows every count from 1 to 10 as "<11", keeps 0 and 11+, and leaves rates, targets and hours alone', () => {
    const p = publish(report());
    expect(p.reports).toMatchObject({ received: 120, classified: 60, classifiedRate: 0.5, resolvedTarget: 0.9 });
    expect(p.reports.byChannel).toEqual({ hotline: SUPPRESSED, self_report: 0 });
    expect(p.persons).toMatchObject({ total: 11, byChannel: { hotline: SUPPRESSED }, bySex: { female: SUPPRESSED } });
    expect(p.handovers).toMatchObject({ held: SUPPRESSED, personsHandedOver: 12 });
    expect(p.exchanges.byCounterpart['CN-GX-PSD'].outgoing).toEqual({
      messages: 40,
      acknowledged: SUPPRESSED,
      answered: 30,
      ackHours: { median: 3, p90: 7.5 },
      replyHours: { median: 36, p90: 45.6 },
      overdue: SUPPRESSED,
    });
    expect(p.verifications.byOutcome).toEqual({ confirmed: 99, withdrawn: SUPPRESSED });
    expect(p.referrals).toEqual({
      made: 12,
      byService: { family: 12 },
      byOutcome: { pending: SUPPRESSED, accepted: SUPPRESSED },
    });
    // Per priority: the counts are people's cases like the rest, the hours are durations.
    expect(p.priorities.normal.verifications).toEqual({
      requested: 100,
      answered: 99,
      replyHours: { median: 48, p90: 120 },
      answeredLate: 0,
    });
    expect(p.priorities.urgent.messages.replyHours).toEqual({ median: 7.5, p90: null });
    expect(p.crackdown?.support).toEqual({ given: SUPPRESSED, byKind: { medical_care: SUPPRESSED, food: 0 } });
    expect(p.crackdown?.reports).toMatchObject({ received: SUPPRESSED, meetsClassifiedTarget: false });
    expect(p.crackdown?.from).toBe('2026-07-01T00:00:00+07:00');
    expect(p.suppressed).toBe(true);
    expect(p.suppression.cells).toBeGreaterThan(10);
    const smallCounts: string[] = [];
    const walk = (node: unknown, path: string[]): void => {
      if (typeof node === 'number' && unitOf(path, node) === 'count' && node >= 1 && node <= 10)
        smallCounts.push(path.join('.'));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    };
    walk(p, []);
    expect(smallCounts).toEqual([]);
  });

  it('says nothing was suppressed when no count is small', () => {
    const p = publish({ ...report(), ...body(() => 0), crackdown: null });
    expect(p.persons.byChannel).toEqual({ hotline: SUPPRESSED });
    const none = publish({
      ...report(),
      ...body(() => 0),
      persons: { ...body(() => 0).persons, byChannel: {}, bySex: {} },
      handovers: { ...body(() => 0).handovers, held: 0 },
      exchanges: { total: 0, byCounterpart: {} },
      verifications: { requested: 0, byOutcome: {}, byDirection: {}, answeredLate: 0 },
      referrals: { made: 0, byService: {}, byOutcome: {} },
      crackdown: null,
    });
    expect(none.suppressed).toBe(false);
    expect(none.suppression.cells).toBe(0);
  });

  it('classifies leaves by what they measure', () => {
    expect(unitOf(['reports', 'classifiedRate'], 0.5)).toBe('ratio');
    expect(unitOf(['x', 'ackHours', 'p90'], 3)).toBe('hours');
    expect(unitOf(['reports', 'meetsResolvedTarget'], true)).toBe('flag');
    expect(unitOf(['persons', 'byGate', 'HUU-NGHI'], 3)).toBe('count');
  });

  it('writes CSV in the long format with the suppression marker', () => {
    const csv = toCsv(publish(report()));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('period,province,scope,metric,unit,value');
    expect(lines).toContain('2026,lang-son,period,reports.byChannel.hotline,count,<11');
    expect(lines).toContain('2026,lang-son,period,reports.received,count,120');
    expect(lines).toContain('2026,lang-son,period,reports.classifiedRate,ratio,0.5');
    expect(lines).toContain('2026,lang-son,crackdown,handovers.held,count,<11');
    expect(lines).toContain('2026,lang-son,period,referrals.byService.family,count,12');
    expect(lines).toContain('2026,lang-son,crackdown,support.byKind.medical_care,count,<11');
    expect(lines.filter((l) => /,count,([1-9]|10)$/.test(l))).toEqual([]);
  });

  it('writes an Excel workbook with the figures and an explanation of the period and suppression', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(publish(report()))) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Statistics')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['scope', 'metric', 'unit', 'value']);
    expect(rows).toContainEqual(['period', 'reports.byChannel.hotline', 'count', '<11']);
    expect(rows).toContainEqual(['period', 'reports.received', 'count', 120]);
    const about: unknown[][] = [];
    wb.getWorksheet('About')!.eachRow((row) => about.push((row.values as unknown[]).slice(1)));
    expect(about).toContainEqual(['from (Vietnam time)', '2026-01-01T00:00:00+07:00']);
  });
});
