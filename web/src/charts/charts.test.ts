import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.js';
import { DotChart } from './DotChart.js';
import { LineChart } from './LineChart.js';
import { Sparkline } from './Sparkline.js';

const format = (value: number) => value.toFixed(1);

describe('the charts', () => {
  it('name themselves for screen readers', () => {
    const line = renderToStaticMarkup(
      createElement(LineChart, {
        label: 'Visits 2023–2024',
        series: [
          {
            id: 'a',
            label: 'County',
            points: [
              { x: '2023', value: 1 },
              { x: '2024', value: 2 },
            ],
          },
        ],
        format,
      }),
    );
    expect(line).toMatch(
      /<svg role="img" aria-labelledby="([^"]+)"[^>]*><title id="\1">Visits 2023–2024<\/title>/,
    );
    const spark = renderToStaticMarkup(createElement(Sparkline, { values: [1, 2, 3], label: 'Trend' }));
    expect(spark).toContain('role="img" aria-label="Trend"');
  });

  it('write a withheld value as "<5" and draw no bar or dot for it', () => {
    const bars = renderToStaticMarkup(
      createElement(BarChart, {
        label: 'x',
        series: ['Value'],
        format,
        rows: [
          { key: 'a', label: 'Big', values: [{ value: 10 }] },
          { key: 'b', label: 'Small', values: [{ value: null, suppressed: true }] },
        ],
      }),
    );
    expect(bars.match(/<rect /g)?.length).toBe(1);
    expect(bars).toContain('&lt;5');
    const dots = renderToStaticMarkup(
      createElement(DotChart, {
        label: 'x',
        format,
        valueLabel: 'Value',
        intervalLabel: 'Interval',
        rows: [
          { key: 'a', label: 'Big', value: 10, low: 8, high: 12 },
          { key: 'b', label: 'Small', value: null, suppressed: true },
        ],
      }),
    );
    const [plot] = dots.split('<ul class="chart-legend">');
    expect(plot?.match(/<circle /g)?.length).toBe(1);
    expect(dots).toContain('&lt;5');
  });

  it('tell series apart by dash and hatching as well as colour, and say so in the legend', () => {
    const bars = renderToStaticMarkup(
      createElement(BarChart, {
        label: 'x',
        series: ['Raw', 'Standardised'],
        format,
        rows: [{ key: 'a', label: 'A', values: [{ value: 120 }, { value: 100 }] }],
        reference: { value: 100, label: 'County = 100' },
      }),
    );
    expect(bars).toContain('<pattern');
    expect(bars).toMatch(/<li>.*Raw<\/li><li>.*Standardised<\/li><li>.*County = 100<\/li>/);
    const lines = renderToStaticMarkup(
      createElement(LineChart, {
        label: 'x',
        format,
        series: [
          { id: 'a', label: 'A', points: [{ x: '1', value: 1 }] },
          { id: 'b', label: 'B', points: [{ x: '1', value: 2 }] },
        ],
      }),
    );
    expect(lines).toContain('stroke-dasharray="6 4"');
  });
});
