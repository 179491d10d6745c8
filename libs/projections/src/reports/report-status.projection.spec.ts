import { useProjectionHarness, viewNamer, type GivenEvent } from '../spec-support/projection.spec-fixtures.js';
import { reportStatusProjection } from './report-status.projection.js';
import { reportStatusOf, reportsDue, reportsOfYear } from './report-status.query.js';

const period = (code: string, from: string, to: string) => ({ code, kind: 'quarter', from, to });
const Q1 = period('2026-Q1', '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z');
const YEAR = { code: '2026-Y', kind: 'year', from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T17:00:00.000Z' };
const event = (type: string, reportId: string, data: object): GivenEvent => ({
  type,
  streamId: `report-${reportId}`,
  data: { reportId, ...data },
});
const drafted = (province: string, p: object & { code: string }) =>
  event('ReportDrafted', `${province}-${p.code}`, {
    province,
    period: p,
    draftedBy: 'an.nguyen',
    draftedAt: '2026-03-01T02:00:00.000Z',
  });
const approved = (reportId: string) =>
  event('ReportApproved', reportId, { approvedBy: 'thu.tran', approvedAt: '2026-03-03T02:00:00.000Z' });
const edited = (reportId: string) =>
  event('ReportNarrativeEdited', reportId, {
    section: 'results',
    text: 'sealed',
    editedAt: '2026-03-04T02:00:00.000Z',
  });
const submitted = (reportId: string) =>
  event('ReportSubmitted', reportId, { submittedBy: 'thu.tran', submittedAt: '2026-03-05T02:00:00.000Z' });

describe('report status read model', () => {
  const h = useProjectionHarness(reportStatusProjection);

  const stageOf = async (province: string, code: string) =>
    (await reportStatusOf(h.sql, viewNamer, { period: code, provinces: [province] }))[0].status;

  it('follows a report from draft to submission; an edit after approval takes the approval back', async () => {
    const id = 'lang-son-2026-Q1';
    await h.given(drafted('lang-son', Q1));
    expect(await stageOf('lang-son', '2026-Q1')).toBe('draft');
    await h.given(approved(id));
    expect(await stageOf('lang-son', '2026-Q1')).toBe('approved');
    await h.given(edited(id));
    expect(await stageOf('lang-son', '2026-Q1')).toBe('draft');
    await h.given(approved(id), submitted(id));
    expect(await reportStatusOf(h.sql, viewNamer, { period: '2026-Q1', provinces: ['lang-son', 'lao-cai'] })).toEqual([
      {
        reportId: id,
        province: 'lang-son',
        period: '2026-Q1',
        status: 'submitted',
        draftedAt: '2026-03-01T02:00:00.000Z',
        approvedAt: '2026-03-03T02:00:00.000Z',
        submittedAt: '2026-03-05T02:00:00.000Z',
      },
      {
        reportId: 'lao-cai-2026-Q1',
        province: 'lao-cai',
        period: '2026-Q1',
        status: 'not_opened',
        draftedAt: null,
        approvedAt: null,
        submittedAt: null,
      },
    ]);
  });

  it('changes nothing when an event is applied again (a replay)', async () => {
    const id = 'lang-son-2026-Q1';
    const [, approval, edit] = await h.given(drafted('lang-son', Q1), approved(id), edited(id));
    const before = await h.snapshot();
    await h.apply(approval);
    await h.apply(edit);
    expect(await h.snapshot()).toEqual(before);
  });

  it('lists a year’s reports of the provinces asked for', async () => {
    await h.given(
      drafted('lang-son', Q1),
      drafted('lao-cai', YEAR),
      drafted('lang-son', period('2025-Q4', '2025-09-30T17:00:00.000Z', '2025-12-31T17:00:00.000Z')),
    );
    const ids = async (provinces: string[] | null) =>
      (await reportsOfYear(h.sql, viewNamer, { year: 2026, provinces })).map((r) => r.reportId);
    expect(await ids(null)).toEqual(['lang-son-2026-Q1', 'lao-cai-2026-Y']);
    expect(await ids(['lao-cai'])).toEqual(['lao-cai-2026-Y']);
  });

  it('puts the reports still owed on the board, overdue first, and takes a submitted one off', async () => {
    const schedule = { Q1: { month: 3, day: 10 }, Q3: { month: 9, day: 10 }, Y: { month: 12, day: 10 } };
    const now = new Date('2026-03-20T00:00:00Z');
    const board = async () =>
      (await reportsDue(h.sql, viewNamer, { now, provinces: ['lang-son', 'lao-cai'], schedule })).map(
        (d) => `${d.reportId}:${d.status}:${d.overdue}`,
      );
    await h.given(drafted('lang-son', Q1));
    expect(await board()).toEqual([
      // Due dates of the last twelve months stay while owed: 10 September and 10 December 2025.
      'lang-son-2025-Q3:not_opened:true',
      'lao-cai-2025-Q3:not_opened:true',
      'lang-son-2025-Y:not_opened:true',
      'lao-cai-2025-Y:not_opened:true',
      'lang-son-2026-Q1:draft:true',
      'lao-cai-2026-Q1:not_opened:true',
      'lang-son-2026-Q3:not_opened:false',
      'lao-cai-2026-Q3:not_opened:false',
      'lang-son-2026-Y:not_opened:false',
      'lao-cai-2026-Y:not_opened:false',
    ]);
    await h.given(approved('lang-son-2026-Q1'), submitted('lang-son-2026-Q1'));
    expect(await board()).not.toContain('lang-son-2026-Q1:submitted:true');
    expect((await board()).filter((d) => d.startsWith('lang-son-2026-Q1'))).toEqual([]);
  });
});
