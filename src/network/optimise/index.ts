export { enumerateSolutions } from './enumerate.js';
export { type Evaluation, evaluate } from './evaluate.js';
export { loadSolver, locationLp, solveMilp } from './milp.js';
export { prepareProblem } from './prepare.js';
export { type OptimiseControl, optimiseLocation } from './solve.js';
export type { LocationProblem, PreparedProblem } from './types.js';
