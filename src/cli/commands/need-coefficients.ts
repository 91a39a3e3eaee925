import type { Command } from 'commander';
import { readThlNeedWorkbook, thlNeedCoefficients } from '../../indicators/index.js';

const formatCoefficient = (value: number): string => value.toFixed(4).padStart(8);

export const registerNeedCoefficients = (program: Command): void => {
  program
    .command('need-coefficients')
    .description("need coefficients per area from THL's coefficient workbook, computed as THL does")
    .requiredOption('--workbook <file>', "THL's need-coefficient workbook (XLSX, sheets Vuosi_YYYY)")
    .option('--year <yyyy>', 'the year (sheet Vuosi_YYYY); by default the latest in the workbook')
    .option(
      '--json',
      'print JSON: per area its name and health, social, elderly and total coefficients',
      false,
    )
    .action(async (options: { workbook: string; year?: string; json: boolean }) => {
      const years = await readThlNeedWorkbook(options.workbook);
      const wanted = options.year === undefined ? years.at(-1)?.model.year : Number(options.year);
      const sheet = years.find((y) => y.model.year === wanted);
      if (!sheet) {
        process.stderr.write(
          `the workbook has no year ${options.year}; it has ${years.map((y) => y.model.year).join(', ')}\n`,
        );
        process.exitCode = 1;
        return;
      }
      const areas = thlNeedCoefficients(sheet.model).areas.map(
        ({ name, health, social, elderly, total }) => ({
          name,
          health,
          social,
          elderly,
          total,
        }),
      );
      if (options.json) {
        process.stdout.write(`${JSON.stringify(areas)}\n`);
        return;
      }
      const width = Math.max(4, ...areas.map((a) => a.name.length));
      const lines = [
        `Need coefficients ${sheet.model.year} (THL's regression models; the whole country = 1)`,
        '',
        `${'Area'.padEnd(width)}   health   social  elderly    total`,
        ...areas.map(
          (a) =>
            `${a.name.padEnd(width)} ${formatCoefficient(a.health)} ${formatCoefficient(a.social)} ${formatCoefficient(a.elderly)} ${formatCoefficient(a.total)}`,
        ),
        '',
        `Sector weights: health ${sheet.model.sectorWeights.health}, social ${sheet.model.sectorWeights.social}, elderly ${sheet.model.sectorWeights.elderly}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
};
