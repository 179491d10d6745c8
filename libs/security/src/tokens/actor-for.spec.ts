import { DomainError } from '#shared-kernel';
import { actorFor, authorize } from './actor-for.js';
import type { Principal } from './principal.js';

const principal: Principal = {
  userId: 'an.nguyen',
  name: 'Nguyễn Văn An',
  roles: ['border_guard', 'supervisor', 'auditor'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
  gates: ['HUU_NGHI'],
};

describe('actorFor', () => {
  it('records the most accountable role that may do the act', () => {
    expect(actorFor(principal, 'handover.confirm')).toEqual({
      userId: 'an.nguyen',
      name: 'Nguyễn Văn An',
      role: 'supervisor',
      unitId: 'VN-LS-BLO',
      province: 'lang-son',
    });
    expect(actorFor({ ...principal, roles: ['auditor', 'border_guard'] }, 'handover.confirm').role).toBe(
      'border_guard',
    );
    expect(actorFor({ ...principal, roles: ['auditor', 'border_guard'] }).role).toBe('border_guard');
  });

  it('uses a requested role only when the principal holds it', () => {
    expect(actorFor(principal, 'auditor').role).toBe('auditor');
    expect(() => actorFor(principal, 'admin')).toThrow(
      expect.objectContaining({ code: 'AUTH.ROLE_NOT_HELD', kind: 'forbidden' }),
    );
  });

  it('refuses with a 403 domain error when no role may do the act', () => {
    const guard: Principal = { ...principal, roles: ['border_guard'] };
    expect(() => authorize(guard, 'case.create')).toThrow(DomainError);
    expect(() => actorFor(guard, 'case.create')).toThrow(
      expect.objectContaining({ code: 'AUTH.FORBIDDEN', kind: 'forbidden' }),
    );
    expect(() => authorize(guard, 'handover.confirm')).not.toThrow();
  });
});
