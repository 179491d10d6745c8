import { ROLES, type Role } from '#shared-kernel';
import { ACTS, can, PERMISSIONS, rolesFor, WRITE_ACTS, type Act } from './roles.policy.js';

const allowed = (role: Role): Act[] => ACTS.filter((act) => can(role, act));

describe('roles policy', () => {
  it('lets a border guard confirm a handover and record onward transfer, but not create or open a case', () => {
    expect(can('border_guard', 'handover.confirm')).toBe(true);
    expect(can('border_guard', 'handover.onward_transfer')).toBe(true);
    for (const act of ['case.create', 'case.open', 'case.close', 'handover.propose', 'exchange.write'] as const) {
      expect(can('border_guard', act)).toBe(false);
    }
  });

  it('lets an auditor write nothing, but read everything including the read audit', () => {
    expect(WRITE_ACTS.filter((act) => can('auditor', act))).toEqual([]);
    expect(allowed('auditor')).toEqual(['person.read_personal', 'read', 'audit.read']);
  });

  it('reserves the closing override to supervisors, who may also do every act an officer may', () => {
    expect(PERMISSIONS['case.close.override']).toEqual(['supervisor']);
    const officer = allowed('liaison_officer');
    expect(officer.filter((act) => !can('supervisor', act))).toEqual([]);
    expect(allowed('supervisor').filter((act) => !officer.includes(act))).toEqual(
      expect.arrayContaining(['case.close.override', 'handover.confirm']),
    );
  });

  it('lets an admin manage reference data and read, but never see personal data or write the record', () => {
    expect(allowed('admin')).toEqual(['read', 'reference.admin']);
    expect(can('liaison_officer', 'reference.admin')).toBe(false);
  });

  it('gives liaison officers the exchange, verification and handover proposal work', () => {
    for (const act of ['exchange.write', 'verification.write', 'handover.propose', 'handover.schedule'] as const) {
      expect(can('liaison_officer', act)).toBe(true);
    }
    expect(can('liaison_officer', 'handover.confirm')).toBe(false);
  });

  it('lets every role read, and combines several roles', () => {
    for (const role of ROLES) expect(can(role, 'read')).toBe(true);
    expect(can(['auditor', 'border_guard'], 'handover.confirm')).toBe(true);
    expect(can([], 'read')).toBe(false);
  });

  it('lists the roles of an act most accountable first, and names only known roles', () => {
    expect(rolesFor('handover.confirm')).toEqual(['supervisor', 'border_guard']);
    for (const act of ACTS) for (const role of PERMISSIONS[act]) expect(ROLES).toContain(role);
  });
});
