import type { Decider } from '#shared-kernel';
import type { PersonCommand } from './person.commands.js';
import { decidePerson } from './person.decide.js';
import type { PersonEvent } from './person.events.js';
import { evolvePerson } from './person.evolve.js';
import { initialPersonState, type PersonState } from './person.state.js';

export const personDecider: Decider<PersonState, PersonCommand, PersonEvent> = {
  initialState: initialPersonState,
  decide: decidePerson,
  evolve: evolvePerson,
};
