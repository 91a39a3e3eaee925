import type { z } from 'zod';
import type { ApiError } from '../model/index.js';

const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** A 400 answer naming each failed check, e.g. "year: Too small: expected number to be >=1900". */
export const invalidParameters = (where: 'query' | 'path' | 'body', error: z.ZodError): ApiError => {
  const issues = error.issues.map((issue) => ({
    path: pathText(issue.path),
    message:
      issue.code === 'unrecognized_keys'
        ? `Unknown ${where} parameter: ${issue.keys.join(', ')}`
        : issue.message,
  }));
  return {
    error: 'badRequest',
    message: `Invalid ${where} parameters: ${issues
      .map(({ path, message }) => (path ? `${path}: ${message}` : message))
      .join('; ')}`,
    issues,
  };
};

export const notFound = (message: string): ApiError => ({ error: 'notFound', message });

export const internalError = (): ApiError => ({
  error: 'internal',
  message: 'Something failed on the server; the log has the details.',
});
