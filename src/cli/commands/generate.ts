import type { Command } from 'commander';
import { generateDemoCounty } from '../../demo/index.js';
import { interruptible, isAbort } from '../interrupt.js';
import { progressBar } from '../progress.js';

export const registerGenerate = (program: Command): void => {
  program
    .command('generate')
    .description('write the demo county as the files a county would receive (CSV, XLSX, GeoJSON, JSON-stat)')
    .requiredOption('--out <dir>', 'folder to write the files to')
    .option('--seed <n>', 'random seed; the same seed gives the same files', '1')
    .option('--population <n>', 'residents', '250000')
    .option('--years <n>', 'years of service events', '3')
    .action(async (options: { out: string; seed: string; population: string; years: string }) => {
      const { signal, dispose } = interruptible();
      const progress = progressBar();
      try {
        const manifest = await generateDemoCounty({
          outDir: options.out,
          seed: Number(options.seed),
          population: Number(options.population),
          years: Number(options.years),
          signal,
          onProgress: (done, total, label) => progress.update(done, total, label),
        });
        progress.stop();
        process.stdout.write(
          `${JSON.stringify({ out: options.out, residents: manifest.residents, events: manifest.events, files: manifest.files.map((f) => f.path) })}\n`,
        );
      } catch (error) {
        progress.stop();
        if (isAbort(error)) {
          process.stderr.write('generation cancelled\n');
          process.exitCode = 130;
          return;
        }
        throw error;
      } finally {
        dispose();
      }
    });
};
