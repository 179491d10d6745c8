import { isBorderProvince } from '#shared-kernel';

/**
 * Which outgoing exchange messages and verification requests a unit holds for a second officer's
 * release (issue 10): by default those that carry personal data (Law 53/2024, PDPL 91/2025: one
 * officer alone does not decide what leaves); a unit may hold every outgoing one, or none. The
 * same words as the shared kernel's RELEASE_POLICIES.
 */
export const RELEASE_POLICY_SETTINGS = ['off', 'personal_data', 'all'] as const;
export type ReleasePolicySetting = (typeof RELEASE_POLICY_SETTINGS)[number];

export interface ReleaseConfig {
  /** For every unit not named below. */
  readonly defaultPolicy: ReleasePolicySetting;
  /** Per unit, keyed by the province it serves (`lang-son`). */
  readonly byUnit: Readonly<Record<string, ReleasePolicySetting>>;
}

export const RELEASE_VARIABLES: Readonly<Record<string, string>> = {
  EXCHANGE_RELEASE:
    'outgoing messages and verification requests held for a second officer’s release: personal_data (default) | all | off',
  EXCHANGE_RELEASE_BY_UNIT: 'per-unit policy, e.g. "lang-son=all,lao-cai=personal_data" (default: none)',
};

type Env = Readonly<Record<string, string | undefined>>;

const isSetting = (value: string): value is ReleasePolicySetting =>
  (RELEASE_POLICY_SETTINGS as readonly string[]).includes(value);

export function loadReleaseConfig(env: Env, problems: string[]): ReleaseConfig {
  let defaultPolicy: ReleasePolicySetting = 'personal_data';
  const raw = env.EXCHANGE_RELEASE;
  if (raw !== undefined && raw !== '') {
    if (isSetting(raw)) defaultPolicy = raw;
    else problems.push(`EXCHANGE_RELEASE must be one of ${RELEASE_POLICY_SETTINGS.join(', ')} (got "${raw}")`);
  }
  const byUnit: Record<string, ReleasePolicySetting> = {};
  for (const entry of (env.EXCHANGE_RELEASE_BY_UNIT ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const [unit = '', policy = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (rest.length > 0 || !isBorderProvince(unit) || !isSetting(policy)) {
      problems.push(
        `EXCHANGE_RELEASE_BY_UNIT entry "${entry.trim()}" must be <province>=<${RELEASE_POLICY_SETTINGS.join('|')}>`,
      );
      continue;
    }
    if (Object.hasOwn(byUnit, unit)) problems.push(`EXCHANGE_RELEASE_BY_UNIT names ${unit} twice`);
    byUnit[unit] = policy;
  }
  return { defaultPolicy, byUnit };
}

/** The policy of the unit serving `province`; the default for a unit that is not configured. */
export const releasePolicyFor = (config: ReleaseConfig, province: string | undefined): ReleasePolicySetting =>
  province !== undefined && Object.hasOwn(config.byUnit, province)
    ? (config.byUnit[province] ?? config.defaultPolicy)
    : config.defaultPolicy;
