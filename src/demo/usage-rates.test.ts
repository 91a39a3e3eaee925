import { describe, expect, it } from 'vitest';
import { loadServiceClasses } from '../store/index.js';
import { ageCount } from './age-structure.js';
import { tabulateUsage, usageDefinitions } from './usage-rates.js';

const catalogue = loadServiceClasses();
const table = (code: string) => {
  const serviceClass = catalogue.find((c) => c.code === code);
  const definition = usageDefinitions[code];
  if (!serviceClass || !definition) throw new Error(`no ${code}`);
  return tabulateUsage(definition, serviceClass.ageFrom, serviceClass.ageTo);
};
const rate = (code: string, sex: number, age: number) => {
  const { userShare, perUser } = table(code);
  return (userShare[sex * ageCount + age] ?? 0) * (perUser[sex * ageCount + age] ?? 0);
};

describe('usage rates', () => {
  it('cover every class in the built-in catalogue', () => {
    for (const serviceClass of catalogue)
      expect(usageDefinitions[serviceClass.code], serviceClass.code).toBeDefined();
  });

  it('keep each class inside its age range', () => {
    expect(rate('MCC', 0, 3)).toBeGreaterThan(0);
    expect(rate('MCC', 0, 7)).toBe(0);
    expect(table('ELD').userShare[64]).toBe(0);
    expect(table('ELD').userShare[90]).toBeGreaterThan(0.1);
  });

  it('make health-centre visits rise with age, and women of working age visit more than men', () => {
    expect(rate('HC', 1, 80)).toBeGreaterThan(rate('HC', 1, 30) * 1.5);
    expect(rate('HC', 1, 35)).toBeGreaterThan(rate('HC', 0, 35));
  });

  it('never give more than one user per resident, or less than one event per user', () => {
    for (const serviceClass of catalogue) {
      const { userShare, perUser } = table(serviceClass.code);
      userShare.forEach((share, g) => {
        expect(share).toBeLessThanOrEqual(1);
        if (share > 0) expect(perUser[g]).toBeGreaterThanOrEqual(1);
      });
    }
  });
});
