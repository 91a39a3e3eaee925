import { describe, expect, it } from 'vitest';
import { areaName, fileName, yearSpan } from './names.js';

describe('names', () => {
  it('gives the Swedish name of a bilingual municipality in Swedish and the Finnish one otherwise', () => {
    const porvoo = { nameFi: 'Porvoo', nameSv: 'Borgå' };
    expect(areaName(porvoo, 'sv')).toBe('Borgå');
    expect(areaName(porvoo, 'fi')).toBe('Porvoo');
    expect(areaName(porvoo, 'en')).toBe('Porvoo');
    expect(areaName({ nameFi: 'Kuopio', nameSv: null }, 'sv')).toBe('Kuopio');
  });

  it('writes consecutive years as a span and gaps as a list', () => {
    expect(yearSpan([2025, 2023, 2024])).toBe('2023–2025');
    expect(yearSpan([2021, 2023])).toBe('2021, 2023');
    expect(yearSpan([2024])).toBe('2024');
    expect(yearSpan([])).toBe('');
  });

  it('strips folders from a file path', () => {
    expect(fileName('/tmp/demo/units.csv')).toBe('units.csv');
    expect(fileName('C:\\data\\areas.geojson')).toBe('areas.geojson');
  });
});
