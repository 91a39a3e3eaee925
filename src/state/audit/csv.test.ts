import { describe, expect, it } from 'vitest';
import { formatAuditCsv } from './csv.js';
import { sampleAuditEntry } from './testing.js';

describe('formatAuditCsv', () => {
  it('writes a semicolon-separated CSV with a byte-order mark and CRLF lines, a row an entry', () => {
    const csv = formatAuditCsv([
      { ...sampleAuditEntry({ scope: { areas: ['398', '016'] } }), seq: 7, time: '2026-03-01T10:00:00.000Z' },
    ]);
    const [header, row, end] = csv.split('\r\n');
    expect(csv.startsWith('\uFEFFnro;aika;')).toBe(true);
    expect(header?.split(';')).toHaveLength(16);
    expect(row).toBe(
      '7;2026-03-01T10:00:00.000Z;https://login.example/tenant/v2.0;analyst-1;analyst;398,016;;' +
        'GET /api/indicators/:id;/api/indicators/visits;"{""id"":""visits"",""level"":""municipality""}";' +
        '12;0;ok;200;req-1;127.0.0.1',
    );
    expect(end).toBe('');
  });

  it('keeps what a client sent from becoming a spreadsheet formula', () => {
    const csv = formatAuditCsv([
      { ...sampleAuditEntry({ resource: '=HYPERLINK("http://x")', requestId: '-1+1' }), seq: 1, time: 't' },
    ]);
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(csv).toContain(";'-1+1;");
  });
});
