import { useI18n } from '../i18n/I18nProvider.js';
import { hrefOf, type PageId, pageIds } from '../routing/pages.js';

export const MainNav = ({ page }: { page: PageId | undefined }) => {
  const { t } = useI18n();
  return (
    <nav className="main-nav" aria-label={t.app.mainNavigation}>
      <ul>
        {pageIds.map((id) => (
          <li key={id}>
            <a href={hrefOf(id)} aria-current={id === page ? 'page' : undefined}>
              {t.nav[id]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
