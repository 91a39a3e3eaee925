import { useI18n } from '../i18n/I18nProvider.js';
import { AppLink } from '../routing/AppLink.js';
import { pagesFor, type RouteId } from '../routing/pages.js';
import { useSession } from '../session/SessionProvider.js';

/** Only the pages the reader may open: the rest are not offered at all. */
export const MainNav = ({ page }: { page: RouteId | undefined }) => {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <nav className="main-nav" aria-label={t.app.mainNavigation}>
      <ul>
        {pagesFor(session.permissions).map((id) => (
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
