import { ErrorCode, ErrorDetails } from '../../../src/model/index.js';

/** Why a request failed: the code the server answered with, or offline when no answer came at all. */
export type FailureReason = ErrorCode | 'offline';

/**
 * A request the server refused or failed. The message is the server's, for developers and the console;
 * what a reader sees is the reason's text in their own language (see errorText).
 */
export class RequestFailure extends Error {
  override name = 'RequestFailure';
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** The values the server's message was made from, for a page that words a refusal itself. */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** The failure a non-2xx answer stands for: the code its body names, or internal when it names none. */
export const failureOf = async (response: Response): Promise<RequestFailure> => {
  const body = (await response.json().catch(() => null)) as {
    error?: unknown;
    message?: unknown;
    details?: unknown;
  } | null;
  const code = ErrorCode.safeParse(body?.error);
  const message = typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
  const details = ErrorDetails.safeParse(body?.details);
  return new RequestFailure(
    code.success ? code.data : 'internal',
    message,
    details.success ? details.data : {},
  );
};

/** Whatever a request threw, as a reason: fetch itself rejects with a TypeError when no answer came. */
export const reasonOf = (error: unknown): FailureReason =>
  error instanceof RequestFailure ? error.reason : error instanceof TypeError ? 'offline' : 'internal';

/** GETs JSON, throwing a RequestFailure for an answer that is not 2xx. */
export const getJson = async <T>(path: string, signal?: AbortSignal): Promise<T> => {
  const response = await fetch(path, { headers: { accept: 'application/json' }, ...(signal && { signal }) });
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
};
