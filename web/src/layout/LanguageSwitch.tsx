import { useI18n } from '../i18n/I18nProvider.js';
import { endonymOf, languages } from '../i18n/languages.js';

/** Each choice is written in its own language and marked with its lang, so it is found and read aloud right. */
export const LanguageSwitch = () => {
  const { t, language, setLanguage } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t.app.language}</legend>
      {languages.map((choice) => (
        <button
          key={choice}
          type="button"
          lang={choice}
          aria-pressed={choice === language}
          onClick={() => setLanguage(choice)}
        >
          {endonymOf[choice]}
        </button>
      ))}
    </fieldset>
  );
};
