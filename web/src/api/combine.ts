import type { ApiState } from './useApi.js';

/** Several requests as one: ready when all are, failed when any is (the first failure is reported). */
export const combine = <T extends unknown[]>(...states: { [K in keyof T]: ApiState<T[K]> }): ApiState<T> => {
  const values: unknown[] = [];
  for (const state of states) {
    if (state.status === 'error') return state;
  }
  for (const state of states) {
    if (state.status === 'loading') return state;
    if (state.status === 'ready') values.push(state.data);
  }
  return { status: 'ready', data: values as T };
};
