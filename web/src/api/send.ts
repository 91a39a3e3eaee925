/**
 * Sends JSON to the Soteatlas API (POST, PUT or DELETE) and reads the JSON answer. A refusal carries
 * the server's own message, which names what was wrong.
 */
export const sendJson = async <T>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
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
  const answer = (await response.json().catch(() => null)) as { message?: string } | null;
  if (!response.ok) throw new Error(answer?.message ?? `HTTP ${response.status}`);
  return answer as T;
};
