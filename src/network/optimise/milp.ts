import highsModule, { type CallbackData } from 'highs';
import type { LocationModel } from '../../model/index.js';
import type { PreparedProblem } from './types.js';

// The package's declarations describe a CommonJS default export while its ES module build exports the
// loader itself as default, which is what Node loads here.
type Loader = (typeof highsModule)['default'];
const loadHighs = highsModule as unknown as Loader;
export type Highs = Awaited<ReturnType<Loader>>;
let solver: Promise<Highs> | undefined;

type Model = ReturnType<Highs['createModel']>;

/** Runs `lp`, interrupted at HiGHS's own interrupt points once `signal` is aborted. */
export const runUntilAborted = (highs: Highs, lp: Model, signal: AbortSignal | undefined): void => {
  const interrupt = (event: { interrupt(): void }): undefined => {
    if (signal?.aborted) event.interrupt();
    return undefined;
  };
  const { constants } = highs;
  lp.run({
    [constants.callbackType.mipInterrupt]: interrupt,
    [constants.callbackType.simplexInterrupt]: interrupt,
  });
};

/** The HiGHS runtime is loaded once per process and reused. */
export const loadSolver = (): Promise<Highs> => {
  solver ??= loadHighs();
  return solver;
};

/** Appends `terms` to `out` a few per line: LP-format readers need not cope with huge lines. */
const sumWriter = (out: string[]) => (head: string, terms: string[], tail: string) => {
  out.push(head);
  for (let t = 0; t < terms.length; t += 40) out.push(`  ${terms.slice(t, t + 40).join(' ')}`);
  out.push(`  ${tail}`);
};

const num = (value: number) => {
  const text = Number.isInteger(value) ? String(value) : value.toPrecision(15);
  return value < 0 ? `- ${text.slice(1)}` : `+ ${text}`;
};

/**
 * The MILP of each model in CPLEX LP format. y_k = site k open, x_i_k = demand i served by k, z_i = demand
 * i covered, r = longest travel. The uncapacitated models keep x continuous: integral y makes an optimal
 * x integral. Without `integer` the same text is the LP relaxation.
 */
export const locationLp = (
  problem: PreparedProblem,
  model: LocationModel,
  { radius, integer }: { radius: number; integer: boolean },
) => {
  const { n, m, dist, weights, demands, capacities, fixed, p } = problem;
  const rows: number[] = [];
  for (let i = 0; i < n; i++)
    if ((weights[i] as number) > 0 || model === 'capacitated-p-median') rows.push(i);
  const out: string[] = [];
  const pushSum = sumWriter(out);
  const y = (k: number) => `y${k}`;
  const x = (i: number, k: number) => `x${i}_${k}`;
  const allY = Array.from({ length: m }, (_, k) => `+ ${y(k)}`);
  const covering = model === 'max-covering' || model === 'set-covering';
  if (model === 'max-covering') {
    out.push('Maximize');
    pushSum(
      ' obj:',
      rows.map((i) => `${num(weights[i] as number)} z${i}`),
      '',
    );
  } else if (model === 'set-covering') {
    out.push('Minimize');
    pushSum(' obj:', allY, '');
  } else if (model === 'p-center') {
    out.push('Minimize', ' obj: r');
  } else {
    out.push('Minimize');
    const terms: string[] = [];
    for (const i of rows) {
      const w = weights[i] as number;
      for (let k = 0; k < m; k++) terms.push(`${num(w * (dist[i * m + k] as number))} ${x(i, k)}`);
    }
    pushSum(' obj:', terms, '');
  }
  out.push('Subject To');
  if (model !== 'set-covering') pushSum(' open:', allY, `= ${p}`);
  // Set covering keeps at least one site, and in consolidation at most p (k of the existing closed).
  else {
    pushSum(' open:', allY, '>= 1');
    pushSum(' most:', allY, `<= ${p}`);
  }
  if (covering) {
    for (const i of rows) {
      const near: string[] = [];
      for (let k = 0; k < m; k++) if ((dist[i * m + k] as number) <= radius) near.push(`+ ${y(k)}`);
      if (model === 'max-covering') {
        pushSum(
          ` c${i}:`,
          [`+ z${i}`, ...near.map((t) => (t.startsWith('+') ? `- ${t.slice(2)}` : t))],
          '<= 0',
        );
      } else if (near.length > 0) {
        // A demand no site reaches makes set covering infeasible; the caller reports that before solving.
        pushSum(` c${i}:`, near, '>= 1');
      }
    }
  } else {
    for (const i of rows) {
      pushSum(
        ` a${i}:`,
        Array.from({ length: m }, (_, k) => `+ ${x(i, k)}`),
        '= 1',
      );
      for (let k = 0; k < m; k++) out.push(` l${i}_${k}: ${x(i, k)} - ${y(k)} <= 0`);
      if (model === 'p-center') {
        pushSum(
          ` t${i}:`,
          Array.from({ length: m }, (_, k) => `${num(dist[i * m + k] as number)} ${x(i, k)}`),
          '- r <= 0',
        );
      }
    }
    if (model === 'capacitated-p-median') {
      for (let k = 0; k < m; k++) {
        const cap = capacities[k] as number;
        if (!Number.isFinite(cap)) continue;
        pushSum(
          ` q${k}:`,
          rows.map((i) => `${num(demands[i] as number)} ${x(i, k)}`),
          `${num(-cap)} ${y(k)} <= 0`,
        );
      }
    }
  }
  out.push('Bounds');
  for (let k = 0; k < m; k++) out.push(fixed[k] === 1 ? ` ${y(k)} = 1` : ` 0 <= ${y(k)} <= 1`);
  if (model === 'max-covering') for (const i of rows) out.push(` 0 <= z${i} <= 1`);
  if (integer) {
    out.push('Binaries');
    for (let k = 0; k < m; k++) if (fixed[k] === 0) out.push(` ${y(k)}`);
    if (model === 'capacitated-p-median') {
      for (const i of rows) for (let k = 0; k < m; k++) out.push(` ${x(i, k)}`);
    }
  }
  out.push('End');
  return { text: out.join('\n'), rows };
};

