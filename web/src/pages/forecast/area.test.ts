import { describe, expect, it } from 'vitest';
import { areaKey, parseAreaKey } from './area.js';
import { groupTitle } from './groupTitle.js';

describe('area keys', () => {
  it('round-trip a county and a municipality', () => {
    for (const area of [
      { level: 'county' as const, code: '08' },
      { level: 'municipality' as const, code: '091' },
    ])
      expect(parseAreaKey(areaKey(area))).toEqual(area);
  });

  it('refuse levels the page does not offer', () => {
    expect(parseAreaKey('gridCell:1kmN6672E0385')).toBeUndefined();
    expect(parseAreaKey('')).toBeUndefined();
  });
});

describe('groupTitle', () => {
  it('writes a closed group with a dash and the open oldest one with a plus', () => {
    expect(groupTitle({ ageFrom: 7, ageTo: 17 })).toBe('7–17');
    expect(groupTitle({ ageFrom: 85, ageTo: 100 })).toBe('85+');
  });
});
