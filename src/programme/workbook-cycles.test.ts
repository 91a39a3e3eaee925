import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyCycle, type ProjectFields, ProjectInput } from '../model/index.js';
import { projectsOfWorkbook } from './workbook-projects.js';
import type { SheetRow } from './workbook-read.js';

const stored = (code: string, dependsOn: string[] = []): ProjectFields =>
  ProjectInput.parse({
    code,
    name: code,
    phase: 'planning',
    start: '2025-01-01',
    end: '2026-12-31',
    dependsOn,
  });

const row = (line: number, code: string, dependsOn: string, fundingSource?: string): SheetRow => ({
  line,
  cells: {
    code,
    name: `Project ${code}`,
    phase: 'planning',
    start: '1.1.2025',
    end: '31.12.2026',
    ...(dependsOn && { dependsOn }),
    ...(fundingSource && { fundingSource, budget: '1000' }),
  },
});

describe('dependency cycles in the programme office’s workbook', () => {
  it('refuses the row that closes a cycle, with its line and the cycle named', () => {
    const result = projectsOfWorkbook({ projects: [row(2, 'C', 'B'), row(3, 'A', 'C')] }, [
      stored('A'),
      stored('B', ['A']),
    ]);
    expect(result.rejected).toEqual([
      { sheet: 'projects', line: 3, reason: 'the dependencies would make a cycle: A → C → B → A' },
    ]);
    expect(result.projects.map((p) => p.code)).toEqual(['C']);
    expect(result.accepted).toBe(1);
  });

  it('weighs the sheet against the stored projects, and refuses every funding row of a refused project', () => {
    const result = projectsOfWorkbook(
      { projects: [row(2, 'B', 'A', 'county'), row(3, 'B', 'A', 'eu'), row(4, 'C', 'B')] },
      [stored('A', ['B']), stored('B')],
    );
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'the dependencies would make a cycle: A → B → A'],
      [3, 'the dependencies would make a cycle: A → B → A'],
    ]);
    // C depends on B, which stays as stored.
    expect(result.projects.map((p) => p.code)).toEqual(['C']);
    expect(result.rowsRead).toBe(result.accepted + result.rejected.length);
  });

  it('refuses in turn a project that depends on one refused for a cycle', () => {
    const result = projectsOfWorkbook(
      { projects: [row(2, 'A', ''), row(3, 'B', 'C'), row(4, 'C', 'B'), row(5, 'D', 'C')] },
      [],
    );
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'depends on project C, whose row was refused'],
      [4, 'the dependencies would make a cycle: B → C → B'],
      [5, 'depends on project C, whose row was refused'],
    ]);
    expect(result.projects.map((p) => p.code)).toEqual(['A']);
  });

  it('never leaves a cycle, and rows read = accepted + rejected', () => {
    const codes = ['A', 'B', 'C', 'D', 'E'];
    const deps = fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ code: fc.constantFrom(...codes), deps }), { maxLength: 5 }),
        fc.array(fc.record({ code: fc.constantFrom(...codes), deps }), { maxLength: 12 }),
        (storedSpecs, rowSpecs) => {
          // What the state holds was itself saved without a cycle.
          const held: ProjectFields[] = [];
          for (const s of storedSpecs) {
            if (s.deps.some((c) => c === s.code || !held.some((p) => p.code === c))) continue;
            const next = [...held.filter((p) => p.code !== s.code), stored(s.code, s.deps)];
            if (!dependencyCycle(next)) held.splice(0, held.length, ...next);
          }
          const rows = rowSpecs.map((r, i) => row(i + 2, r.code, r.deps.join(', ')));
          const result = projectsOfWorkbook({ projects: rows }, held);
          const after = new Map(held.map((p) => [p.code, p]));
          for (const p of result.projects) after.set(p.code, p);
          expect(dependencyCycle([...after.values()])).toBeNull();
          for (const p of after.values()) for (const c of p.dependsOn) expect(after.has(c)).toBe(true);
          expect(result.rowsRead).toBe(result.accepted + result.rejected.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
