import type { OidcLoginConfig } from '#config';
import { claimAt, hasRequiredClaims, mapOidcClaims } from './oidc-claim-mapper.js';

const NAMES: OidcLoginConfig['claims'] = {
  roles: 'roles',
  unit: 'unit',
  province: 'province',
  gates: 'gates',
  name: 'name',
};

describe('claimAt', () => {
  const claims = {
    'https://blo.gov.vn/unit': 'VN-LS-BLO',
    realm_access: { roles: ['blo-officer'] },
    plain: 'x',
  };

  it('reads a namespaced claim whose name has dots as it is', () => {
    expect(claimAt(claims, 'https://blo.gov.vn/unit')).toBe('VN-LS-BLO');
  });

  it('reads a dotted name as a path into nested objects when no claim has that name', () => {
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['blo-officer']);
    expect(claimAt(claims, 'realm_access.missing')).toBeUndefined();
    expect(claimAt(claims, 'plain.length')).toBeUndefined();
    expect(claimAt(claims, 'toString')).toBeUndefined();
  });
});

describe('mapOidcClaims', () => {
  const provider = {
    sub: 'hoa.nguyen',
    name: 'Nguyễn Thị Hoa',
    realm_access: { roles: ['blo-supervisor', 'offline_access', 'blo-officer', 'blo-officer'] },
    ou: 'VN-LS-BLO',
    tinh: 'lang-son',
  };
  const config = {
    claims: { ...NAMES, roles: 'realm_access.roles', unit: 'ou', province: 'tinh' },
    roleMap: { 'blo-officer': 'liaison_officer', 'blo-supervisor': 'supervisor' },
  };

  it('reads each part under its configured name and maps the roles, once each', () => {
    expect(mapOidcClaims(provider, config)).toEqual({
      sub: 'hoa.nguyen',
      name: 'Nguyễn Thị Hoa',
      roles: ['supervisor', 'liaison_officer'],
      unit: 'VN-LS-BLO',
      province: 'lang-son',
    });
  });

  it('takes a single role or gate sent as a bare string as a list of one', () => {
    const claims = { sub: 'binh.lo', roles: 'border_guard', gates: 'LAO_CAI', unit: 'VN-LC-BP', province: 'lao-cai' };
    expect(mapOidcClaims(claims, { claims: NAMES, roleMap: {} })).toMatchObject({
      roles: ['border_guard'],
      gates: ['LAO_CAI'],
    });
  });

  it('with an empty role map keeps our role names and drops the others', () => {
    const claims = { sub: 'an', roles: ['auditor', 'uma_authorization', 42], unit: 'VN-LS-BLO', province: 'lang-son' };
    expect(mapOidcClaims(claims, { claims: NAMES, roleMap: {} })).toMatchObject({ roles: ['auditor'] });
  });

  it('leaves out a null name and keeps a claim of the wrong shape for the principal check to refuse', () => {
    const claims = { sub: 'an', name: null, roles: { admin: true }, unit: 'VN-LS-BLO', province: 'lang-son' };
    const mapped = mapOidcClaims(claims, { claims: NAMES, roleMap: {} });
    expect(mapped).not.toHaveProperty('name');
    expect(mapped).toMatchObject({ roles: { admin: true } });
  });

  it('knows when the ID token lacks what only userinfo may have', () => {
    expect(hasRequiredClaims(provider, config)).toBe(true);
    expect(hasRequiredClaims({ sub: 'x', roles: [], unit: 'u' }, { claims: NAMES })).toBe(false);
  });
});
