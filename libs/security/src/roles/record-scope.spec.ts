import type { Principal } from '../tokens/principal.js';
import { admit, inListScope, listScope } from './record-scope.js';

const officer: Principal = {
  userId: 'hoa',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
  gates: [],
};
const guard: Principal = {
  userId: 'duc',
  roles: ['border_guard'],
  unit: 'VN-LS-BP',
  province: 'lang-son',
  gates: ['HUU_NGHI'],
};
const national: Principal = { userId: 'bo', roles: ['supervisor'], unit: 'VN-BCA-C02', province: '*', gates: [] };
const lsCase = { provinces: ['lang-son'], gates: [] };
const lcCase = { provinces: ['lao-cai'], gates: [] };
const atHuuNghi = { provinces: ['lang-son'], gates: ['HUU_NGHI'] };
const atTanThanh = { provinces: ['lang-son'], gates: ['TAN_THANH'] };

describe('admit', () => {
  it('admits an officer in their province and hides another province as out of scope', () => {
    expect(admit(officer, 'case.close', lsCase)).toEqual({ ok: true, role: 'liaison_officer', scope: 'province' });
    expect(admit(officer, 'case.close', lcCase)).toEqual({ ok: false, reason: 'out_of_scope' });
  });

  it('refuses a role that may not do the act at all as forbidden, whatever the record', () => {
    expect(admit(guard, 'case.read', lsCase)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it("admits a guard at their gate only, even inside the guard's own province", () => {
    expect(admit(guard, 'handover.confirm', atHuuNghi).ok).toBe(true);
    expect(admit(guard, 'handover.confirm', atTanThanh)).toEqual({ ok: false, reason: 'out_of_scope' });
  });

  it('lets a national unit read every province and write in none', () => {
    expect(admit(national, 'case.read', lcCase).ok).toBe(true);
    expect(admit(national, 'case.close', lsCase)).toEqual({ ok: false, reason: 'national_read_only' });
  });

  it('uses the most accountable role whose scope covers the record', () => {
    const both: Principal = { ...guard, roles: ['border_guard', 'supervisor'], province: 'lao-cai' };
    expect(admit(both, 'handover.confirm', atHuuNghi)).toEqual({ ok: true, role: 'border_guard', scope: 'gates' });
    expect(admit(both, 'handover.confirm', { provinces: ['lao-cai'], gates: ['LAO_CAI'] })).toEqual({
      ok: true,
      role: 'supervisor',
      scope: 'province',
    });
  });
});

describe('listScope', () => {
  it('restricts an officer to the province, a guard to the gates, a national unit to nothing', () => {
    expect(listScope(officer, 'case.list')).toEqual({ allProvinces: false, provinces: ['lang-son'], gates: [] });
    expect(listScope(guard, 'handover.list')).toEqual({ allProvinces: false, provinces: [], gates: ['HUU_NGHI'] });
    expect(listScope(national, 'case.list').allProvinces).toBe(true);
  });

  it('keeps a row when its province or its gate is in scope', () => {
    const scope = listScope(guard, 'handover.list');
    expect(inListScope(scope, 'lang-son', 'HUU_NGHI')).toBe(true);
    expect(inListScope(scope, 'lang-son', 'TAN_THANH')).toBe(false);
    expect(inListScope(listScope(officer, 'handover.list'), 'lao-cai', 'LAO_CAI')).toBe(false);
  });
});
