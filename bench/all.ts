/**
 * Runs every benchmark under bench/ one after another, each in its own process so that one's memory and
 * warm caches do not flatter the next. `npm run bench`; `npm run bench -- matrix pmedian` runs some.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const { positionals: wanted } = parseArgs({ allowPositionals: true, strict: true });
const benchmarks = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'all.ts')
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benchmarks) {
  process.stdout.write(`\n## ${name}\n\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${benchDir}${name}.ts`], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
