import type { i18n as I18n } from 'i18next';
import { ApiRefusal } from './api.refusal';

/** i18next's typed `t` takes only keys known at compile time; these are built from the api's codes. */
type RuntimeT = (key: string, options: Record<string, unknown>) => string;

/**
 * A refusal in the reader's language: a sentence for the problem's code when we have one, else
 * one for its HTTP status, else a general one. Never the api's JSON or its English `detail`.
 * Codes either app meets are worded in the shared files (`problem.HANDOVER.NOT_CONDUCTED` in
 * src/i18n/<lang>.json); codes only desktop screens meet in desktop.<lang>.json
 * (`refusal.CASE.CLOSED`), so that the gate app does not carry them within its 100 KB.
 * test/web/refusal-codes.spec.ts names any code of the api without a sentence.
 */
export function refusalText(i18n: I18n, refusal: unknown): string {
  if (!(refusal instanceof ApiRefusal)) return i18n.t('problem.unknown');
  if (refusal.status === 0) return i18n.t('problem.network');
  const t = i18n.t.bind(i18n) as unknown as RuntimeT;
  const options = { seconds: refusal.retryAfterSeconds ?? 60 };
  const code = refusal.code ?? '-';
  for (const key of [`problem.${code}`, `refusal.${code}`, `problem.status.${refusal.status}`]) {
    // A sentence, not a group of keys (`problem.AUTH` is one).
    if (typeof i18n.getResource(i18n.language, 'translation', key) === 'string') return t(key, options);
  }
  return i18n.t('problem.unknown');
}
