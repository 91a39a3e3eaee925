/** A project as far as its dependencies go: its code and the codes it waits for. */
export interface DependencyNode {
  code: string;
  dependsOn: readonly string[];
}

/**
 * A cycle among the projects' dependencies, as the codes along it with the first repeated at the end
 * (["H1", "H2", "H1"]: H1 waits for H2, which waits for H1), or null when there is none. Codes a project
 * names but the list does not hold are left aside (they are checked as unknown elsewhere). The search
 * follows projects in code order, so the cycle named is the same for the same set.
 */
export const dependencyCycle = (projects: readonly DependencyNode[]): string[] | null => {
  const edges = new Map(projects.map((p) => [p.code, [...new Set(p.dependsOn)].sort()]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    state.set(code, 'open');
    path.push(code);
    for (const next of edges.get(code) ?? []) {
      if (!edges.has(next)) continue;
      const seen = state.get(next);
      if (seen === 'open') return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(code, 'done');
    return null;
  };
  for (const code of [...edges.keys()].sort()) {
    if (state.has(code)) continue;
    const found = visit(code);
    if (found) return found;
  }
  return null;
};

/** The projects with `project` put in place of the one with its code (or added): the set a save would leave. */
export const withProject = <T extends DependencyNode>(projects: readonly T[], project: T): T[] => [
  ...projects.filter((p) => p.code !== project.code),
  project,
];

/** "H1 → H2 → H1", as an error names a cycle. */
export const cycleText = (cycle: readonly string[]): string => cycle.join(' → ');
