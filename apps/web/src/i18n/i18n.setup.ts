import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

/**
 * The three languages of the app, each named in itself so that anyone can find theirs whatever
 * the screen shows now. The codes are what `<html lang>` carries (BCP 47: Chinese in simplified
 * script is `zh-Hans`) and what Intl formats with.
 */
export const LANGUAGES = [
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'zh-Hans', name: '中文' },
  { code: 'en', name: 'English' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export type OtherLanguage = Exclude<Language, 'vi'>;

/** Vietnamese first: the people this serves work in it, and the contract says so. */
export const DEFAULT_LANGUAGE: Language = 'vi';

type Strings = Record<string, unknown>;
type Loader = () => Promise<{ default: Strings }>;

/**
 * An app's own strings (src/i18n/desktop.*.json or gate.*.json) on top of the shared ones
 * (src/i18n/<language>.json): Vietnamese bundled, the other languages fetched when chosen, so
 * that neither app carries the other's strings nor two languages nobody reads.
 */
export interface AppStrings {
  readonly vi: Strings;
  readonly load: (language: OtherLanguage) => Promise<{ default: Strings }>;
}

const SHARED: Record<OtherLanguage, Loader> = {
  'zh-Hans': () => import('./zh-Hans.json'),
  en: () => import('./en.json'),
};

const STORAGE_KEY = 'blo.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

/** The remembered choice; storage can be unavailable (private windows, policies), so never throw. */
function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function remember(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads, still applied now: better than refusing the switch.
  }
}

let appStrings: AppStrings | undefined;

/** Fetches a language's strings (shared and the app's) unless already there. */
async function ensureLoaded(instance: i18n, language: Language): Promise<void> {
  if (language === 'vi' || instance.hasResourceBundle(language, 'translation')) return;
  if (!appStrings) throw new Error('setUpI18n has not run');
  const [shared, own] = await Promise.all([SHARED[language](), appStrings.load(language)]);
  instance.addResourceBundle(language, 'translation', { ...shared.default, ...own.default });
}

/**
 * Switches the language: fetches its strings first, so the screen never shows keys. If they
 * cannot be fetched (offline, before the gate app caches them), the language stays as it was.
 */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  await ensureLoaded(instance, language);
  await instance.changeLanguage(language);
  remember(language);
}

/**
 * One i18next instance per page, ready before the first render. `<html lang>` follows the
 * language so that screen readers, hyphenation and the choice of CJK font follow it too.
 */
export async function setUpI18n(app: AppStrings): Promise<i18n> {
  appStrings = app;
  const remembered = rememberedLanguage();
  const instance = i18next.createInstance();
  // Only what the person chose is remembered (switchLanguage), never the start-up default.
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await instance.use(initReactI18next).init({
    resources: { vi: { translation: { ...vi, ...app.vi } } },
    // The others arrive through addResourceBundle (ensureLoaded), not a backend plugin.
    partialBundledLanguages: true,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES.map((l) => l.code),
    // Exactly the three codes above: no lookup of `zh` for `zh-Hans`, no guessing from the browser.
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    // React escapes what it renders; escaping here too would show &amp; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (remembered !== DEFAULT_LANGUAGE) await switchLanguage(instance, remembered).catch(() => undefined);
  document.documentElement.lang = instance.language;
  return instance;
}