export interface MilpResult {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  timedOut: boolean;
  cancelled: boolean;
  sites: Int32Array;
  /** Capacitated model: the assignment the solver chose (engine site per demand). */
  assignment: Int32Array | null;
  objective: number | null;
  bound: number | null;
  seconds: number;
}

/** How long HiGHS may take, what it solves and whom it tells; the same in this thread or a worker. */
export interface MilpOptions {
  timeLimitSeconds: number;
  relaxation?: boolean;
  signal?: AbortSignal;
  integral?: boolean;
  /** Called now and then during branch and bound with elapsed seconds, incumbent and bound. */
  onProgress?: (seconds: number, best: number | null, bound: number | null) => void;
}

/**
 * Solves the model with HiGHS (or only its LP relaxation). Runs synchronously once the runtime is loaded;
 * the signal is checked at HiGHS's own interrupt points.
 */
export const solveMilp = async (
  problem: PreparedProblem,
  model: LocationModel,
  radius: number,
  options: MilpOptions,
): Promise<MilpResult> => {
  const highs = await loadSolver();
  const started = performance.now();
  const { text, rows } = locationLp(problem, model, { radius, integer: !options.relaxation });
  const lp = highs.createModel({ format: 'lp', data: text });
  try {
    lp.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: 0,
      mip_abs_gap: options.integral ? 0.999 : 1e-6,
    });
    let cancelled = false;
    let reported = 0;
    const interrupt = (event: { interrupt(): void; data: CallbackData }): undefined => {
      const time = event.data.running_time;
      if (options.onProgress && time !== undefined && time - reported >= 0.2) {
        reported = time;
        const best = event.data.mip_primal_bound;
        const bound = event.data.mip_dual_bound;
        options.onProgress(
          time,
          best !== undefined && Number.isFinite(best) ? best : null,
          bound !== undefined && Number.isFinite(bound) ? bound : null,
        );
      }
      if (options.signal?.aborted) {
        cancelled = true;
        event.interrupt();
      }
      return undefined;
    };
    const { constants } = highs;
    lp.run({
      [constants.callbackType.mipInterrupt]: interrupt,
      [constants.callbackType.simplexInterrupt]: interrupt,
    });
    const code = lp.getModelStatus();
    const statuses = constants.modelStatus;
    const seconds = (performance.now() - started) / 1000;
    const timedOut = code === statuses.timeLimit;
    if (code === statuses.infeasible) {
      return {
        status: 'infeasible',
        timedOut,
        cancelled,
        sites: new Int32Array(0),
        assignment: null,
        objective: null,
        bound: null,
        seconds,
      };
    }
    const value = lp.getSolution().colValue;
    const haveSolution =
      code === statuses.optimal || (value.length > 0 && Number.isFinite(lp.getObjectiveValue()));
    const objective = haveSolution ? lp.getObjectiveValue() : null;
    let bound: number | null = objective;
    if (!options.relaxation) {
      const dual = Number(lp.info.get('mip_dual_bound'));
      bound = Number.isFinite(dual) ? dual : null;
    }
    const sites: number[] = [];
    let assignment: Int32Array | null = null;
    if (haveSolution && !options.relaxation) {
      for (let k = 0; k < problem.m; k++)
        if ((value[lp.getColByName(`y${k}`)] as number) > 0.5) sites.push(k);
      if (model === 'capacitated-p-median') {
        assignment = new Int32Array(problem.n).fill(-1);
        for (const i of rows) {
          for (let k = 0; k < problem.m; k++) {
            if ((value[lp.getColByName(`x${i}_${k}`)] as number) > 0.5) assignment[i] = k;
          }
        }
      }
    }
    return {
      status: code === statuses.optimal ? 'optimal' : haveSolution ? 'feasible' : 'unknown',
      timedOut,
      cancelled,
      sites: Int32Array.from(sites),
      assignment,
      objective,
      bound,
      seconds,
    };
  } finally {
    lp.dispose();
  }
};
