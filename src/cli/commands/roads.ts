import type { Command } from 'commander';
import { importRoads, RoadImportRefused } from '../../network/index.js';
import { openStore } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';

const formats = ['osm-pbf', 'osm-xml', 'geojson'] as const;

export const registerRoads = (program: Command): void => {
  program
    .command('import-roads')
    .description(
      'import a road network (OpenStreetMap PBF or XML, or GeoJSON lines) under a name; prints a JSON summary line with its connected components and coverage of the county; exit 2 when refused',
    )
    .argument('<file>', '.osm.pbf, .osm or .geojson file')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option(
      '--name <name>',
      'name of the network in the store (default: the file name); a network of the same name gets a new revision',
    )
    .option('--force', "store the network even if it reaches none of the county's areas", false)
    .option('--format <format>', `${formats.join(', ')} (default: by extension or content)`)
    .option(
      '--no-hierarchies',
      'do not build the contraction hierarchies now (the first travel-time matrix will)',
    )
    .action(
      async (
        file: string,
        options: { db: string; name?: string; format?: string; hierarchies: boolean; force: boolean },
      ) => {
        const format = formats.find((f) => f === options.format);
        if (options.format && !format) {
          process.stderr.write(`unknown --format "${options.format}"; use one of ${formats.join(', ')}\n`);
          process.exitCode = 1;
          return;
        }
        const store = await openStore(options.db);
        const { signal, dispose } = interruptible();
        const progress = progressBar({ bytes: true });
        const nodes = progressBar();
        try {
          const summary = await importRoads(store, file, {
            name: options.name,
            format,
            force: options.force,
            signal,
            hierarchies: options.hierarchies,
            onProgress: (done, total) => progress.update(done, total, 'reading'),
            onHierarchy: (done, total) => {
              progress.stop();
              nodes.update(done, total, 'contraction hierarchy (nodes)');
            },
          });
          progress.stop();
          process.stdout.write(`${JSON.stringify(summary)}\n`);
          for (const warning of summary.warnings) process.stderr.write(`warning: ${warning}\n`);
          if (!summary.active) {
            process.stderr.write(
              `"${summary.name}" is stored but not active; travel times use it with --network ${summary.name}, or always after: soteatlas network use ${summary.name}\n`,
            );
          }
        } catch (error) {
          progress.stop();
          if (error instanceof RoadImportRefused) {
            process.stdout.write(
              `${JSON.stringify({ refused: true, reason: error.reason, coverage: error.coverage })}\n`,
            );
            process.stderr.write(`${error.reason}\n`);
            process.exitCode = 2;
            return;
          }
          if (isAbort(error)) {
            process.stderr.write('road import cancelled; the store is as it was\n');
            process.exitCode = 130;
            return;
          }
          throw error;
        } finally {
          dispose();
          store.close();
        }
      },
    );
};
