import type { RefObject } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * Routes live in the URL hash, so following "#main" would change the page; the link moves focus itself
 * and keeps the href only so that it reads as an in-page link.
 */
export const SkipLink = ({ target }: { target: RefObject<HTMLElement | null> }) => {
  const { t } = useI18n();
  return (
    // biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; see above for why it handles the click
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        target.current?.focus();
      }}
    >
      {t.app.skipToContent}
    </a>
  );
};
