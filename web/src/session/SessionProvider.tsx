import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from '../../../src/model/index.js';
import { rememberCsrfToken } from '../api/csrf.js';
import { getJson } from '../api/failure.js';
import { sendJson } from '../api/send.js';
import { can, publicSession, type Session } from './session.js';

export interface SessionState {
  session: Session;
  /** False until the first answer: pages wait, so that no control shows and then vanishes. */
  known: boolean;
  can(permission: Permission): boolean;
  /** Reads the session again: after signing out, or when a refusal says it has changed. */
  reload(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Reads `GET /api/session` at start; every page and control asks it what the reader may do. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [session, setSession] = useState<Session>(publicSession);
  const [known, setKnown] = useState(false);

  const reload = useCallback(async () => {
    // A server that cannot say who is asking is treated as public: the reader sees less, never more.
    const next = await getJson<Session>('/api/session').catch(() => publicSession);
    rememberCsrfToken(next.csrfToken);
    setSession(next);
    setKnown(true);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      known,
      can: (permission) => can(session, permission),
      reload,
      signOut: async () => {
        await sendJson('POST', '/auth/logout');
        await reload();
      },
    }),
    [session, known, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): SessionState => {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession is used outside <SessionProvider>');
  return state;
};

/** Whether the reader may do this: controls they may not use are not drawn at all. */
export const useCan = (permission: Permission): boolean => useSession().can(permission);
