import type { z } from 'zod';
import { type ApiError, type ErrorCode, SoteatlasError } from '../model/index.js';

/** The one place where an error's code becomes an HTTP status. */
export const statusOfCode: Readonly<Record<ErrorCode, number>> = {
  invalidRequest: 400,
  unauthorised: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  invalidDataset: 422,
  tooLarge: 413,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
  timedOut: 503,
};

/** Codes for what Fastify itself refuses before a handler runs, by the status it gives. */
const codeOfFrameworkStatus: Readonly<Record<number, ErrorCode>> = {
  413: 'tooLarge',
  429: 'tooManyRequests',
};

const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** An invalidRequest naming each failed check, e.g. "year: Too small: expected number to be >=1900". */
export const invalidParameters = (where: 'query' | 'path' | 'body', error: z.ZodError): SoteatlasError => {
  const issues = error.issues.map((issue) => ({
    path: pathText(issue.path),
    message:
      issue.code === 'unrecognized_keys'
        ? `Unknown ${where} parameter: ${issue.keys.join(', ')}`
        : issue.message,
  }));
  return new SoteatlasError(
    'invalidRequest',
    `Invalid ${where} parameters: ${issues
      .map(({ path, message }) => (path ? `${path}: ${message}` : message))
      .join('; ')}`,
    { details: { where }, issues },
  );
};

/**
 * A defect's answer: the same words whatever went wrong, so that no stack, path, SQL or message of a
 * library reaches the client; the request id finds the details in the server log.
 */
const internalAnswer = (requestId: string | undefined): { status: number; body: ApiError } => ({
  status: 500,
  body: {
    error: 'internal',
    message: 'Something failed on the server; the log has the details.',
    ...(requestId !== undefined && { requestId }),
  },
});

/** DuckDB's words for a write to a store opened read-only, as servers sharing a store open it. */
const writesReadOnlyStore = (error: unknown): boolean =>
  error instanceof Error && /attached in read-only mode/.test(error.message);

const readOnlyStore = new SoteatlasError(
  'unavailable',
  'This server serves its store read-only, beside other servers; import into a copy of the store from the command line.',
);

/**
 * Any error as the API answers it. A SoteatlasError keeps its code, and an error Fastify raised about the
 * request itself (a body that is not JSON, one too large) its 4xx status; anything else is a defect, and
 * the answer tells nothing of it but the request id.
 */
export const errorAnswer = (error: unknown, requestId?: string): { status: number; body: ApiError } => {
  if (error instanceof SoteatlasError) {
    if (error.code === 'internal') return internalAnswer(requestId);
    const body: ApiError = { error: error.code, message: error.message };
    if (error.details) body.details = error.details;
    if (error.issues) body.issues = [...error.issues];
    return { status: statusOfCode[error.code], body };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = (error as { message?: unknown }).message;
    return {
      status,
      body: {
        error: codeOfFrameworkStatus[status] ?? 'invalidRequest',
        message: typeof message === 'string' ? message : 'Bad request.',
      },
    };
  }
  if (writesReadOnlyStore(error)) return errorAnswer(readOnlyStore, requestId);
  return internalAnswer(requestId);
};
