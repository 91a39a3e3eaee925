/**
 * The session's proof that a write comes from this app (the server compares it with the session's own).
 * It is kept here, beside the one function that sends writes, so that every POST, PUT and DELETE carries
 * it without each caller passing it along; the session sets it whenever it is read.
 */
let csrfToken: string | undefined;

export const rememberCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};

export const csrfHeaders = (): Record<string, string> =>
  csrfToken === undefined ? {} : { 'x-csrf-token': csrfToken };
