import { fork } from 'node:child_process';
import type { ControlMessage, ServerMessage } from './server.js';

/** The server of bench/load/server.ts, running in its own process over the store at `storePath`. */
export const startServerProcess = async (storePath: string) => {
  const child = fork(new URL('./server.ts', import.meta.url), [storePath], { execArgv: ['--import', 'tsx'] });
  const nextMessage = () =>
    new Promise<ServerMessage>((resolve, reject) => {
      const stopped = (code: number | null) => reject(new Error(`the server stopped (${code})`));
      child.once('exit', stopped);
      child.once('message', (message) => {
        child.off('exit', stopped);
        resolve(message as ServerMessage);
      });
    });
  const ask = async (message: ControlMessage) => {
    const answer = nextMessage();
    child.send(message);
    return answer;
  };
  const started = await nextMessage();
  if (!('url' in started)) throw new Error('the server did not say where it listens');
  return {
    url: started.url,
    /** Rows in the county's audit log now; null when the server keeps none. */
    auditRows: async (): Promise<number | null> => {
      const answer = await ask('auditRows');
      return 'auditRows' in answer ? answer.auditRows : null;
    },
    close: async () => {
      // A server that died (out of memory, say) has said why on its stderr; there is nothing to close.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
    },
  };
};
