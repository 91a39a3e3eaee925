import { cycleText, type DependencyNode, dependencyCycle } from '../model/index.js';

/** A project the sheet sets, with the lines of its accepted rows (one more per further funding line). */
export interface SheetProject extends DependencyNode {
  lines: number[];
}

export interface RefusedProject {
  code: string;
  lines: number[];
  reason: string;
}

/**
 * Takes out of `fromSheet` the projects whose dependencies would close a cycle, together with the stored
 * projects' dependencies they would replace, and answers why each was refused. Of a cycle, the project
 * that comes last in the sheet is refused (its stored version, if any, stays); then a project that
 * depends on a code no longer there is refused in turn. Repeated until the programme the import leaves
 * has no cycle among the sheet's projects. `stored` is what the state holds (without a cycle).
 */
export const refuseCycles = (
  fromSheet: Map<string, SheetProject>,
  stored: ReadonlyMap<string, DependencyNode>,
): RefusedProject[] => {
  const refused: RefusedProject[] = [];
  const refuse = (code: string, reason: string) => {
    const project = fromSheet.get(code);
    if (!project) return;
    fromSheet.delete(code);
    refused.push({ code, lines: project.lines, reason });
  };
  for (;;) {
    const overlay = new Map<string, DependencyNode>([...stored, ...fromSheet]);
    const cycle = dependencyCycle([...overlay.values()]);
    const inSheet = cycle?.filter((c) => fromSheet.has(c)) ?? [];
    if (cycle && inSheet.length > 0) {
      const last = inSheet.reduce((a, b) =>
        Math.min(...(fromSheet.get(a)?.lines ?? [])) >= Math.min(...(fromSheet.get(b)?.lines ?? [])) ? a : b,
      );
      refuse(last, `the dependencies would make a cycle: ${cycleText(cycle)}`);
      continue;
    }
    const orphan = [...fromSheet.values()].find((p) =>
      p.dependsOn.some((c) => !fromSheet.has(c) && !stored.has(c)),
    );
    if (!orphan) return refused;
    const missing = orphan.dependsOn.filter((c) => !fromSheet.has(c) && !stored.has(c));
    refuse(orphan.code, `depends on project ${missing.join(', ')}, whose row was refused`);
  }
};
