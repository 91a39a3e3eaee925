import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventVolumeFact, type InvoiceLineFact, reconcile } from './reconcile.js';

const producers = ['P1', 'P2', 'P3'];
const classes = ['HC', 'OH'];
const units = ['U1', 'U2', null];
const months = ['2025-01', '2025-02'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const invoiceLine = fc.record({
  invoiceId: fc.uuid(),
  producerCode: pick(producers),
  month: pick(months),
  serviceClass: pick(classes),
  unitCode: pick(units),
  amountCents: fc.integer({ min: -50_000, max: 5_000_000 }),
  quantity: fc.integer({ min: 0, max: 500 }),
}) satisfies fc.Arbitrary<InvoiceLineFact>;

const eventVolume = fc.record({
  producerCode: pick(producers),
  month: pick(months),
  serviceClass: pick(classes),
  unitCode: pick(units.filter((u) => u !== null)),
  quantity: fc.integer({ min: 1, max: 500 }),
}) satisfies fc.Arbitrary<EventVolumeFact>;

/** P3 has no contract; the others a price per class, P1 with a monthly fee. */
const priceOf = (producer: string, klass: string) =>
  producer === 'P3'
    ? undefined
    : { priceEuros: klass === 'HC' ? 87.45 : 120.1, monthlyFeeCents: producer === 'P1' ? 250_000 : 0 };

describe('reconcile', () => {
  it('puts every invoiced cent either in matched or in a listed difference', () => {
    fc.assert(
      fc.property(
        fc.array(invoiceLine, { maxLength: 30 }),
        fc.array(eventVolume, { maxLength: 40 }),
        (invoices, events) => {
          const result = reconcile('2025', invoices, events, priceOf);
          const invoiced = invoices.reduce((s, l) => s + l.amountCents, 0);
          expect(result.invoicedCents).toBe(invoiced);
          expect(result.matchedCents + result.differenceCents).toBe(invoiced);
          expect(result.lines).toHaveLength(invoices.length);
          for (const line of result.lines) {
            expect(line.matchedCents + line.differenceCents).toBe(line.invoicedCents);
            // A difference is always on a line that says why.
            if (line.differenceCents !== 0) expect(line.status).not.toBe('matched');
            // Nothing is matched beyond what the events at the contract's price justify.
            if (line.expectedCents !== null && line.invoicedCents >= 0)
              expect(line.matchedCents).toBeLessThanOrEqual(Math.max(0, line.expectedCents));
            if (line.status === 'noPrice') expect(line.matchedCents).toBe(0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('matches a line billed at exactly events × price, and lists the cents billed beyond it', () => {
    const events: EventVolumeFact[] = [
      { producerCode: 'P2', month: '2025-01', serviceClass: 'HC', unitCode: 'U1', quantity: 100 },
      { producerCode: 'P2', month: '2025-01', serviceClass: 'HC', unitCode: 'U2', quantity: 40 },
    ];
    const result = reconcile(
      '2025-01',
      [
        {
          invoiceId: 'A',
          producerCode: 'P2',
          month: '2025-01',
          serviceClass: 'HC',
          unitCode: 'U1',
          amountCents: 874_500,
          quantity: 100,
        },
        {
          invoiceId: 'B',
          producerCode: 'P2',
          month: '2025-01',
          serviceClass: 'HC',
          unitCode: 'U2',
          amountCents: 67 * 8745,
          quantity: 67,
        },
        {
          invoiceId: 'C',
          producerCode: 'P1',
          month: '2025-01',
          serviceClass: 'HC',
          unitCode: null,
          amountCents: 250_000,
          quantity: 0,
        },
      ],
      events,
      priceOf,
    );
    expect(result.lines.map((l) => [l.invoiceId, l.status, l.matchedCents, l.differenceCents])).toEqual([
      ['A', 'matched', 874_500, 0],
      ['B', 'overBilled', 40 * 8745, 27 * 8745],
      ['C', 'matched', 250_000, 0],
    ]);
    expect(result.unbilled).toEqual([]);
  });

  it('lists events that no invoice line bills', () => {
    const result = reconcile(
      '2025-02',
      [],
      [{ producerCode: 'P1', month: '2025-02', serviceClass: 'OH', unitCode: 'U1', quantity: 3 }],
      priceOf,
    );
    expect(result.unbilled).toEqual([
      { producerCode: 'P1', month: '2025-02', serviceClass: 'OH', unitCode: 'U1', eventQuantity: 3 },
    ]);
  });
});
