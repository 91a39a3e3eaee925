import { failureOf } from './failure.js';

/**
 * Sends JSON to the Soteatlas API (POST, PUT or DELETE) and reads the JSON answer. A refusal throws a
 * RequestFailure with the server's code.
 */
export const sendJson = async <T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  { body, signal }: { body?: unknown; signal?: AbortSignal | undefined } = {},
): Promise<T> => {
  const response = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...(signal && { signal }),
  });
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
};
