import { SUPPRESSED, toCsv, type PublishedReport } from './statistics.export.js';
import { withMeetings, type MeetingFigures } from './statistics.meetings.js';

/** Only what the meeting part touches: the period, scope and the suppression already counted. */
const published = (cells: number): PublishedReport =>
  ({
    period: { code: '2026-Q2', kind: 'quarter', from: '', to: '', fromUtc: '', toUtc: '' },
    province: 'lang-son',
    generatedAt: '2026-07-01T00:00:00.000Z',
    crackdown: null,
    suppressed: cells > 0,
    suppression: { threshold: 11, marker: SUPPRESSED, cells },
  }) as unknown as PublishedReport;

const figures: MeetingFigures = {
  meetings: { total: 12, byKind: { blo_meeting: 11, working_session: 1 } },
  actions: { agreed: 11, doneOnTime: 1, doneLate: 0, dropped: 10, openOverdue: 0 },
};

describe('meeting figures in the statistics export', () => {
  it('suppresses counts from 1 to 10, keeps 0 and 11+, and adds the cells to the report’s count', () => {
    const out = withMeetings(published(2), figures);
    expect(out.meetings).toEqual({
      meetings: { total: 12, byKind: { blo_meeting: 11, working_session: SUPPRESSED } },
      actions: { agreed: 11, doneOnTime: SUPPRESSED, doneLate: 0, dropped: SUPPRESSED, openOverdue: 0 },
    });
    expect(out.suppression.cells).toBe(5);
    expect(out.suppressed).toBe(true);
  });

  it('marks a report suppressed when only a meeting figure was', () => {
    expect(withMeetings(published(0), figures).suppressed).toBe(true);
    const none: MeetingFigures = {
      meetings: { total: 0, byKind: {} },
      actions: { agreed: 0, doneOnTime: 0, doneLate: 0, dropped: 0, openOverdue: 0 },
    };
    expect(withMeetings(published(0), none)).toMatchObject({ suppressed: false, suppression: { cells: 0 } });
  });

  it('writes the meeting figures as their own scope in the CSV, after the period’s', () => {
    const csv = toCsv(withMeetings(published(0), figures));
    const lines = csv.split('\r\n');
    expect(lines).toContain('2026-Q2,lang-son,meetings,meetings.byKind.working_session,count,<11');
    expect(lines).toContain('2026-Q2,lang-son,meetings,actions.agreed,count,11');
    const scopes = lines.slice(1, -1).map((l) => l.split(',')[2]);
    expect(scopes.indexOf('meetings')).toBeGreaterThan(scopes.lastIndexOf('period'));
  });
});
