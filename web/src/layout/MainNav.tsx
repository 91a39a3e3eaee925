import { useI18n } from '../i18n/I18nProvider.js';
import { AppLink } from '../routing/AppLink.js';
import { type PageId, pageIds } from '../routing/pages.js';

export const MainNav = ({ page }: { page: PageId | undefined }) => {
  const { t } = useI18n();
  return (
    <nav className="main-nav" aria-label={t.app.mainNavigation}>
      <ul>
        {pageIds.map((id) => (
          <li key={id}>
            <AppLink page={id} current={id === page}>
              {t.nav[id]}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
};
