import type { CommandMeta } from '#shared-kernel';
import type { PersonCommand } from './person.commands.js';
import type { PersonRegistered } from './person.events.js';
import type { AgeBand, PersonRole } from './person.values.js';

// Shaped like the security lib's envelope; the domain never opens it.
export const SEALED = 'v1.1.q7Zk3PZ1oXc4m9Qe.Yw8T0iV3nB2xR4sL6uKp1g.c2VhbGVkLWJ5dGVz';
export const RESEALED = 'v1.1.b0Xf2LmN8tYq1Rz7.Jk3PqW9eR2tY5uI8oPa1sD.cmUtc2VhbGVk';

/** Who recorded a screening, support or referral step in the specs. */
export const RECORDED_BY = { userId: 'can.bo', unitId: 'VN-LS-BLO' } as const;

/** The liaison officer the person specs act as, in the province the scenario is set in. */
export const liaisonOfficer = (province: string): CommandMeta => ({
  actor: { userId: 'can.bo', role: 'liaison_officer', unitId: 'VN-LS-BLO', province },
  now: new Date('2026-03-05T02:00:00Z'),
});

/** Commands sent by one actor; their data is left loose, since checking it is the decider's job. */
export const commandsBy =
  (meta: CommandMeta) =>
  (type: PersonCommand['type'], data: object): PersonCommand =>
    ({ type, data, meta }) as PersonCommand;

/** Where registering in a role puts the person on the victim track. */
const IDENTIFICATION_BY_ROLE = {
  presumed_victim: 'presumed',
  victim: 'identified_victim',
  accompanying_minor: 'accompanying',
  relative: 'not_on_victim_track',
  suspect: 'not_on_victim_track',
} as const;

/** A registration as the decider records it: sealed personal data, the role's identification status. */
export const personRegistered = (
  ids: { readonly personId: string; readonly caseId: string },
  role: PersonRole = 'presumed_victim',
  ageBand: AgeBand = 'adult',
): PersonRegistered => ({
  type: 'PersonRegistered',
  data: { ...ids, role, ageBand, personal: SEALED, identification: IDENTIFICATION_BY_ROLE[role] },
});
