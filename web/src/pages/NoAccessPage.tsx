import { useI18n } from '../i18n/I18nProvider.js';
import { PageHeading } from '../layout/PageHeading.js';
import { useSession } from '../session/SessionProvider.js';

/** A page the reader's roles do not open, reached by its address: it says so and shows nothing of it. */
export const NoAccessPage = () => {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <>
      <PageHeading>{t.session.noAccess.title}</PageHeading>
      <p className="lead">{session.user ? t.session.noAccess.signedIn : t.session.noAccess.signedOut}</p>
    </>
  );
};
