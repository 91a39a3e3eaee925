import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type DigiroadReject, FileRefused, reasonText } from '../../importers/index.js';
import { ReasonLanguage } from '../../model/index.js';
import { importRoads, RoadImportRefused } from '../../network/index.js';
import { openStore } from '../../store/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';

const formats = ['osm-pbf', 'osm-xml', 'geojson', 'digiroad-gpkg', 'digiroad-shp'] as const;

/** Rejected Digiroad features shown on the terminal; --rejects writes them all. */
const shownRejects = 20;

const csvField = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The reject report as every import writes it: UTF-8 with BOM, semicolons, rivi;sarake;arvo;syy; a row
 * of a speed-limit layer names its column with its layer (DR_NOPEUSRAJOITUS.ARVO).
 */
const rejectsCsv = (rejects: readonly DigiroadReject[], language: ReasonLanguage): string =>
  `\uFEFFrivi;sarake;arvo;syy\r\n${rejects
    .map(
      (r) =>
        `${r.line};${csvField(r.layer ? `${r.layer}.${r.column}` : r.column)};;${csvField(reasonText(language, r.reason))}\r\n`,
    )
    .join('')}`;

export const registerRoads = (program: Command): void => {
  program
    .command('import-roads')
    .description(
      "import a road network (OpenStreetMap PBF or XML, GeoJSON lines, or Digiroad's GeoPackage or shapefile release) under a name; prints a JSON summary line with its connected components and coverage of the county, and for Digiroad the links read, accepted and rejected (each rejected feature with its number and reason) and, when the release has its speed-limit layers, each layer's rows read, accepted and rejected and how many links took a limit from the layer or kept the class speed; exit 2 when refused",
    )
    .argument(
      '<file>',
      '.osm.pbf, .osm, .geojson, Digiroad .gpkg, .shp (with .dbf, .prj, .cpg beside it) or .zip',
    )
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option(
      '--name <name>',
      'name of the network in the store (default: the file name); a network of the same name gets a new revision',
    )
    .option('--force', "store the network even if it reaches none of the county's areas", false)
    .option('--format <format>', `${formats.join(', ')} (default: by extension or content)`)
    .option('--rejects <file>', "write a Digiroad file's reject report (CSV) here")
    .option('--lang <fi|sv|en>', 'language of the reasons', 'en')
    .option(
      '--no-hierarchies',
      'do not build the contraction hierarchies now (the first travel-time matrix will)',
    )
    .action(
      async (
        file: string,
        options: {
          db: string;
          name?: string;
          format?: string;
          hierarchies: boolean;
          force: boolean;
          rejects?: string;
          lang: string;
        },
      ) => {
        const language = ReasonLanguage.safeParse(options.lang);
        if (!language.success) {
          process.stderr.write(`unknown --lang "${options.lang}"; use fi, sv or en\n`);
          process.exitCode = 1;
          return;
        }
        const lang = language.data;
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
            onRejects: async (rejects) => {
              progress.stop();
              for (const r of rejects.slice(0, shownRejects)) {
                process.stderr.write(
                  `${r.layer ? `${r.layer} ` : ''}feature ${r.line} ${r.column}: ${reasonText(lang, r.reason)}\n`,
                );
              }
              if (rejects.length > shownRejects) {
                process.stderr.write(
                  `… and ${rejects.length - shownRejects} more rejected features${options.rejects ? '' : '; --rejects FILE writes them all'}\n`,
                );
              }
              if (options.rejects) await writeFile(options.rejects, rejectsCsv(rejects, lang));
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
          if (error instanceof FileRefused) {
            const why = reasonText(lang, error.reason);
            process.stdout.write(`${JSON.stringify({ refused: true, reason: why })}\n`);
            process.stderr.write(`${why}\n`);
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
