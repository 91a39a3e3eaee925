import { useEffect, useState } from 'react';

export type ApiState<T> =
  | { status: 'loading' }
  | { status: 'error'; detail: string }
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
    fetch(path, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) return settle({ status: 'error', detail: `HTTP ${response.status}` });
        settle({ status: 'ready', data: (await response.json()) as T });
      })
      .catch((error: unknown) => settle({ status: 'error', detail: String(error) }));
    return () => controller.abort();
  }, [path]);

  // An answer that belongs to an earlier path is not shown while the new one loads.
  return state.path === path ? state.result : loading;
};
