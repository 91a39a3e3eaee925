// Run by import-kill.test.ts in a child process: imports a file and reports each phase as it starts,
// so the test can kill the process at that moment.
import { openStore } from '../store/index.js';
import { importFile } from './import-file.js';

const [dbPath, file] = process.argv.slice(2);
const store = await openStore(dbPath ?? '');
const seen = new Set<string>();
await importFile(store, {
  file: file ?? '',
  kind: 'events',
  onProgress: ({ phase }) => {
    if (!seen.has(phase)) {
      seen.add(phase);
      process.stdout.write(`PHASE ${phase}\n`);
    }
  },
});
process.stdout.write('DONE\n');
store.close();
