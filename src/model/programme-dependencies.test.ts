import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleText, type DependencyNode, dependencyCycle, withProject } from './programme-dependencies.js';

const node = (code: string, ...dependsOn: string[]): DependencyNode => ({ code, dependsOn });

/** Kahn's algorithm, written apart from the search under test: true when every project can be ordered. */
const orderable = (projects: readonly DependencyNode[]): boolean => {
  const codes = new Set(projects.map((p) => p.code));
  const waiting = new Map(projects.map((p) => [p.code, new Set(p.dependsOn.filter((c) => codes.has(c)))]));
  let progress = true;
  while (progress) {
    progress = false;
    for (const [code, deps] of waiting)
      if (deps.size === 0) {
        waiting.delete(code);
        for (const other of waiting.values()) other.delete(code);
        progress = true;
      }
  }
  return waiting.size === 0;
};

/** Every step of a named cycle is a dependency the projects really have, and it closes on itself. */
const isCycleOf = (cycle: readonly string[], projects: readonly DependencyNode[]): boolean => {
  const edges = new Map(projects.map((p) => [p.code, p.dependsOn]));
  return (
    cycle.length >= 2 &&
    cycle[0] === cycle.at(-1) &&
    cycle.slice(1).every((to, i) => edges.get(cycle[i] as string)?.includes(to) === true)
  );
};

describe('cycles among the projects’ dependencies', () => {
  it('finds none in a chain or a diamond, and leaves unknown codes aside', () => {
    expect(dependencyCycle([node('A', 'B'), node('B', 'C'), node('C')])).toBeNull();
    expect(dependencyCycle([node('A', 'B', 'C'), node('B', 'D'), node('C', 'D'), node('D')])).toBeNull();
    expect(dependencyCycle([node('A', 'X9')])).toBeNull();
    expect(dependencyCycle([])).toBeNull();
  });

  it('names the cycle, the same one for the same set however it is ordered', () => {
    const set = [node('H3', 'H1'), node('H1', 'H2'), node('H2', 'H3'), node('H4', 'H1')];
    expect(dependencyCycle(set)).toEqual(['H1', 'H2', 'H3', 'H1']);
    expect(dependencyCycle([...set].reverse())).toEqual(['H1', 'H2', 'H3', 'H1']);
    expect(cycleText(['H1', 'H2', 'H1'])).toBe('H1 → H2 → H1');
    expect(dependencyCycle([node('A', 'A')])).toEqual(['A', 'A']);
  });

  it('judges a save by the set it would leave: an edit replaces the project’s dependencies', () => {
    const stored = [node('A', 'B'), node('B')];
    expect(dependencyCycle(withProject(stored, node('B', 'A')))).toEqual(['A', 'B', 'A']);
    expect(dependencyCycle(withProject(stored, node('A')))).toBeNull();
    expect(dependencyCycle(withProject(withProject(stored, node('A')), node('B', 'A')))).toBeNull();
  });

  it('never lets a cycle into an accepted set of dependencies, and every refusal names a real cycle', () => {
    const codes = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
    const save = fc.record({
      code: fc.constantFrom(...codes),
      dependsOn: fc.uniqueArray(fc.constantFrom(...codes, 'X1'), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(save, { maxLength: 40 }), (saves) => {
        let accepted: DependencyNode[] = [];
        for (const project of saves) {
          const next = withProject(accepted, project);
          const cycle = dependencyCycle(next);
          expect(cycle === null).toBe(orderable(next));
          if (cycle) expect(isCycleOf(cycle, next)).toBe(true);
          else accepted = next;
          expect(orderable(accepted)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
