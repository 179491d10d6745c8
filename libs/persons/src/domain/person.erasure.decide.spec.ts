import { newId, type CommandMeta } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { personDecider } from './person.decider.js';
import { PersonErrors } from './person.errors.js';
import { RESEALED, commandsBy, personRegistered } from './person.spec-fixtures.js';

const meta: CommandMeta = {
  actor: { userId: 'truong.phong', role: 'supervisor', unitId: 'VN-LC-BLO', province: 'lao-cai' },
  now: new Date('2026-03-05T02:00:00Z'),
};
const spec = deciderSpec(personDecider);
const cmd = commandsBy(meta);

describe('Person erasure', () => {
  const personId = newId();
  const caseId = newId();
  const registered = personRegistered({ personId, caseId });
  const erased = { type: 'PersonalDataErased', data: { personId, caseId, reason: 'yêu cầu xóa' } } as const;

  it('records the erasure with its reason', () => {
    spec
      .given([registered])
      .when(cmd('RecordErasure', { reason: ' yêu cầu xóa ' }))
      .then([erased]);
  });

  it('records the erasure only once', () => {
    spec
      .given([registered, erased])
      .when(cmd('RecordErasure', { reason: 'again' }))
      .thenNothingHappened();
  });

  it('needs a reason', () => {
    spec
      .given([registered])
      .when(cmd('RecordErasure', { reason: '  ' }))
      .thenRefuses(PersonErrors.REASON_REQUIRED);
  });

  it('needs an existing person', () => {
    spec
      .given([])
      .when(cmd('RecordErasure', { reason: 'x' }))
      .thenRefuses(PersonErrors.NOT_FOUND);
  });

  it('refuses new personal data for an erased person', () => {
    spec
      .given([registered, erased])
      .when(cmd('CorrectPersonalData', { personal: RESEALED }))
      .thenRefuses(PersonErrors.ERASED);
  });

  it('lets identification of an erased person go on', () => {
    const state = spec
      .given([registered, erased])
      .when(cmd('BeginIdentification', {}))
      .then([{ type: 'IdentificationBegun', data: { personId, caseId, basis: null } }]);
    expect(state).toMatchObject({ status: 'under_identification', erased: true });
  });
});
