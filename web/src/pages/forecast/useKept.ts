import { useState } from 'react';
import type { ApiState } from '../../api/useApi.js';

/**
 * The last answer that came, kept on screen while the next one loads: changing the area, variant or year
 * dims the figures (busy) instead of replacing them with "Loading…" and making the page jump. A failure
 * is shown as it is, never hidden behind older figures.
 */
export const useKept = <T>(state: ApiState<T>): { state: ApiState<T>; busy: boolean } => {
  const [kept, setKept] = useState<{ data: T } | undefined>(undefined);
  if (state.status === 'ready' && kept?.data !== state.data) setKept({ data: state.data });
  if (state.status === 'loading' && kept) return { state: { status: 'ready', data: kept.data }, busy: true };
  return { state, busy: false };
};
