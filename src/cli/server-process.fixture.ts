/**
 * A server process as `soteatlas serve --db FILE --state URL` runs one (the store read-only, the state
 * on PostgreSQL), but believing the test role headers: spawned servers have no sign-in of their own
 * yet, and a test must edit through one of them. Prints its address, then serves until SIGTERM.
 */
import { countyOf, startServer } from '../server/index.js';
import { headerAccess } from '../server/testing.js';
import { openState } from '../state/index.js';
import { openStore } from '../store/index.js';

const [db, url] = process.argv.slice(2);
if (!db || !url) throw new Error('usage: server-process.fixture.ts STORE POSTGRES_URL');
const store = await openStore(db, { readOnly: true });
const state = await openState({ store, url, county: await countyOf(store) });
const server = await startServer({
  store,
  state,
  port: 0,
  webRoot: '/nonexistent',
  authenticator: headerAccess,
});
process.stdout.write(`Soteatlas is running at ${server.url}\n`);
process.once('SIGTERM', async () => {
  await server.close();
  await state.close();
  store.close();
  process.exit(0);
});
