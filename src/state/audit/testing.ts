import type { AuditEntry } from '../../model/index.js';

/** A test key: 32 characters and more, as the log asks. */
export const testAuditKey = Buffer.from('a test key that is long enough for the audit log');

/** An entry of a signed-in analyst reading an indicator; `overrides` changes what a test is about. */
export const sampleAuditEntry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  user: { issuer: 'https://login.example/tenant/v2.0', subject: 'analyst-1' },
  roles: ['analyst'],
  scope: {},
  action: 'GET /api/indicators/:id',
  resource: '/api/indicators/visits',
  parameters: { id: 'visits', level: 'municipality' },
  rowsReturned: 12,
  cellsSuppressed: 0,
  outcome: 'ok',
  status: 200,
  requestId: 'req-1',
  sourceAddress: '127.0.0.1',
  ...overrides,
});
