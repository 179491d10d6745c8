import { ConfigError, loadConfig } from './app-config.js';
import { releasePolicyFor } from './release-config.js';

describe('second-officer release policy', () => {
  it('holds messages with personal data for release in every unit by default', () => {
    const { release } = loadConfig({}, '/srv/blo');
    expect(release).toEqual({ defaultPolicy: 'personal_data', byUnit: {} });
    expect(releasePolicyFor(release, 'lang-son')).toBe('personal_data');
    expect(releasePolicyFor(release, undefined)).toBe('personal_data');
  });

  it('lets a unit hold every outgoing message, and the others keep the default', () => {
    const { release } = loadConfig({ EXCHANGE_RELEASE_BY_UNIT: ' lang-son=all , lao-cai=off' }, '/srv/blo');
    expect(releasePolicyFor(release, 'lang-son')).toBe('all');
    expect(releasePolicyFor(release, 'lao-cai')).toBe('off');
    expect(releasePolicyFor(release, 'quang-ninh')).toBe('personal_data');
    expect(releasePolicyFor(release, 'constructor')).toBe('personal_data');
  });

  it('lists every bad setting with the others', () => {
    let error: unknown;
    try {
      loadConfig({
        EXCHANGE_RELEASE: 'sometimes',
        EXCHANGE_RELEASE_BY_UNIT: 'lang-son=all,ha-noi=all,lao-cai,lang-son=off',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringContaining('EXCHANGE_RELEASE must be one of off, personal_data, all'),
      expect.stringContaining('"ha-noi=all"'),
      expect.stringContaining('"lao-cai"'),
      'EXCHANGE_RELEASE_BY_UNIT names lang-son twice',
    ]);
  });
});
