import type { AuditEntry, DemoUser, SignInSettings } from '../../model/index.js';
import { openState, type StateDb } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { onFreePort } from '../free-port.js';
import { listen } from '../listen.js';
import { buildServer } from '../server.js';
import { startDemoProvider } from './demo-provider.js';
import { signInAccess } from './sign-in-access.js';

export interface SignInTestServer {
  url: string;
  store: Store;
  state: StateDb;
  /** Every audit entry appended, in order. */
  audit: AuditEntry[];
  close(): Promise<void>;
}

/**
 * Tests only: the sample store served on a free port with sign-in against the provider `settingsFor`
 * starts for the app's address (by default the demo provider), its audit entries kept in a list.
 */
export const startSignInTestServer = async (
  options: {
    settingsFor?: (appUrl: string) => Promise<{ settings: SignInSettings; close(): Promise<void> }>;
    demoUsers?: readonly DemoUser[];
    now?: () => Date;
  } = {},
): Promise<SignInTestServer> => {
  const store = await openSampleStore();
  const state = await openState({ store, county: '07' });
  const audit: AuditEntry[] = [];
  const { provider, running } = await onFreePort(async (port) => {
    const provider = await (options.settingsFor ?? startDemoProvider)(`http://localhost:${port}`);
    const demoUsers = options.demoUsers ?? ('users' in provider ? (provider.users as DemoUser[]) : undefined);
    const app = await buildServer({
      store,
      state,
      audit: { append: async (entry) => void audit.push(entry) },
      authenticator: signInAccess(provider.settings, { ...(demoUsers && { demoUsers }), now: options.now }),
      webRoot: '/nonexistent',
    });
    try {
      return { provider, running: await listen(app, port, 'localhost') };
    } catch (error) {
      await app.close();
      await provider.close();
      throw error;
    }
  });
  return {
    url: running.url,
    store,
    state,
    audit,
    async close() {
      await running.close();
      await provider.close();
      await state.close();
      store.close();
    },
  };
};
