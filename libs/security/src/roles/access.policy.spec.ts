import { ROLES, type Role } from '#shared-kernel';
import { ACCESS, ACTS, can, rolesFor, ruleOf, scopeOf, type Act } from './access.policy.js';

const allowed = (role: Role): Act[] => ACTS.filter((act) => can(role, act));

describe('access table', () => {
  it('lets a border guard confirm, record onward transfers and read handovers and persons only at their gates', () => {
    expect(allowed('border_guard').sort()).toEqual(
      [
        'handover.confirm',
        'handover.list',
        'handover.onward_transfer',
        'handover.read',
        'person.read_personal',
        'reference.read',
        'self',
      ].sort(),
    );
    for (const act of ['handover.confirm', 'handover.read', 'person.read_personal'] as const)
      expect(scopeOf(act, 'border_guard')).toBe('gates');
  });

  it('lets an auditor write nothing but a checkpoint, and read their province including the audit log and accounts', () => {
    // A checkpoint seals what exists and adds no fact about any record (ADR 0009).
    expect(allowed('auditor').filter((act) => ruleOf(act).kind === 'write')).toEqual(['integrity.checkpoint']);
    expect(scopeOf('integrity.checkpoint', 'auditor')).toBe('global');
    expect(scopeOf('audit.read', 'auditor')).toBe('province');
    expect(can('auditor', 'user.read')).toBe(true);
    expect(can('liaison_officer', 'audit.read')).toBe(false);
  });

  it('gives an administrator reference data, operations and accounts, but no case and no personal data', () => {
    expect(allowed('admin').sort()).toEqual([
      'integrity.checkpoint',
      'ops.read',
      'reference.admin',
      'reference.read',
      'self',
      'user.admin',
      'user.read',
    ]);
  });

  it('lets a supervisor do every act an officer may, plus erasure, legal holds, the gate confirmation, campaigns and the approval and submission of reports', () => {
    const officer = allowed('liaison_officer');
    expect(officer.filter((act) => !can('supervisor', act))).toEqual([]);
    expect(
      allowed('supervisor')
        .filter((act) => !officer.includes(act))
        .sort(),
    ).toEqual([
      'campaign.write',
      'handover.confirm',
      'person.erase',
      'person.legal_hold',
      'report.approve',
      'report.submit',
    ]);
  });

  it('scopes every case-bound act of the office to the province', () => {
    for (const act of ACTS)
      for (const role of ['liaison_officer', 'supervisor'] as const) {
        const scope = scopeOf(act, role);
        if (scope !== undefined)
          expect({ act, scope }).toEqual({
            act,
            scope: act === 'reference.read' || act === 'self' ? 'global' : 'province',
          });
      }
  });

  it('combines several roles and lists the roles of an act most accountable first', () => {
    expect(can(['auditor', 'border_guard'], 'handover.confirm')).toBe(true);
    expect(can([], 'case.read')).toBe(false);
    expect(rolesFor('handover.confirm')).toEqual(['supervisor', 'border_guard']);
    for (const act of ACTS) for (const role of Object.keys(ACCESS[act].roles)) expect(ROLES).toContain(role);
  });
});
