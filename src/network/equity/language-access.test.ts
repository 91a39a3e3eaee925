import { describe, expect, it } from 'vitest';
import { languageStatus } from '../../model/index.js';
import { languageAccess } from './language-access.js';

// Three cells: A and B in 901 (100 and 50 residents), C in 902 (200 residents).
// 901 is 80 % Finnish- and 20 % Swedish-speaking, 902 95 % and 3 %.
const input = {
  serviceClass: 'HC',
  cellCodes: ['A', 'B', 'C'],
  cellResidents: [100, 50, 200],
  municipalities: new Map([
    ['A', '901'],
    ['B', '901'],
    ['C', '902'],
  ]),
  minutes: { fi: [5, 5, 20], sv: [10, 40, Number.POSITIVE_INFINITY] },
  unitCounts: { fi: 3, sv: 1 },
  languages: new Map([
    ['902', { fi: 950, sv: 30, total: 1000 }],
    ['901', { fi: 800, sv: 200, total: 1000 }],
  ]),
  languageYear: 2025,
  limitMinutes: 30,
  unsuppressed: true,
};

describe('access in one’s own language', () => {
  it('matches the hand count', () => {
    const result = languageAccess(input);
    const [fi, sv] = result.languages;
    // Swedish speakers: A 20 at 10 min, B 10 at 40 min, C 6 with no Swedish-speaking unit in reach.
    // Mean over those who reach one: (20·10 + 10·40) / 30 = 20; median 10; beyond 30 min: 10 + 6.
    expect(sv).toEqual({
      language: 'sv',
      units: 1,
      total: {
        group: '',
        residents: 36,
        mean: 20,
        median: 10,
        p90: 40,
        beyondLimit: 16,
        unreachable: 6,
        suppressed: false,
      },
      byMunicipality: [
        {
          group: '901',
          residents: 30,
          mean: 20,
          median: 10,
          p90: 40,
          beyondLimit: 10,
          unreachable: 0,
          suppressed: false,
        },
        {
          group: '902',
          residents: 6,
          mean: null,
          median: null,
          p90: null,
          beyondLimit: 6,
          unreachable: 6,
          suppressed: false,
        },
      ],
    });
    // Finnish speakers: A 80 and B 40 at 5 min, C 190 at 20 min: mean 4 400 / 310 = 14.19…, median 20.
    expect(fi?.total).toMatchObject({
      residents: 310,
      mean: 14.2,
      median: 20,
      beyondLimit: 0,
      unreachable: 0,
    });
    expect(fi?.byMunicipality.map((g) => [g.group, g.residents, g.mean])).toEqual([
      ['901', 120, 5],
      ['902', 190, 20],
    ]);
    expect(result.municipalities).toEqual([
      { municipalityCode: '901', status: 'bilingualFinnish' },
      { municipalityCode: '902', status: 'finnish' },
    ]);
    expect(result.languageYear).toBe(2025);
  });

  it('withholds a group of 1–4 speakers, times included, from a viewer without unsuppressed access', () => {
    const result = languageAccess({
      ...input,
      cellResidents: [100, 50, 100],
      unsuppressed: false,
    });
    const sv = result.languages[1];
    // 902's Swedish speakers: 3 % of 100 = 3.
    expect(sv?.byMunicipality[1]).toMatchObject({
      group: '902',
      residents: null,
      mean: null,
      beyondLimit: null,
      suppressed: true,
    });
  });

  it('counts no one where the municipality has no language figures', () => {
    const result = languageAccess({ ...input, languages: new Map(), languageYear: null });
    expect(result.languages.map((l) => l.total.residents)).toEqual([0, 0]);
    expect(result.municipalities).toEqual([]);
  });
});

describe('language status by the Language Act', () => {
  it('makes a municipality bilingual at 8 % or 3 000 of the minority language', () => {
    expect(languageStatus({ fi: 920, sv: 80, total: 1000 })).toBe('bilingualFinnish');
    expect(languageStatus({ fi: 921, sv: 79, total: 1000 })).toBe('finnish');
    expect(languageStatus({ fi: 107_000, sv: 3000, total: 110_000 })).toBe('bilingualFinnish');
    expect(languageStatus({ fi: 107_001, sv: 2999, total: 110_000 })).toBe('finnish');
    expect(languageStatus({ fi: 900, sv: 9100, total: 10_000 })).toBe('bilingualSwedish');
    expect(languageStatus({ fi: 500, sv: 9500, total: 10_000 })).toBe('swedish');
    // Residents of other languages count in the total: 80 of 1 100 is under 8 %.
    expect(languageStatus({ fi: 920, sv: 80, total: 1100 })).toBe('finnish');
  });
});
