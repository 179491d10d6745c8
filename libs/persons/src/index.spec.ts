import { newId, parseStreamId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import {
  isOnVictimTrack,
  personDecider,
  personStreamId,
  sealedPersonalData,
  type IdentificationStatus,
  type PersonRole,
} from '#persons';

describe('#persons public surface', () => {
  it('names the stream person-<id> so the category parses back', () => {
    const id = newId();
    expect(parseStreamId(personStreamId(id))).toEqual({ category: 'person', id });
  });

  it.each([
    ['presumed_victim', 'presumed', true],
    ['accompanying_minor', 'accompanying', true],
    ['victim', 'identified_victim', true],
    ['relative', 'not_on_victim_track', false],
    ['suspect', 'not_on_victim_track', false],
  ] as [PersonRole, IdentificationStatus, boolean][])(
    'registers a %s as %s and tells whether they are on the victim track',
    (role, identification, onTrack) => {
      const personId = newId();
      const caseId = newId();
      const personal = 'v1.1.aXY.dGFn.Y3Q';
      const state = deciderSpec(personDecider)
        .given([])
        .when({
          type: 'RegisterPerson',
          data: { personId, caseId, role, ageBand: 'unknown', personal },
          meta: { actor: { userId: 'u', role: 'liaison_officer', unitId: 'VN-LS-BLO' }, now: new Date() },
        })
        .then([
          { type: 'PersonRegistered', data: { personId, caseId, role, ageBand: 'unknown', personal, identification } },
        ]);
      expect(isOnVictimTrack(state)).toBe(onTrack);
      expect(sealedPersonalData(state)).toBe(personal);
    },
  );
});
