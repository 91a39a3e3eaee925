import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestState, type TestState } from '../state/testing.js';
import { importProgrammeWorkbook } from './import.js';
import { createProject, findProject } from './project-store.js';

const workbook = async (sheets: Record<string, unknown[][]>): Promise<Uint8Array> => {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
};

describe('importing the programme office’s workbook', () => {
  let opened: TestState;
  beforeAll(async () => {
    opened = await openTestState('embedded');
    await createProject(opened.state, {
      code: 'H9',
      name: 'Stored before',
      phase: 'planning',
      start: '2024-01-01',
      end: '2025-12-31',
      effects: [
        {
          indicatorId: 'emergency-visits-per-1000',
          baselinePeriod: '2024',
          baselineValue: 320,
          expectedValue: 300,
          expectedBy: '2026',
        },
      ],
    });
  });
  afterAll(() => opened.close());

  it('takes Finnish sheets and headers, rejects rows with line and reason, and keeps what it does not hold', async () => {
    const file = await workbook({
      Hankkeet: [
        [
          'Hanketunnus',
          'Nimi',
          'Vaihe',
          'Alkaa',
          'Päättyy',
          'Rahoituslähde',
          'Budjetti',
          'Toteutunut',
          'Riippuvuudet',
        ],
        [
          'H1',
          'Kotihoito',
          'toteutus',
          '1.1.2024',
          '31.12.2026',
          'valtion rahoitus',
          '800 000',
          '350000,50',
          '',
        ],
        ['H1', 'Kotihoito', 'toteutus', '1.1.2024', '31.12.2026', 'oma', '100000', '0', ''],
        ['H1', 'Kotihoito', 'toteutus', '1.1.2024', '31.12.2026', 'oma', '5', '0', ''],
        ['H2', 'Digipalvelut', 'suunnittelu', '2024-03-01', '31.2.2026', '', '', '', ''],
        ['H3', 'Ketjut', 'ihme', '1.1.2025', '31.12.2025', '', '', '', 'H1'],
        ['H4', 'Asiakasohjaus', 'valmistelu', '1.1.2025', '31.12.2025', '', '', '', 'H1 H7'],
        ['H9', 'Stored, renamed', 'toteutus', '1.1.2024', '31.12.2025', '', '', '', 'H1'],
      ],
      Virstanpylväät: [
        ['Hanke', 'Virstanpylväs', 'Määräpäivä', 'Valmis'],
        ['H1', 'Järjestelmä käytössä', '30.6.2025', '12.6.2025'],
        ['H1', 'Arviointi', '31.12.2026', ''],
        ['H2', 'Pilotti', '1.6.2025', ''],
        ['H9', 'Loppuraportti', 'ensi vuonna', ''],
      ],
      Riskit: [
        ['Hanke', 'Riski', 'Todennäköisyys', 'Vaikutus', 'Hallintakeino', 'Omistaja'],
        ['H1', 'Rekrytointi', '4', '3', 'Oppisopimus', 'HR'],
        ['H1', 'Liian suuri', '6', '3', '', ''],
        ['H9', 'Puolikas', '2,5', '3', '', ''],
      ],
    });
    const summary = await importProgrammeWorkbook(opened.state, file, 'Pia');
    expect(summary.rowsRead).toBe(14);
    expect(summary.accepted + summary.rejected.length).toBe(summary.rowsRead);
    expect(summary.rejected.map((r) => [r.sheet, r.line])).toEqual([
      ['milestones', 4],
      ['milestones', 5],
      ['projects', 4],
      ['projects', 5],
      ['projects', 6],
      ['projects', 7],
      ['risks', 3],
      ['risks', 4],
    ]);
    const reasons = summary.rejected.map((r) => r.reason).join('\n');
    expect(reasons).toContain('end "31.2.2026" is not a date');
    expect(reasons).toContain('phase "ihme" is not a phase');
    expect(reasons).toContain('depends on unknown project H7');
    expect(reasons).toContain('unknown project H2');
    expect(reasons).toContain('already on an earlier row');
    expect(summary.projectsSaved).toEqual(['H1', 'H9']);

    const h1 = await findProject(opened.state, 'H1');
    expect(h1).toMatchObject({
      phase: 'implementation',
      updatedBy: 'Pia',
      funding: [
        { source: 'stateReformFunding', budgetEuros: 800_000, spentEuros: 350_000.5 },
        { source: 'county', budgetEuros: 100_000, spentEuros: 0 },
      ],
      milestones: [
        { title: 'Järjestelmä käytössä', due: '2025-06-30', done: '2025-06-12' },
        { title: 'Arviointi', due: '2026-12-31', done: null },
      ],
      risks: [{ title: 'Rekrytointi', likelihood: 4, impact: 3, mitigation: 'Oppisopimus', owner: 'HR' }],
    });
    const h9 = await findProject(opened.state, 'H9');
    expect(h9).toMatchObject({
      version: 2,
      name: 'Stored, renamed',
      dependsOn: ['H1'],
      milestones: [],
      risks: [],
    });
    expect(h9?.effects).toHaveLength(1);
  });

  it('takes Swedish and English sheets, and refuses a workbook missing a column or holding an identity code', async () => {
    const swedish = await workbook({
      Projekt: [
        ['Kod', 'Namn', 'Fas', 'Startdatum', 'Slutdatum'],
        ['S1', 'Vårdkedjor', 'genomförande', '1.1.2025', '31.12.2026'],
      ],
      Risks: [
        ['Project', 'Risk', 'Likelihood', 'Impact'],
        ['S1', 'Staff', '2', '5'],
      ],
    });
    expect(await importProgrammeWorkbook(opened.state, swedish)).toMatchObject({
      rowsRead: 2,
      accepted: 2,
      rejected: [],
      projectsSaved: ['S1'],
    });
    const noPhase = await workbook({
      Projects: [
        ['Code', 'Name', 'Start', 'End'],
        ['E1', 'x', '1.1.2025', '2.1.2025'],
      ],
    });
    await expect(importProgrammeWorkbook(opened.state, noPhase)).rejects.toThrow(/no column for phase/);
    const withCode = await workbook({
      Riskit: [
        ['Hanke', 'Riski', 'Todennäköisyys', 'Vaikutus', 'Omistaja'],
        ['S1', 'x', '1', '1', '131052-308T'],
      ],
    });
    await expect(importProgrammeWorkbook(opened.state, withCode)).rejects.toThrow(
      /identity code in column 5/,
    );
    await expect(importProgrammeWorkbook(opened.state, new Uint8Array([1, 2, 3]))).rejects.toThrow(
      /not an XLSX/,
    );
    expect((await findProject(opened.state, 'S1'))?.risks).toHaveLength(1);
  });
});
