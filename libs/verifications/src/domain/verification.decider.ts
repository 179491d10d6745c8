import type { Decider } from '#shared-kernel';
import type { VerificationCommand } from './verification.commands.js';
import { decideVerification } from './verification.decide.js';
import type { VerificationEvent } from './verification.events.js';
import { evolveVerification } from './verification.evolve.js';
import { initialVerificationState, type VerificationState } from './verification.state.js';

export const verificationDecider: Decider<VerificationState, VerificationCommand, VerificationEvent> = {
  initialState: initialVerificationState,
  decide: decideVerification,
  evolve: evolveVerification,
};
