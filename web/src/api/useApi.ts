import { useEffect, useState } from 'react';
import { type FailureReason, getJson, reasonOf } from './failure.js';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; reason: FailureReason }
  | { status: 'ready'; data: T };

const loading = { status: 'loading' } as const;

/**
 * GETs a JSON path of the Soteatlas API and follows it when the path changes. A null path waits (for a
 * request that depends on another one). The answer is trusted to have the shape the server's zod schemas
 * give it: server and app are built from the same model.
 */
export const useApi = <T>(path: string | null): ApiState<T> => {
  const [state, setState] = useState<{ path: string | null; result: ApiState<T> }>({ path, result: loading });

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const settle = (result: ApiState<T>) => {
      if (!controller.signal.aborted) setState({ path, result });
    };
    getJson<T>(path, controller.signal)
      .then((data) => settle({ status: 'ready', data }))
      .catch((error: unknown) => settle({ status: 'error', reason: reasonOf(error) }));
    return () => controller.abort();
  }, [path]);

  // An answer that belongs to an earlier path is not shown while the new one loads.
  return state.path === path ? state.result : loading;
};
