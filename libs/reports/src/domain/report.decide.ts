import { assertNever, isBorderProvince, invalid, refuse, required } from '#shared-kernel';
import type {
  ApproveReport,
  DraftReport,
  EditReportNarrative,
  ReportCommand,
  SubmitReport,
} from './report.commands.js';
import { NARRATIVE_MAX_CHARS, ReportErrors } from './report.errors.js';
import type { ReportEvent } from './report.events.js';
import type { ApprovedReport, DraftingReport, ReportState } from './report.state.js';
import { REPORT_SECTIONS, parseReportPeriod, reportIdOf, type ReportSection } from './report.values.js';

const E = ReportErrors;

/** A report still being written or approved; a submitted one is final, whatever is asked of it. */
function open(state: ReportState): DraftingReport | ApprovedReport {
  switch (state.status) {
    case 'none':
      return refuse(E.NOT_FOUND, 'no report for this province and period', 'not_found');
    case 'submitted':
      return refuse(E.SUBMITTED, 'the report was submitted: its figures and text are final');
    case 'draft':
    case 'approved':
      return state;
    default:
      return assertNever(state);
  }
}

function draft(command: DraftReport, state: ReportState): ReportEvent[] {
  if (state.status !== 'none') return refuse(E.ALREADY_OPEN, 'the report for this province and period is open');
  const { province, period } = command.data;
  if (!isBorderProvince(province)) return invalid(E.INVALID_PROVINCE, 'province is not a border province');
  // The period must be one the service can name, with the bounds that name gives it.
  const named = typeof period?.code === 'string' ? parseReportPeriod(period.code) : null;
  if (!named || named.from !== period.from || named.to !== period.to || named.kind !== period.kind)
    return invalid(E.INVALID_PERIOD, 'period is not a reporting period');
  const now = command.meta.now;
  if (Date.parse(named.from) > now.getTime())
    return invalid(E.PERIOD_NOT_STARTED, 'a report cannot be opened before its period begins');
  return [
    {
      type: 'ReportDrafted',
      data: {
        reportId: reportIdOf(province, named.code),
        province,
        period: named,
        draftedBy: command.meta.actor.userId,
        draftedAt: now.toISOString(),
      },
    },
  ];
}

function edit(command: EditReportNarrative, state: ReportState): ReportEvent[] {
  const report = open(state);
  const section = command.data.section as ReportSection;
  if (!REPORT_SECTIONS.includes(section)) return invalid(E.INVALID_SECTION, 'unknown narrative section');
  const text = required(command.data.text, E.TEXT_REQUIRED, 'text');
  // Saving the same text twice records nothing (and leaves an approval standing).
  if (report.narrative[section] === text) return [];
  if (text.length > NARRATIVE_MAX_CHARS) return invalid(E.TEXT_TOO_LONG, 'text is too long');
  return [
    {
      type: 'ReportNarrativeEdited',
      data: {
        reportId: report.reportId,
        section,
        text,
        editedBy: command.meta.actor.userId,
        editedAt: command.meta.now.toISOString(),
      },
    },
  ];
}

function approve(command: ApproveReport, state: ReportState): ReportEvent[] {
  const report = open(state);
  // The access table already limits the route to supervisors; the rule is the domain's as well.
  if (command.meta.actor.role !== 'supervisor')
    return refuse(E.SUPERVISOR_ONLY, 'only a supervisor approves a report', 'forbidden');
  if (report.status === 'approved') return [];
  const missing = REPORT_SECTIONS.filter((s) => !report.narrative[s]);
  if (missing.length > 0) return refuse(E.NARRATIVE_INCOMPLETE, `the narrative is missing: ${missing.join(', ')}`);
  return [
    {
      type: 'ReportApproved',
      data: {
        reportId: report.reportId,
        approvedBy: command.meta.actor.userId,
        approvedAt: command.meta.now.toISOString(),
      },
    },
  ];
}

function submit(command: SubmitReport, state: ReportState): ReportEvent[] {
  const report = open(state);
  if (command.meta.actor.role !== 'supervisor')
    return refuse(E.SUPERVISOR_ONLY, 'only a supervisor submits a report', 'forbidden');
  if (report.status !== 'approved') return refuse(E.NOT_APPROVED, 'the report must be approved before submission');
  const { figures, document } = command.data;
  if (!figures || typeof figures.statistics !== 'object' || figures.statistics === null || !figures.pending)
    return invalid(E.FIGURES_REQUIRED, 'the compiled figures are required');
  if (figures.period !== report.period.code || figures.province !== report.province)
    return invalid(E.FIGURES_MISMATCH, 'the figures are not those of this report');
  const field = (value: string | undefined, what: string): string => required(value, E.DOCUMENT_FIELD_REQUIRED, what);
  const recipients = (document?.recipients ?? []).map((r) => field(r, 'recipient'));
  if (recipients.length === 0) return invalid(E.DOCUMENT_FIELD_REQUIRED, 'at least one recipient is required');
  const narrative = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, report.narrative[s] ?? ''])) as Record<
    ReportSection,
    string
  >;
  return [
    {
      type: 'ReportSubmitted',
      data: {
        reportId: report.reportId,
        submittedBy: command.meta.actor.userId,
        submittedAt: command.meta.now.toISOString(),
        figures,
        narrative,
        document: {
          number: field(document.number, 'number'),
          place: field(document.place, 'place'),
          recipients,
          signer: {
            name: field(document.signer?.name, 'signer name'),
            title: field(document.signer?.title, 'signer title'),
          },
        },
      },
    },
  ];
}

export function decideReport(command: ReportCommand, state: ReportState): ReportEvent[] {
  switch (command.type) {
    case 'DraftReport':
      return draft(command, state);
    case 'EditReportNarrative':
      return edit(command, state);
    case 'ApproveReport':
      return approve(command, state);
    case 'SubmitReport':
      return submit(command, state);
    default:
      return assertNever(command);
  }
}
