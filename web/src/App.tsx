import { useEffect, useRef } from 'react';
import { useI18n } from './i18n/I18nProvider.js';
import { Footer } from './layout/Footer.js';
import { Header } from './layout/Header.js';
import { SkipLink } from './layout/SkipLink.js';
import { PageView } from './pages/PageView.js';
import { useRoute } from './routing/useRoute.js';
import { useSession } from './session/SessionProvider.js';

export const App = () => {
  const page = useRoute();
  const { t } = useI18n();
  const { known } = useSession();
  const mainRef = useRef<HTMLElement>(null);
  const shownPage = useRef(page);

  const title = page === undefined ? t.notFound.title : t.nav[page];
  useEffect(() => {
    document.title = `${title} – ${t.app.name}`;
  }, [title, t]);

  useEffect(() => {
    // After following a menu link, a screen reader should land on the new page's heading, not stay in the menu.
    if (shownPage.current === page) return;
    shownPage.current = page;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [page]);

  return (
    <>
      <SkipLink />
      <Header page={page} />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {/* Pages wait for the session, so that no control a reader may not use shows for a moment. */}
        {known ? (
          <PageView page={page} />
        ) : (
          <p className="status" role="status">
            {t.status.loading}
          </p>
        )}
      </main>
      <Footer />
    </>
  );
};
