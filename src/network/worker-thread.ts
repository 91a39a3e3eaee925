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

/** Workers kept between jobs (see `workerPool`). */
export interface WorkerPool {
  /** An idle worker that is still alive, else a new one; it holds the process open until given back. */
  borrow(): Worker;
  /** Keeps the worker for the next job, unless it exited or was retired, or enough are idle already (then it ends). */
  giveBack(worker: Worker): void;
  /** Ends a worker that failed a job; it is never handed out again. */
  retire(worker: Worker): void;
  /** Whether the worker exited or was retired: it would never answer a job. */
  retired(worker: Worker): boolean;
}

/**
 * Workers of one module kept between jobs, their modules loaded: starting one costs more than many a
 * job. Idle workers do not hold the process open. A worker that exits while idle (its thread failed)
 * leaves the pool at once: handed out, it would never answer.
 */
export const workerPool = (start: () => Worker, maxIdle = Number.POSITIVE_INFINITY): WorkerPool => {
  const idle: Worker[] = [];
  const gone = new WeakSet<Worker>();
  const forget = (worker: Worker) => {
    gone.add(worker);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  };
  const started = (): Worker => {
    const worker = start();
    worker.once('exit', () => forget(worker));
    return worker;
  };
  return {
    borrow() {
      const worker = idle.pop() ?? started();
      worker.ref();
      return worker;
    },
    giveBack(worker) {
      if (gone.has(worker) || idle.includes(worker)) return;
      if (idle.length >= maxIdle) {
        forget(worker);
        void worker.terminate();
        return;
      }
      worker.unref();
      idle.push(worker);
    },
    retire(worker) {
      forget(worker);
      void worker.terminate();
    },
    retired: (worker) => gone.has(worker),
  };
};
