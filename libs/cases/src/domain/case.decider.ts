import type { Decider } from '#shared-kernel';
import type { CaseCommand } from './case.commands.js';
import { decideCase } from './case.decide.js';
import type { CaseEvent } from './case.events.js';
import { evolveCase } from './case.evolve.js';
import { initialCaseState, type CaseState } from './case.state.js';

export const caseDecider: Decider<CaseState, CaseCommand, CaseEvent> = {
  initialState: initialCaseState,
  decide: decideCase,
  evolve: evolveCase,
};
