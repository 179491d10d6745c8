import type { i18n as I18n } from 'i18next';
import { ApiRefusal } from './api.refusal';

/** i18next's typed `t` takes only keys known at compile time; these are built from the api's codes. */
type RuntimeT = (key: string, options: Record<string, unknown>) => string;

/**
 * A refusal in the reader's language: a sentence for the problem's code when we have one
 * (`problem.AUTH.SIGN_IN_FAILED` in src/i18n/*.json), else one for its HTTP status, else a
 * general one. Never the api's JSON or its English `detail`. Add a code by adding its key to
 * the three language files.
 */
export function refusalText(i18n: I18n, refusal: unknown): string {
  if (!(refusal instanceof ApiRefusal)) return i18n.t('problem.unknown');
  if (refusal.status === 0) return i18n.t('problem.network');
  const t = i18n.t.bind(i18n) as unknown as RuntimeT;
  const options = { seconds: refusal.retryAfterSeconds ?? 60 };
  for (const key of [`problem.${refusal.code ?? '-'}`, `problem.status.${refusal.status}`]) {
    // A sentence, not a group of keys (`problem.AUTH` is one).
    if (typeof i18n.getResource(i18n.language, 'translation', key) === 'string') return t(key, options);
  }
  return i18n.t('problem.unknown');
}
