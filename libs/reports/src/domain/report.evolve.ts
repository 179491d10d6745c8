import type { ReportEvent } from './report.events.js';
import type { ReportState } from './report.state.js';

/** Total: an event that does not fit the state leaves it as it is (the decider never produces one). */
export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'ReportDrafted': {
      const d = event.data;
      if (state.status !== 'none') return state;
      return {
        status: 'draft',
        reportId: d.reportId,
        province: d.province,
        period: d.period,
        draftedAt: d.draftedAt,
        narrative: {},
        approval: null,
      };
    }
    case 'ReportNarrativeEdited':
      if (state.status !== 'draft' && state.status !== 'approved') return state;
      // An approval covers the text it saw: a later edit takes it back.
      return {
        ...state,
        status: 'draft',
        approval: null,
        narrative: { ...state.narrative, [event.data.section]: event.data.text },
      };
    case 'ReportApproved':
      if (state.status !== 'draft') return state;
      return { ...state, status: 'approved', approval: { by: event.data.approvedBy, at: event.data.approvedAt } };
    case 'ReportSubmitted': {
      if (state.status !== 'approved') return state;
      const d = event.data;
      return {
        ...state,
        status: 'submitted',
        narrative: d.narrative,
        submission: { by: d.submittedBy, at: d.submittedAt, figures: d.figures, document: d.document },
      };
    }
    default:
      return state;
  }
}
