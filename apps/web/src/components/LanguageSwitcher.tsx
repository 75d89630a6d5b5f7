import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGS } from '../i18n/strings.ts';

export function LanguageSwitcher() {
  const { lang, t, setLang } = useI18n();
  return (
    <fieldset className="lang-switcher">
      <legend className="visually-hidden">{t.languageLabel}</legend>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
        >
          {t.languageNames[option]}
        </button>
      ))}
    </fieldset>
  );
}
