import { describe, expect, it } from 'vitest';
import {
  type AuditFilters,
  auditCsvPath,
  auditPath,
  badDays,
  filtersOf,
  paramsOf,
  parseDay,
} from './filters.js';

const none: AuditFilters = { user: '', from: '', to: '', action: '', outcome: '' };

describe('a day typed in the audit filters', () => {
  it('is read day first, as Finns write it, or as ISO', () => {
    expect(parseDay('5.12.2026')).toEqual(new Date(2026, 11, 5));
    expect(parseDay('05/12/2026')).toEqual(new Date(2026, 11, 5));
    expect(parseDay(' 2026-12-05 ')).toEqual(new Date(2026, 11, 5));
  });

  it('is refused when it is no real day', () => {
    expect(parseDay('31.2.2026')).toBeUndefined();
    expect(parseDay('12/31/2026')).toBeUndefined();
    expect(parseDay('eilen')).toBeUndefined();
    expect(badDays({ ...none, from: '1.1.2026', to: '32.1.2026' })).toEqual(['to']);
  });
});

describe('the audit query', () => {
  it('sends only the filters given, the days as the start of `from` and the end of `to`', () => {
    const filters = { ...none, from: '1.12.2026', to: '5.12.2026', outcome: 'denied' as const };
    const path = new URL(auditPath(filters, { limit: 50, offset: 100 }), 'http://x');
    expect(path.pathname).toBe('/api/audit');
    expect(Object.fromEntries(path.searchParams)).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2026, 11, 6).toISOString(),
      outcome: 'denied',
      limit: '50',
      offset: '100',
    });
  });

  it('exports the same rows as CSV, without paging', () => {
    const filters = { ...none, user: 'aino', action: 'signIn' };
    expect(auditCsvPath(filters)).toBe('/api/audit.csv?user=aino&action=signIn');
  });

  it('round-trips through the page address, dropping an unknown outcome', () => {
    const filters: AuditFilters = { user: 'u', from: '1.1.2026', to: '', action: 'a', outcome: 'ok' };
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(paramsOf(filters))) if (value) params.set(name, value);
    expect(filtersOf(params)).toEqual(filters);
    expect(filtersOf(new URLSearchParams('outcome=maybe')).outcome).toBe('');
  });
});
