/** A median set with its assignment and their cost. */
export interface EliteSolution {
  sites: Int32Array;
  assignment: Int32Array;
  objective: number;
}

/**
 * The best few distinct median sets met during a search, best first. The search ranks sets by heuristic
 * assignments; an exact assignment at the end can reorder sets whose values differ by a unit.
 */
export class EliteSet {
  readonly solutions: EliteSolution[] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly size: number) {}

  /** Keeps `sites` with a copy of `assignment` if the set is among the best distinct ones. */
  remember(sites: Int32Array, assignment: Int32Array, value: number): void {
    const elite = this.solutions;
    if (!Number.isFinite(value)) return;
    const worst =
      elite.length < this.size ? Number.POSITIVE_INFINITY : (elite[elite.length - 1]?.objective ?? 0);
    if (value >= worst) return;
    const sorted = Int32Array.from(sites).sort();
    const key = sorted.join(',');
    if (this.keys.has(key)) {
      const known = elite.find((e) => e.sites.join(',') === key);
      if (known === undefined || known.objective <= value) return;
      elite.splice(elite.indexOf(known), 1);
      this.keys.delete(key);
    }
    const entry = { sites: sorted, assignment: Int32Array.from(assignment), objective: value };
    let at = elite.length;
    while (at > 0 && (elite[at - 1]?.objective ?? 0) > value) at--;
    elite.splice(at, 0, entry);
    this.keys.add(key);
    if (elite.length > this.size) {
      const dropped = elite.pop();
      if (dropped !== undefined) this.keys.delete(dropped.sites.join(','));
    }
  }
}
