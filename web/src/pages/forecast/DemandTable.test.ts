import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { ForecastDemandRow, ServiceClass } from '../../../../src/model/index.js';
import { formatNumber } from '../../i18n/format.js';
import { dictionaries } from '../../i18n/messages.js';
import { DemandTable } from './DemandTable.js';
import { forecastMessages } from './messages.js';
import { renderHtml, tableRows } from './render.fixture.js';

const text = forecastMessages.fi.gap;

const serviceClass = (code: string, nameFi: string): ServiceClass => ({
  code,
  nameFi,
  nameSv: `${nameFi} (sv)`,
  nameEn: `${nameFi} (en)`,
  serviceArea: 'health',
  eventKind: 'visit',
  ageFrom: 0,
  ageTo: 100,
});

const row = (
  serviceClass: string,
  demand: number,
  capacity: number | null,
  fte: number | null,
): ForecastDemandRow => ({
  serviceClass,
  eventKind: 'visit',
  baseVolume: demand * 0.9,
  demand,
  capacity,
  gap: capacity === null ? null : demand - capacity,
  fte,
  fteGap: null,
});

const rows = [
  row('A', 1000, 1500, 2.04),
  row('B', 5000, 3000, 12.5),
  row('C', 800, null, null),
  row('D', 100, 99, 0.3),
];
const classes = [
  serviceClass('A', 'Avopalvelu'),
  serviceClass('B', 'Kotihoito'),
  serviceClass('C', 'Suun terveys'),
];

describe('DemandTable', () => {
  const html = renderHtml(createElement(DemandTable, { rows, serviceClasses: classes, caption: 'Kysyntä' }));
  const cells = tableRows(html, 'demand-table');

  it('starts with the largest shortfall first, and the rows with no known gap last', () => {
    expect(cells.map((cells) => cells[0])).toEqual(['Kotihoito', 'D', 'Avopalvelu', 'Suun terveys']);
    expect(html).toContain('aria-sort="descending"');
  });

  it('says the gap in words as well as in colour', () => {
    expect(cells[0]?.[5]).toBe(`▲${text.shortfall}`);
    expect(cells[1]?.[5]).toBe(`=${text.balanced}`);
    expect(cells[2]?.[5]).toBe(`✓${text.surplus}`);
    expect(cells[3]?.[5]).toBe(`–${text.unknown}`);
  });

  it('shows a missing capacity as not known, never as zero', () => {
    expect(cells[3]?.[3]).toBe(`–${dictionaries.fi.status.notAvailable}`);
    expect(cells[3]?.[4]).toBe(`–${dictionaries.fi.status.notAvailable}`);
  });

  it('writes figures in Finnish, whole volumes and staff to a tenth', () => {
    expect(cells[0]?.[2]).toBe(formatNumber('fi', 5000));
    expect(cells[0]?.[6]).toBe('12,5');
    expect(cells[2]?.[6]).toBe('2');
  });
});
