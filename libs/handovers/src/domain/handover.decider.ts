import type { Decider } from '#shared-kernel';
import type { HandoverCommand } from './handover.commands.js';
import { decideHandover } from './handover.decide.js';
import type { HandoverEvent } from './handover.events.js';
import { evolveHandover } from './handover.evolve.js';
import { initialHandoverState, type HandoverState } from './handover.state.js';

export const handoverDecider: Decider<HandoverState, HandoverCommand, HandoverEvent> = {
  initialState: initialHandoverState,
  decide: decideHandover,
  evolve: evolveHandover,
};
