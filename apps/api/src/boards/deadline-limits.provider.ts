import { APP_CONFIG, type AppConfig } from '#config';
import { DEFAULT_DEADLINE_LIMITS, type DeadlineLimits } from '../../../../libs/config/src/deadline-limits.js';

export { parseIsoDuration, type DeadlineLimits } from '../../../../libs/config/src/deadline-limits.js';

export const DEADLINE_LIMITS = Symbol('DEADLINE_LIMITS');

/**
 * The limits come from the one config object (DEADLINE_* variables, parsed by loadDeadlineLimits
 * in libs/config) once loadConfig carries them as `deadlines`; until then the documented defaults.
 */
export const deadlineLimitsProvider = {
  provide: DEADLINE_LIMITS,
  useFactory: (config: AppConfig): DeadlineLimits =>
    (config as AppConfig & { deadlines?: DeadlineLimits }).deadlines ?? DEFAULT_DEADLINE_LIMITS,
  inject: [APP_CONFIG],
};
