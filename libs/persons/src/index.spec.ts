import { fold, newId, parseStreamId } from '#shared-kernel';
import { isOnVictimTrack, personDecider, personStreamId, sealedPersonalData, type PersonRole } from '#persons';

describe('#persons public surface', () => {
  it('names the stream person-<id> so the category parses back', () => {
    const id = newId();
    expect(parseStreamId(personStreamId(id))).toEqual({ category: 'person', id });
  });

  it.each([
    ['presumed_victim', true],
    ['accompanying_minor', true],
    ['victim', true],
    ['relative', false],
    ['suspect', false],
  ] as [PersonRole, boolean][])('tells whether a %s is on the victim track', (role, onTrack) => {
    const personId = newId();
    const command = {
      type: 'RegisterPerson' as const,
      data: { personId, caseId: newId(), role, ageBand: 'unknown' as const, personal: 'v1.1.aXY.dGFn.Y3Q' },
      meta: { actor: { userId: 'u', role: 'liaison_officer' as const, unitId: 'VN-LS-BLO' }, now: new Date() },
    };
    const state = fold(personDecider, personDecider.decide(command, personDecider.initialState));
    expect(isOnVictimTrack(state)).toBe(onTrack);
    expect(sealedPersonalData(state)).toBe('v1.1.aXY.dGFn.Y3Q');
  });
});
