/**
 * The largest JSON body a route takes unless it says otherwise. The API's edits (a monitoring set of 60
 * items, a target, a forecast variant) are a few kilobytes; a small limit keeps a client from making the
 * server hold and parse megabytes it will refuse anyway.
 */
export const defaultBodyLimitBytes = 64 * 1024;

export const mebibytes = (count: number): number => count * 1024 * 1024;
