import { APP_CONFIG, type AppConfig, type DeadlineLimits } from '#config';

export { parseIsoDuration, type DeadlineLimits } from '#config';

export const DEADLINE_LIMITS = Symbol('DEADLINE_LIMITS');

/** The limits come from the one config object (DEADLINE_* variables). */
export const deadlineLimitsProvider = {
  provide: DEADLINE_LIMITS,
  useFactory: (config: AppConfig): DeadlineLimits => config.deadlines,
  inject: [APP_CONFIG],
};
