import { z } from 'zod';

/**
 * What went wrong, in words a client can act on. Engines say which; only the server turns a code into an
 * HTTP status, and only the web app turns it into a sentence in the reader's language.
 */
export const ErrorCode = z.enum([
  /** The request asks for something that cannot be: a parameter out of range, an impossible combination. */
  'invalidRequest',
  /** The thing named is not there. */
  'notFound',
  /** The viewer is not signed in, and only someone signed in may do this. */
  'unauthorised',
  /** The viewer is signed in but may not do this (or the request did not prove it came from the app). */
  'forbidden',
  /** The request clashes with what is stored: a name taken, an edit made on a stale version. */
  'conflict',
  /** A dataset sent for import is not one the importer can read. */
  'invalidDataset',
  /** Something the work needs is out of reach for now (a browser to print with). */
  'unavailable',
  /** The request's body is larger than the route takes. */
  'tooLarge',
  /** The client has asked too often of a limited route; the answer says when to try again. */
  'tooManyRequests',
  /** The work took longer than the route allows and was stopped; a narrower request may finish. */
  'timedOut',
  /** A defect: the message stays in the log. */
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One failed check of a request: where (dot-separated path, empty for the whole) and why. */
export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** The values a message was made from (an id, a name, a version), so that a client can word it itself. */
export const ErrorDetails = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export interface SoteatlasErrorOptions {
  details?: ErrorDetails;
  issues?: readonly ErrorIssue[];
}

/**
 * The one error a user can be shown: a code, a message for developers and logs (in English), and the
 * values it names. A plain Error thrown anywhere is a defect.
 */
export class SoteatlasError extends Error {
  override name = 'SoteatlasError';
  readonly details: ErrorDetails | undefined;
  readonly issues: readonly ErrorIssue[] | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    { details, issues }: SoteatlasErrorOptions = {},
  ) {
    super(message);
    this.details = details;
    this.issues = issues;
  }
}

export const isSoteatlasError = (error: unknown, code?: ErrorCode): error is SoteatlasError =>
  error instanceof SoteatlasError && (code === undefined || error.code === code);
