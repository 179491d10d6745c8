import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, switchLanguage } from '../i18n/i18n.setup';

/**
 * The switcher's accessible name stays "Ngôn ngữ" in every language: it is the stable handle
 * outside tests and assistive-technology users rely on (issue 9), and the options name each
 * language in itself. The current language's own word for it is the description.
 */
export const LANGUAGE_SWITCHER_NAME = 'Ngôn ngữ';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const hint = useId();
  return (
    <div className="language-switcher">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" className="language-switcher-icon">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path
          d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9s1.3-6.4 3.8-9z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      <select
        aria-label={LANGUAGE_SWITCHER_NAME}
        aria-describedby={hint}
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value;
          // A language that cannot be fetched now leaves the screen as it was; the select follows.
          if (isLanguage(language)) switchLanguage(i18n, language).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
      <span id={hint} hidden>
        {t('language.hint')}
      </span>
    </div>
  );
}
