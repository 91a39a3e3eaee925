import { useI18n } from '../../i18n/I18nProvider.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useSession } from '../../session/SessionProvider.js';
import { localPath, signInPath } from '../../session/session.js';

/**
 * Where signing in starts. In demo mode it lists the demo identity provider's users, each a link that
 * names the user to the provider (login_hint); otherwise one link to the county's identity provider.
 */
export const SignInPage = () => {
  const { t } = useI18n();
  const { session } = useSession();
  const text = t.session.signInPage;
  const returnTo = localPath(new URLSearchParams(window.location.search).get('returnTo'));
  const demoUsers = session.demoUsers ?? [];
  return (
    <>
      <PageHeading>{t.nav.signin}</PageHeading>
      {demoUsers.length === 0 ? (
        <>
          <p className="lead">{text.lead}</p>
          <p>
            <a className="button" href={signInPath(returnTo)}>
              {text.continue}
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{text.demoLead}</p>
          <section className="card" aria-labelledby="demo-users-title">
            <h2 id="demo-users-title">{text.demoUsers}</h2>
            <ul className="demo-users">
              {demoUsers.map((user) => (
                <li key={user.id}>
                  <a href={signInPath(returnTo, user.id)}>{user.name}</a>{' '}
                  <span className="muted">
                    ({user.roles.map((role) => t.session.roles[role]).join(', ')}
                    {user.producerCode !== undefined && `, ${t.session.producerScope(user.producerCode)}`})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
};
