import { describe, expect, it } from 'vitest';
import { loadServiceClasses } from '../store/index.js';
import { eventFileStyle } from './event-year.js';
import { serviceClassUsages } from './event-year-context.js';
import { careDayKind, visitKind } from './events.js';

describe('eventFileStyle', () => {
  it('gives the last year Windows-1252 with Finnish dates, and earlier years UTF-8 with and without a BOM', () => {
    expect(eventFileStyle(2025)).toEqual({ encoding: 'windows-1252', bom: false, dateStyle: 'finnish' });
    expect(eventFileStyle(2024)).toEqual({ encoding: 'utf-8', bom: true, dateStyle: 'iso' });
    expect(eventFileStyle(2023)).toEqual({ encoding: 'utf-8', bom: false, dateStyle: 'iso' });
  });
});

describe('serviceClassUsages', () => {
  it('takes age ranges and event kinds from the catalogue', () => {
    const usages = serviceClassUsages(loadServiceClasses());
    expect(usages.map((u) => u.code)).toEqual(loadServiceClasses().map((c) => c.code));
    expect(usages.find((u) => u.code === 'MCC')).toMatchObject({ ageFrom: 0, ageTo: 6, kind: visitKind });
    expect(usages.find((u) => u.code === 'ELD')).toMatchObject({ ageFrom: 65, kind: careDayKind });
  });

  it('leaves out a class the county added without usage rates', () => {
    const catalogue = [
      ...loadServiceClasses(),
      {
        code: 'XYZ',
        nameFi: 'x',
        nameSv: 'x',
        nameEn: 'x',
        serviceArea: 'health' as const,
        eventKind: 'visit' as const,
        ageFrom: 0,
        ageTo: 100,
      },
    ];
    expect(serviceClassUsages(catalogue).some((u) => u.code === 'XYZ')).toBe(false);
  });
});
