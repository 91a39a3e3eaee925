import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { filesToImport, generateDemoCounty, roadsToImport, transitToImport } from '../../demo/index.js';
import { importOfficialProjectionFile } from '../../forecast/index.js';
import { importFiles } from '../../importers/index.js';
import { importRoads, importTransitFeed } from '../../network/index.js';
import { onFreePort, signInAccess, startDemoProvider } from '../../server/index.js';
import { openStore } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { progressBar } from '../progress.js';
import { portOption, serveStore, withServeOptions } from './serve.js';

/**
 * Builds the demo store once: the county's files are generated and imported into a side file,
 * which takes the store's name only when everything is in, so an interrupted build never leaves a
 * half-filled store behind.
 */
export const buildDemoStore = async (
  db: string,
  options: { seed: number; population: number; years: number; signal?: AbortSignal },
): Promise<void> => {
  const building = `${db}.building`;
  const filesDir = join(db, '..', 'demo-files');
  for (const path of [building, `${building}.wal`]) rmSync(path, { force: true });
  const progress = progressBar();
  try {
    process.stderr.write(
      `Generating the demo county (${options.population.toLocaleString('fi-FI')} residents)…\n`,
    );
    const manifest = await generateDemoCounty({
      outDir: filesDir,
      seed: options.seed,
      population: options.population,
      years: options.years,
      signal: options.signal,
      onProgress: (done, total, label) => progress.update(done, total, label),
    });
    progress.stop();
    process.stderr.write(`Importing ${manifest.files.length} files into ${db}…\n`);
    const store = await openStore(building);
    try {
      const summaries = await importFiles(store, filesToImport(manifest, filesDir), {
        signal: options.signal,
        onFile: (file, i) => progress.update(i, manifest.files.length, file.path.split('/').pop() ?? ''),
      });
      const roads = roadsToImport(manifest, filesDir);
      const network = roads
        ? await importRoads(store, roads, { name: 'demo', signal: options.signal })
        : undefined;
      const transitFile = transitToImport(manifest, filesDir);
      const transit = transitFile ? await importTransitFeed(store, transitFile, { name: 'demo' }) : undefined;
      const official = manifest.officialProjection;
      if (official) await importOfficialProjectionFile(store, join(filesDir, official.path));
      progress.stop();
      for (const s of summaries) {
        process.stderr.write(
          `  ${s.sourceFile.split('/').pop()?.padEnd(34)} read ${s.rowsRead}, accepted ${s.rowsAccepted}, rejected ${s.rowsRejected}${s.refused ? ` — refused: ${s.reason}` : ''}\n`,
        );
      }
      if (network) {
        process.stderr.write(
          `  ${'roads.geojson'.padEnd(34)} ${network.edgeCount} road edges, ${Math.round(network.lengthKm)} km\n`,
        );
      }
      if (transit) {
        const trips = transit.summary.counts.find((c) => c.file === 'trips.txt');
        process.stderr.write(
          `  ${transit.sourceFile.padEnd(34)} ${trips?.accepted ?? 0} trips, rejected ${transit.summary.rejects.length} rows\n`,
        );
      }
      await store.run('CHECKPOINT');
    } finally {
      store.close();
    }
    renameSync(building, db);
  } catch (error) {
    progress.stop();
    for (const path of [building, `${building}.wal`]) rmSync(path, { force: true });
    throw error;
  }
};

export const registerDemo = (program: Command): void => {
  withServeOptions(
    program
      .command('demo')
      .description('build the demo county into the store if it is not there yet, then serve the web app'),
  )
    .option('--seed <n>', 'random seed of the demo county', '1')
    .option('--population <n>', 'residents of the demo county', '250000')
    .option('--years <n>', 'years of service events', '3')
    .action(
      async (options: {
        db: string;
        port?: string;
        host: string;
        state?: string;
        seed: string;
        population: string;
        years: string;
      }) => {
        if (!existsSync(options.db)) {
          const { signal, dispose } = interruptible();
          try {
            await buildDemoStore(options.db, {
              seed: Number(options.seed),
              population: Number(options.population),
              years: Number(options.years),
              signal,
            });
          } catch (error) {
            if (isAbort(error)) {
              process.stderr.write('Cancelled; no store was created.\n');
              process.exitCode = 130;
              return;
            }
            throw error;
          } finally {
            dispose();
          }
        }
        // The demo's own identity provider on loopback: the app must know its address before it starts.
        // Port 0 asks for a free one, tried again should another process take it first.
        const serveOn = async (port: number) => {
          const provider = await startDemoProvider(`http://localhost:${port}`);
          await serveStore({
            db: options.db,
            port,
            host: options.host,
            state: options.state,
            authenticator: signInAccess(provider.settings, { demoUsers: provider.users }),
            alsoClose: () => provider.close(),
          });
        };
        const port = portOption(options.port);
        await (port === 0 ? onFreePort(serveOn, { host: options.host }) : serveOn(port));
      },
    );
};
