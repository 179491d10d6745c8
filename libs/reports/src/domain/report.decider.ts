import type { Decider } from '#shared-kernel';
import type { ReportCommand } from './report.commands.js';
import { decideReport } from './report.decide.js';
import type { ReportEvent } from './report.events.js';
import { evolveReport } from './report.evolve.js';
import { initialReportState, type ReportState } from './report.state.js';

export const reportDecider: Decider<ReportState, ReportCommand, ReportEvent> = {
  initialState: initialReportState,
  decide: decideReport,
  evolve: evolveReport,
};
