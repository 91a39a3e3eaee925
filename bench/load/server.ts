/**
 * The server under load, in a process of its own so that the sessions' clients do not share its event
 * loop: started by bench/load.ts with the store's path, it signs people in against the demo's identity
 * provider as `soteatlas demo` does, keeps the audit log as a deployment does, and answers over IPC with
 * its URL and, when asked, how many audit rows its county has.
 */
import { freePort, signInAccess, startDemoProvider, startServer } from '../../src/server/index.js';
import { openState } from '../../src/state/index.js';
import { openStore } from '../../src/store/index.js';

export type ServerMessage = { url: string } | { auditRows: number | null; error?: string };
export type ControlMessage = 'auditRows' | 'close';

const [storePath] = process.argv.slice(2);
if (!storePath || !process.send) throw new Error('bench/load/server.ts is started by bench/load.ts');
const send = (message: ServerMessage) => process.send?.(message);

const store = await openStore(storePath);
const [county] = await store.all<{ code: string }>(
  "SELECT code FROM areas WHERE level = 'county' ORDER BY code LIMIT 1",
);
const state = await openState({ store, county: county?.code ?? '00' });
// The provider must know where to send people back to before the app starts.
const port = await freePort('127.0.0.1');
const url = `http://localhost:${port}`;
const provider = await startDemoProvider(url);
const server = await startServer({
  store,
  state,
  port,
  host: '127.0.0.1',
  authenticator: signInAccess(provider.settings, { demoUsers: provider.users }),
  // A 5xx is a defect the run reports; the server's log says what it was.
  logger: { level: 'error' },
});

const auditRows = async (): Promise<ServerMessage> => {
  try {
    const [row] = await state.all<{ rows: number | bigint }>(
      'SELECT count(*) AS "rows" FROM state.audit_log WHERE county = $1',
      [state.county],
    );
    return { auditRows: Number(row?.rows ?? 0) };
  } catch (error) {
    return { auditRows: null, error: error instanceof Error ? error.message : String(error) };
  }
};

process.on('message', async (message: ControlMessage) => {
  if (message === 'auditRows') send(await auditRows());
  if (message === 'close') {
    await server.close();
    await provider.close();
    await state.close();
    store.close();
    process.exit(0);
  }
});
send({ url });
