import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../forecast/testing.js';
import type { Store } from '../store/index.js';
import {
  calendarIcs,
  compareModes,
  loadContracts,
  loadSteeringConfig,
  procurementCalendar,
  producerRegister,
  producerScorecard,
  reconcilePeriod,
  steeringDay,
} from './index.js';

let store: Store;
beforeAll(async () => {
  store = await openForecastTestStore();
}, 240_000);
afterAll(() => store?.close());

describe('producer steering over the demo county', () => {
  it('sees the data from the day after its last events', async () => {
    expect(await steeringDay(store, '2026-12-05')).toBe('2026-01-01');
  });

  it('finds the invoice line that bills more than its events, and matches every other euro of the year', async () => {
    const year = await reconcilePeriod(store, { period: '2025' });
    expect(year.matchedCents + year.differenceCents).toBe(year.invoicedCents);
    const differing = year.lines.filter((l) => l.differenceCents !== 0);
    expect(differing.map((l) => [l.producerCode, l.month, l.serviceClass, l.status])).toEqual([
      ['KAISLIKKO', '2025-10', 'HC', 'overBilled'],
    ]);
    const [line] = differing;
    expect(line?.invoicedQuantity).toBe((line?.eventQuantity ?? 0) + 37);
    expect(line?.differenceCents).toBe(Math.round(37 * (line?.priceEuros ?? 0) * 100));
    expect(year.lines.filter((l) => l.status !== 'matched')).toHaveLength(1);
    expect(year.unbilled).toEqual([]);
    const october = await reconcilePeriod(store, { period: '2025-10' });
    expect(october.differenceCents).toBe(year.differenceCents);
  });

  it('flags a producer over its volume ceiling, one with an overdue action, and an option due', async () => {
    const register = await producerRegister(store);
    const flagsOf = (code: string) => register.find((p) => p.code === code)?.flags ?? [];
    expect(flagsOf('NORDICA')).toContain('overCeiling');
    expect(flagsOf('AAMURUSKO')).toContain('overdueAction');
    expect(flagsOf('KAISLIKKO')).toEqual(expect.arrayContaining(['billingDifference', 'optionDue']));
    expect(flagsOf('JPHVA')).toEqual([]);
    expect(register.find((p) => p.code === 'AAMURUSKO')?.units.length).toBe(2);
  });

  it("scores a producer's year: volumes, billing, costs against own production, quality, supervision", async () => {
    const card = await producerScorecard(store, {
      producerCode: 'AAMURUSKO',
      period: '2025',
      unsuppressed: false,
    });
    expect(card.volumes).toHaveLength(1);
    expect(card.billing.differenceCents).toBe(0);
    expect(card.billing.invoicedCents).toBe(card.billing.expectedCents);
    expect(card.costs[0]?.ratio).toBeGreaterThan(0.8);
    expect(card.supervision).toEqual([
      expect.objectContaining({
        severity: 'serious',
        actionState: 'open',
        overdue: true,
        actionDeadline: '2025-11-30',
      }),
    ]);
    expect(card.complaints).toHaveLength(4);
    expect(card.quality.map((q) => q.measure).sort()).toEqual(['complaintsPer10000', 'dataCompleteness']);
    const nordica = await producerScorecard(store, {
      producerCode: 'NORDICA',
      period: '2025',
      unsuppressed: true,
    });
    expect(nordica.volumes[0]?.status).toBe('overCeiling');
    // NORDICA reports from its own system, without first contacts: its waiting data is incomplete.
    expect(nordica.completeness.value).toBeLessThan(0.95);
    expect(nordica.quality.find((q) => q.measure === 'dataCompleteness')?.met).toBe(false);
  });

  it('withholds waiting figures resting on one to four events for a viewer without unsuppressed access', async () => {
    const card = await producerScorecard(store, {
      producerCode: 'MIELI',
      period: '2025-07',
      unsuppressed: false,
    });
    for (const w of card.waiting) {
      const count = w.withinLimitShare.count;
      if (w.withinLimitShare.suppressed) expect(w.withinLimitShare.value).toBeNull();
      else if (count !== null) expect(count === 0 || count >= 5).toBe(true);
    }
  });

  it('puts the option to decide and the contract ending with nothing planned on the calendar', async () => {
    const config = loadSteeringConfig();
    const calendar = procurementCalendar(await loadContracts(store), {
      asOf: '2026-01-01',
      withinMonths: 12,
      config,
    });
    const option = calendar.items.find((i) => i.kind === 'optionDecision' && i.producerCode === 'KAISLIKKO');
    expect(option?.date).toBe('2026-02-15');
    expect(calendar.warnings.map((w) => [w.contractCode, w.kind])).toEqual(
      expect.arrayContaining([['NORDICA-REH', 'contractEnds']]),
    );
    expect(calendar.warnings.some((w) => w.producerCode === 'MIELI')).toBe(false);
    const ics = calendarIcs(calendar, {
      contractEnds: 'Ends',
      optionDecision: 'Option',
      tenderPreparation: 'Tender',
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260215');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(calendar.items.length);
  });

  it('compares own production with purchased and voucher producers for one class', async () => {
    const comparison = await compareModes(store, { serviceClass: 'OH', period: '2025', unsuppressed: true });
    const own = comparison.modes.find((m) => m.mode === 'own');
    const voucher = comparison.modes.find((m) => m.mode === 'voucher');
    expect(own?.volume).toBeGreaterThan(0);
    expect(voucher?.producers).toBe(1);
    expect(voucher?.eurosPerUnit).toBeCloseTo(102, 0);
  });
});
