import { useI18n } from '../i18n/I18nProvider.js';

/** Lets keyboard users pass the header and menu; <main> is focusable from script, so focus lands there. */
export const SkipLink = () => {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t.app.skipToContent}
    </a>
  );
};
