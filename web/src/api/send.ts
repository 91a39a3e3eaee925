import { csrfHeaders } from './csrf.js';
import { failureOf } from './failure.js';

/**
 * Sends JSON to the Soteatlas API (POST, PUT or DELETE) with the session's CSRF token and reads the JSON
 * answer (undefined for 204 No Content). A refusal throws a RequestFailure with the server's code.
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
      ...csrfHeaders(),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    ...(signal && { signal }),
  });
  if (!response.ok) throw await failureOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
};
