import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerChains } from './commands/chains.js';
import { registerDemo } from './commands/demo.js';
import { registerFetch } from './commands/fetch.js';
import { registerForecast } from './commands/forecast.js';
import { registerGenerate } from './commands/generate.js';
import { registerImport } from './commands/import.js';
import { registerIndicators } from './commands/indicators.js';
import { registerNeedCoefficients } from './commands/need-coefficients.js';
import { registerNetwork } from './commands/network.js';
import { registerProducers } from './commands/producers.js';
import { registerProgramme } from './commands/programme.js';
import { registerReport } from './commands/report.js';
import { registerRoads } from './commands/roads.js';
import { registerServe } from './commands/serve.js';
import { registerState } from './commands/state.js';
import { registerStatus } from './commands/status.js';
import { registerTransit } from './commands/transit.js';

const program = new Command()
  .name('soteatlas')
  .description(
    'Knowledge-based management and service-network planning for Finnish wellbeing services counties',
  );
registerGenerate(program);
registerImport(program);
registerRoads(program);
registerTransit(program);
registerStatus(program);
registerServe(program);
registerDemo(program);
registerNeedCoefficients(program);
registerForecast(program);
registerNetwork(program);
registerReport(program);
registerIndicators(program);
registerBackup(program);
registerState(program);
registerAudit(program);
registerProgramme(program);
registerFetch(program);
registerChains(program);
registerProducers(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`soteatlas: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
