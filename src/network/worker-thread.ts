import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` (without extension) that sits beside the module `from` (its
 * `import.meta.url`). Built, both are plain JS. Run from source (tsx, vitest) the worker is TypeScript
 * too: a small bootstrap registers tsx's loader in the worker first (Node 20 workers do not take --import).
 */
export const startModuleWorker = (from: string, name: string): Worker => {
  const worker = from.endsWith('.ts') ? fromSource(from, name) : new Worker(new URL(`./${name}.js`, from));
  // A worker that fails while no job listens (an idle one, or one still loading) would otherwise raise
  // an 'error' event nobody handles, which ends the whole process; the worker itself exits after it. A
  // job's own listener still hears errors during the job.
  worker.on('error', () => {});
  return worker;
};

const fromSource = (from: string, name: string): Worker => {
  const loader = pathToFileURL(
    createRequire(from)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL(`./${name}.ts`, from).href;
  return new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true },
  );
};
