import type { CommandMeta, Role } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { ReportCommand } from './report.commands.js';
import { reportDecider } from './report.decider.js';
import { NARRATIVE_MAX_CHARS, ReportErrors as E } from './report.errors.js';
import type { ReportEvent, ReportFigures } from './report.events.js';
import type { ReportPeriod } from './report.values.js';

const NOW = new Date('2026-03-05T02:00:00Z');
const meta = (role: Role = 'supervisor', userId = 'thu.tran'): CommandMeta => ({
  actor: { userId, role, unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: NOW,
});
const cmd = (type: ReportCommand['type'], data: object, role?: Role): ReportCommand =>
  ({ type, data, meta: meta(role) }) as ReportCommand;

// Written out literally: the spec must not trust the parser it also tests.
const Q1: ReportPeriod = {
  code: '2026-Q1',
  kind: 'quarter',
  from: '2025-12-31T17:00:00.000Z',
  to: '2026-03-31T17:00:00.000Z',
};
const reportId = 'lang-son-2026-Q1';
const drafted: ReportEvent = {
  type: 'ReportDrafted',
  data: { reportId, province: 'lang-son', period: Q1, draftedBy: 'an.nguyen', draftedAt: '2026-03-01T02:00:00.000Z' },
};
const edited = (section: string, text: string): ReportEvent =>
  ({
    type: 'ReportNarrativeEdited',
    data: { reportId, section, text, editedBy: 'an.nguyen', editedAt: '2026-03-02T02:00:00.000Z' },
  }) as ReportEvent;
const narrative = ['situation', 'results', 'difficulties', 'proposals'].map((s) => edited(s, `Nội dung ${s}`));
const approved: ReportEvent = {
  type: 'ReportApproved',
  data: { reportId, approvedBy: 'thu.tran', approvedAt: '2026-03-03T02:00:00.000Z' },
};
const figures: ReportFigures = {
  compiledAt: NOW.toISOString(),
  period: '2026-Q1',
  province: 'lang-son',
  statistics: { reports: { received: 12, classified: 12, resolved: '<11' } },
  pending: { unclassified: [], unresolved: ['c-1', 'c-2'] },
};
const document = {
  number: '15/BC-BLO',
  place: 'Lạng Sơn',
  recipients: ['Ban Chỉ đạo 138/CP', 'Lưu: VT'],
  signer: { name: 'Trần Thu', title: 'Trưởng Văn phòng' },
};
const submitted: ReportEvent = {
  type: 'ReportSubmitted',
  data: {
    reportId,
    submittedBy: 'thu.tran',
    submittedAt: '2026-03-04T02:00:00.000Z',
    figures,
    narrative: { situation: 'a', results: 'b', difficulties: 'c', proposals: 'd' },
    document,
  },
};

const spec = deciderSpec(reportDecider);

describe('Report decider', () => {
  describe('drafting', () => {
    it('opens the report of a province and period that has begun', () => {
      spec
        .given([])
        .when(cmd('DraftReport', { province: 'lang-son', period: Q1 }, 'liaison_officer'))
        .then([
          {
            type: 'ReportDrafted',
            data: { reportId, province: 'lang-son', period: Q1, draftedBy: 'thu.tran', draftedAt: NOW.toISOString() },
          },
        ]);
    });
    it('refuses a second opening of the same report', () => {
      spec
        .given([drafted])
        .when(cmd('DraftReport', { province: 'lang-son', period: Q1 }))
        .thenRefuses(E.ALREADY_OPEN);
    });
    it('refuses a province that is not on the border', () => {
      spec
        .given([])
        .when(cmd('DraftReport', { province: 'ha-noi', period: Q1 }))
        .thenRefuses(E.INVALID_PROVINCE);
    });
    it('refuses a period whose bounds are not those its code names', () => {
      const wrong = { ...Q1, to: '2026-04-30T17:00:00.000Z' };
      spec
        .given([])
        .when(cmd('DraftReport', { province: 'lang-son', period: wrong }))
        .thenRefuses(E.INVALID_PERIOD);
      const unknown = { ...Q1, code: '2026-Q5' };
      spec
        .given([])
        .when(cmd('DraftReport', { province: 'lang-son', period: unknown }))
        .thenRefuses(E.INVALID_PERIOD);
    });
    it('refuses a period that has not begun', () => {
      const q2: ReportPeriod = {
        code: '2026-Q2',
        kind: 'quarter',
        from: '2026-03-31T17:00:00.000Z',
        to: '2026-06-30T17:00:00.000Z',
      };
      spec
        .given([])
        .when(cmd('DraftReport', { province: 'lang-son', period: q2 }))
        .thenRefuses(E.PERIOD_NOT_STARTED);
    });
  });

  describe('narrative', () => {
    it('records a section', () => {
      const after = spec
        .given([drafted])
        .when(cmd('EditReportNarrative', { section: 'situation', text: '  Tình hình  ' }, 'liaison_officer'))
        .then([
          {
            type: 'ReportNarrativeEdited',
            data: {
              reportId,
              section: 'situation',
              text: 'Tình hình',
              editedBy: 'thu.tran',
              editedAt: NOW.toISOString(),
            },
          },
        ]);
      expect(after).toMatchObject({ status: 'draft', narrative: { situation: 'Tình hình' } });
    });
    it('records nothing when the text is the same', () => {
      spec
        .given([drafted, edited('results', 'Kết quả')])
        .when(cmd('EditReportNarrative', { section: 'results', text: 'Kết quả' }))
        .thenNothingHappened();
    });
    it('takes an approval back when the text changes after it', () => {
      const after = spec
        .given([drafted, ...narrative, approved])
        .when(cmd('EditReportNarrative', { section: 'results', text: 'Kết quả mới' }))
        .then([
          {
            type: 'ReportNarrativeEdited',
            data: {
              reportId,
              section: 'results',
              text: 'Kết quả mới',
              editedBy: 'thu.tran',
              editedAt: NOW.toISOString(),
            },
          },
        ]);
      expect(after).toMatchObject({ status: 'draft', approval: null });
    });
    it.each([
      ['an unknown section', { section: 'summary', text: 'x' }, E.INVALID_SECTION],
      ['a blank text', { section: 'situation', text: '   ' }, E.TEXT_REQUIRED],
      ['a text too long', { section: 'situation', text: 'x'.repeat(NARRATIVE_MAX_CHARS + 1) }, E.TEXT_TOO_LONG],
    ])('refuses %s', (_what, data, code) => {
      spec.given([drafted]).when(cmd('EditReportNarrative', data)).thenRefuses(code);
    });
    it('refuses an edit of a report never opened, or submitted', () => {
      spec
        .given([])
        .when(cmd('EditReportNarrative', { section: 'situation', text: 'x' }))
        .thenRefuses(E.NOT_FOUND);
      spec
        .given([drafted, ...narrative, approved, submitted])
        .when(cmd('EditReportNarrative', { section: 'situation', text: 'x' }))
        .thenRefuses(E.SUBMITTED);
    });
  });

  describe('approval', () => {
    it('is the supervisor’s, once every section is written', () => {
      spec
        .given([drafted, ...narrative])
        .when(cmd('ApproveReport', {}))
        .then([{ type: 'ReportApproved', data: { reportId, approvedBy: 'thu.tran', approvedAt: NOW.toISOString() } }]);
    });
    it('refuses an officer', () => {
      spec
        .given([drafted, ...narrative])
        .when(cmd('ApproveReport', {}, 'liaison_officer'))
        .thenRefuses(E.SUPERVISOR_ONLY);
    });
    it('refuses a report with a section missing', () => {
      spec
        .given([drafted, ...narrative.slice(0, 3)])
        .when(cmd('ApproveReport', {}))
        .thenRefuses(E.NARRATIVE_INCOMPLETE);
    });
    it('records nothing when already approved', () => {
      spec
        .given([drafted, ...narrative, approved])
        .when(cmd('ApproveReport', {}))
        .thenNothingHappened();
    });
  });

  describe('submission', () => {
    it('freezes the figures, the narrative and the document as sent', () => {
      const after = spec
        .given([drafted, ...narrative, approved])
        .when(cmd('SubmitReport', { figures, document }))
        .then([
          {
            type: 'ReportSubmitted',
            data: {
              reportId,
              submittedBy: 'thu.tran',
              submittedAt: NOW.toISOString(),
              figures,
              narrative: {
                situation: 'Nội dung situation',
                results: 'Nội dung results',
                difficulties: 'Nội dung difficulties',
                proposals: 'Nội dung proposals',
              },
              document,
            },
          },
        ]);
      expect(after.status).toBe('submitted');
    });
    it('refuses a report not approved', () => {
      spec
        .given([drafted, ...narrative])
        .when(cmd('SubmitReport', { figures, document }))
        .thenRefuses(E.NOT_APPROVED);
    });
    it('refuses an officer', () => {
      spec
        .given([drafted, ...narrative, approved])
        .when(cmd('SubmitReport', { figures, document }, 'liaison_officer'))
        .thenRefuses(E.SUPERVISOR_ONLY);
    });
    it('refuses figures of another period or province, or none', () => {
      const given = spec.given([drafted, ...narrative, approved]);
      given
        .when(cmd('SubmitReport', { figures: { ...figures, period: '2026-H1' }, document }))
        .thenRefuses(E.FIGURES_MISMATCH);
      given
        .when(cmd('SubmitReport', { figures: { ...figures, province: 'lao-cai' }, document }))
        .thenRefuses(E.FIGURES_MISMATCH);
      given.when(cmd('SubmitReport', { document })).thenRefuses(E.FIGURES_REQUIRED);
    });
    it.each([
      ['no number', { ...document, number: ' ' }],
      ['no place', { ...document, place: '' }],
      ['no recipient', { ...document, recipients: [] }],
      ['a blank recipient', { ...document, recipients: ['Ban Chỉ đạo', ' '] }],
      ['no signer', { ...document, signer: { name: 'Trần Thu', title: '' } }],
    ])('refuses a document with %s', (_what, doc) => {
      spec
        .given([drafted, ...narrative, approved])
        .when(cmd('SubmitReport', { figures, document: doc }))
        .thenRefuses(E.DOCUMENT_FIELD_REQUIRED);
    });
    it('refuses everything once submitted', () => {
      const given = spec.given([drafted, ...narrative, approved, submitted]);
      given.when(cmd('SubmitReport', { figures, document })).thenRefuses(E.SUBMITTED);
      given.when(cmd('ApproveReport', {})).thenRefuses(E.SUBMITTED);
      given.when(cmd('DraftReport', { province: 'lang-son', period: Q1 })).thenRefuses(E.ALREADY_OPEN);
    });
  });
});
