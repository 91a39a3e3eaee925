import { useI18n } from '../i18n/I18nProvider.js';
import { AppLink } from '../routing/AppLink.js';
import { defaultPage, type RouteId } from '../routing/pages.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { MainNav } from './MainNav.js';
import { SessionBar } from './SessionBar.js';

export const Header = ({ page }: { page: RouteId | undefined }) => {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <div className="brand">
          <AppLink className="brand__name" page={defaultPage}>
            {t.app.name}
          </AppLink>
          <p className="brand__tagline">{t.app.tagline}</p>
        </div>
        <div className="app-header__tools">
          <SessionBar />
          <LanguageSwitch />
        </div>
      </div>
      <MainNav page={page} />
    </header>
  );
};
