import type { OidcLoginConfig } from '#config';
import { OidcLogin } from './oidc-login.js';

const settings = (issuerUrl: string): OidcLoginConfig => ({
  issuerUrl,
  clientId: 'blo-ledger',
  clientSecret: null,
  scopes: 'openid',
  claims: { roles: 'roles', unit: 'unit', province: 'province', gates: 'gates', name: 'name' },
  roleMap: {},
});
const options = { redirectUri: 'https://blo.example.gov.vn/api/v1/session/oidc/callback' };

describe('OidcLogin', () => {
  it('refuses a provider reached over plain http anywhere but on loopback', () => {
    expect(() => new OidcLogin(settings('http://idp.example.gov.vn/realms/blo'), options)).toThrow(/https/);
    for (const ok of [
      'https://idp.example.gov.vn/realms/blo',
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      'http://[::1]:8080',
    ])
      expect(() => new OidcLogin(settings(ok), options)).not.toThrow();
  });
});
