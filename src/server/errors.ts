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
  internal: 500,
  unavailable: 503,
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

const internalMessage = 'Something failed on the server; the log has the details.';

/**
 * Any error as the API answers it. A SoteatlasError keeps its code; an error Fastify raised about the
 * request itself (a body that is not JSON, one too large) is an invalidRequest that keeps Fastify's 4xx
 * status; anything else is a defect, and the answer tells nothing of it.
 */
export const errorAnswer = (error: unknown): { status: number; body: ApiError } => {
  if (error instanceof SoteatlasError) {
    const known = error;
    const body: ApiError = { error: known.code, message: known.message };
    if (known.details) body.details = known.details;
    if (known.issues) body.issues = [...known.issues];
    return {
      status: statusOfCode[known.code],
      body: known.code === 'internal' ? { error: 'internal', message: internalMessage } : body,
    };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = (error as { message?: unknown }).message;
    return {
      status,
      body: { error: 'invalidRequest', message: typeof message === 'string' ? message : 'Bad request.' },
    };
  }
  return { status: 500, body: { error: 'internal', message: internalMessage } };
};
