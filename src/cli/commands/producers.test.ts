import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import type { Store } from '../../store/index.js';
import { calendarText, producersListText, reconcileText, scorecardText } from './producers.js';

let store: Store;
beforeAll(async () => {
  store = await openForecastTestStore();
}, 240_000);
afterAll(() => store?.close());

describe('soteatlas producers and procurement', () => {
  it('lists producers with their flags, as text and as JSON', async () => {
    expect(await producersListText(store, false)).toMatch(/^NORDICA\s+purchased .*overCeiling/m);
    expect(JSON.parse(await producersListText(store, true))).toHaveLength(10);
  });

  it('reconciles a month, naming the line billed beyond its events', async () => {
    const text = await reconcileText(store, '2025-10', false);
    expect(text).toMatch(/^Invoices 2025-10: .* differences [1-9][\d\s,]* €/);
    expect(text).toContain('KAISLIKKO-2025-10-HC-TP041  overBilled');
    const json = JSON.parse(await reconcileText(store, '2025-10', true));
    expect(json.matchedCents + json.differenceCents).toBe(json.invoicedCents);
  });

  it("prints a producer's scorecard with the overdue action", async () => {
    const text = await scorecardText(store, 'AAMURUSKO', '2025', false);
    expect(text).toContain('serious');
    expect(text).toContain('OVERDUE');
  });

  it('prints the calendar and writes it as an iCalendar file', async () => {
    const ics = join(mkdtempSync(join(tmpdir(), 'calendar-')), 'hankinnat.ics');
    const text = await calendarText(store, { withinMonths: 12, ics });
    expect(text).toMatch(/2026-02-15\s+optionDecision\s+KAISLIKKO-HC/);
    expect(text).toMatch(/NORDICA-REH: nothing planned/);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VEVENT');
  });
});
