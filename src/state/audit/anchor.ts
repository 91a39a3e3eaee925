import type { AuditAnchor } from '../../model/index.js';
import type { StateDb } from '../state-db.js';
import { chainTail } from './tail.js';

/** The anchor to export now: the newest row's number and HMAC (see model/audit.ts). */
export const auditAnchor = async (state: StateDb, now = new Date()): Promise<AuditAnchor> => {
  const tail = await chainTail(state, state.county);
  return { county: state.county, seq: tail.seq, hmac: tail.hmac, exportedAt: now.toISOString() };
};
