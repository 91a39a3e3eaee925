import { useI18n } from '../i18n/I18nProvider.js';

export const Footer = () => {
  const { t } = useI18n();
  return (
    <footer className="app-footer">
      <p>{t.app.footer}</p>
    </footer>
  );
};
