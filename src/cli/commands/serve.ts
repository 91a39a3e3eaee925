import type { Command } from 'commander';
import { startServer } from '../../server/index.js';
import { openStore } from '../../store/index.js';
import { defaultDatabasePath, defaultWebRoot } from '../paths.js';

export const serveStore = async (options: { db: string; port: number; host?: string }): Promise<void> => {
  const store = await openStore(options.db);
  const server = await startServer({
    store,
    port: options.port,
    host: options.host,
    webRoot: defaultWebRoot,
  });
  process.stdout.write(`Soteatlas is running at ${server.url}  (Ctrl-C stops it)\n`);
  const stop = async () => {
    await server.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

export const portOption = (value: string | undefined): number => Number(value ?? process.env.PORT ?? 8080);

/** The options of every command that serves a store: --db, --port and --host. */
export const withServeOptions = (command: Command): Command =>
  command
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--port <n>', 'port (default $PORT or 8080)')
    .option('--host <host>', 'interface to listen on', 'localhost');

export const registerServe = (program: Command): void => {
  withServeOptions(program.command('serve').description('serve the web app and the API over a store')).action(
    async (options: { db: string; port?: string; host: string }) => {
      await serveStore({ db: options.db, port: portOption(options.port), host: options.host });
    },
  );
};
