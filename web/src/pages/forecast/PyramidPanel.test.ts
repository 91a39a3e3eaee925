import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/messages.js';
import { forecastMessages } from './messages.js';
import { PopulationPyramid } from './PopulationPyramid.js';
import { PyramidTable } from './PyramidTable.js';
import type { PyramidRow } from './pyramid.js';
import { renderHtml, tableRows } from './render.fixture.js';

const known = (value: number) => ({ value, suppressed: false });
const rows: PyramidRow[] = Array.from({ length: 101 }, (_, age) => ({
  ageFrom: age,
  ageTo: age,
  male: age === 99 ? { value: null, suppressed: true } : known(100 - age),
  female: known(age === 100 ? 0 : 120 - age),
}));

describe('PopulationPyramid', () => {
  const html = renderHtml(
    createElement(PopulationPyramid, { rows, largest: 120, label: 'Pyramidi', still: true }),
  );

  it('draws a bar for each age and sex, named as a picture for screen readers', () => {
    expect(html.match(/pyramid__bar--male/g)).toHaveLength(101);
    expect(html.match(/pyramid__bar--female/g)).toHaveLength(101);
    expect(html).toContain('role="img" aria-label="Pyramidi"');
  });

  it('puts the men to the left of the centre and the women to the right, the longest bar the largest figure', () => {
    const widths = (sex: string) =>
      [
        ...html.matchAll(
          new RegExp(`pyramid__bar--${sex}"[^>]*? x="([\\d.]+)"[^>]*? width="([\\d.]+)"`, 'g'),
        ),
      ].map((match) => ({ x: Number(match[1]), width: Number(match[2]) }));
    const men = widths('male');
    const women = widths('female');
    expect(Math.max(...men.map((bar) => bar.x + bar.width))).toBeLessThanOrEqual(320);
    expect(Math.min(...women.map((bar) => bar.x))).toBeGreaterThanOrEqual(320);
    expect(women[0]?.width).toBe(Math.max(...women.map((bar) => bar.width)));
    expect(men[99]?.width).toBe(0);
  });
});

describe('PyramidTable', () => {
  const html = renderHtml(createElement(PyramidTable, { rows, caption: 'Väestö' }));
  const cells = tableRows(html, 'pyramid-table');

  it('lists the oldest first, as the pyramid reads from the top', () => {
    expect(cells[0]?.[0]).toBe('100+');
    expect(cells[100]?.slice(0, 3)).toEqual(['0', '100', '120']);
  });

  it('shows a withheld figure as withheld, never as zero, and its sums as not known', () => {
    const row99 = cells[1];
    expect(row99?.[1]).toBe(`<5${dictionaries.fi.status.suppressedLabel}`);
    expect(row99?.[3]).toBe(`–${dictionaries.fi.status.notAvailable}`);
    expect(html).toContain(dictionaries.fi.status.suppressedNote.replace('<', '&lt;'));
  });

  it('heads the columns with the page’s words', () => {
    const text = forecastMessages.fi.pyramid;
    for (const header of [text.age, text.men, text.women, text.total])
      expect(html).toContain(`>${header}</th>`);
  });
});
