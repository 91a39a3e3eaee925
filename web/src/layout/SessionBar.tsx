import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { followLink } from '../routing/navigation.js';
import { useSession } from '../session/SessionProvider.js';
import { signInPath } from '../session/session.js';
import { useScopeText } from './useScopeText.js';

const herePath = () => `${window.location.pathname}${window.location.search}`;

/**
 * Who is signed in, with which roles and scope, and the way in or out. In demo mode signing in starts
 * on the app's own page that lists the demo users; otherwise it goes straight to the identity provider.
 */
export const SessionBar = () => {
  const { t } = useI18n();
  const { session, known, signOut } = useSession();
  const scopeText = useScopeText();
  const [failed, setFailed] = useState(false);
  if (!known) return null;
  const text = t.session;
  if (session.mode === 'public') return <p className="session-bar muted">{text.publicMode}</p>;
  if (!session.user) {
    const demo = (session.demoUsers?.length ?? 0) > 0;
    const href = demo
      ? `/signin?${new URLSearchParams({ returnTo: herePath() }).toString()}`
      : signInPath(herePath());
    return (
      <div className="session-bar">
        <a className="button-small" href={href} onClick={demo ? followLink : undefined}>
          {text.signIn}
        </a>
      </div>
    );
  }
  const onSignOut = () => {
    setFailed(false);
    signOut().catch(() => setFailed(true));
  };
  return (
    <section className="session-bar" aria-label={text.account}>
      <p className="session-bar__who">
        <span className="session-bar__name">{session.user.name}</span>{' '}
        <span className="session-bar__roles">
          {[...session.roles.map((role) => text.roles[role]), ...scopeText(session)].join(', ')}
        </span>
      </p>
      <button type="button" className="button-small" onClick={onSignOut}>
        {text.signOut}
      </button>
      {failed && (
        <p className="status status--error" role="alert">
          {text.signOutFailed}
        </p>
      )}
    </section>
  );
};
