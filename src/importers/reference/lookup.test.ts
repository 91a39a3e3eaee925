import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countyOfMunicipality, mergerSuccessor, municipalityCodeOf, municipalityReference } from './index.js';

describe('the shipped municipality classification', () => {
  it('has every year from 2015 to 2026, with the known number of municipalities', () => {
    const { byYear, counties } = municipalityReference();
    expect([...byYear.keys()].sort()).toEqual(Array.from({ length: 12 }, (_, i) => 2015 + i));
    expect(byYear.get(2015)).toHaveLength(317);
    expect(byYear.get(2025)).toHaveLength(308);
    expect(counties.map((c) => c.code)).toContain('90');
  });

  it('gives the wellbeing services county of a municipality in a year', () => {
    expect(countyOfMunicipality('091', 2025)).toBe('90');
    expect(countyOfMunicipality('005', 2025)).toBe('16');
    expect(countyOfMunicipality('005', 2019)).toBeUndefined();
  });
});

describe('municipalityCodeOf', () => {
  it('reads codes as PxWeb and people write them', () => {
    for (const label of ['091', 'KU091', 'ku091', '091 Helsinki', ' 091 Helsingfors '])
      expect(municipalityCodeOf(label)).toBe('091');
  });

  it('reads Finnish and Swedish names in any case', () => {
    expect(municipalityCodeOf('Helsinki')).toBe('091');
    expect(municipalityCodeOf('HELSINGFORS')).toBe('091');
    expect(municipalityCodeOf('Mänttä-Vilppula')).toBe('508');
    expect(municipalityCodeOf('Närpes')).toBe('545');
    expect(municipalityCodeOf('Maarianhamina - Mariehamn')).toBe('478');
    // Abolished municipalities keep their code; whether it exists in a row's year is the store's to say.
    expect(municipalityCodeOf('Pertunmaa')).toBe('588');
  });

  it('leaves totals, grid cells, postal codes and unknown names alone', () => {
    for (const label of ['KOKO MAA', 'SSS', '1kmN6950E0400', '00100 Helsinki', 'Atlantis', '91'])
      expect(municipalityCodeOf(label)).toBeUndefined();
  });

  it('finds every municipality of every year by each of its labels', () => {
    const all = [...municipalityReference().byYear.values()].flat();
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.boolean(), (m, upper) => {
        const cased = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
        for (const label of [m.nameFi, m.nameSv, `KU${m.code}`, `${m.code} ${m.nameFi}`])
          expect(municipalityCodeOf(cased(label))).toBe(m.code);
      }),
    );
  });
});

describe('mergerSuccessor', () => {
  it('names the municipality a merged one went into, and the year', () => {
    expect(mergerSuccessor('476')).toEqual({ code: '297', name: 'Kuopio', year: 2015 });
    expect(mergerSuccessor('588')).toEqual({ code: '507', name: 'Mäntyharju', year: 2025 });
    expect(mergerSuccessor('091')).toBeUndefined();
  });
});
