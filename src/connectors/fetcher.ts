/**
 * How a connector asks an open-data service for something. Connectors build requests and read answers;
 * a Fetcher carries them: over HTTPS (through a proxy, with a cache and the service's rate limit) or from
 * answers recorded earlier, so that tests and `--from-file` never reach the network.
 */
export interface SourceRequest {
  url: string;
  method?: 'GET' | 'POST';
  /** A JSON body for POST (PxWeb queries). */
  body?: unknown;
  /** The Accept header, e.g. `application/json`. */
  accept?: string;
}

export interface SourceAnswer {
  url: string;
  status: number;
  body: Uint8Array;
  contentType: string | undefined;
  /** When the service gave this answer (ISO 8601); for a cached answer, when it was last confirmed. */
  fetchedAt: string;
  /** True when the answer came from the cache (confirmed by the service's validators, or offline replay). */
  fromCache: boolean;
}

export interface Fetcher {
  fetch(request: SourceRequest): Promise<SourceAnswer>;
}

/** The service could not be reached at all (no route, DNS, proxy refused, timeout): said plainly to the user. */
export class SourceUnreachable extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url} could not be reached: ${reason}`);
    this.name = 'SourceUnreachable';
  }
}

/** The service answered with an error status; its own message is kept for the user. */
export class SourceRefused extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${url} answered ${status}: ${detail}`);
    this.name = 'SourceRefused';
  }
}

export const answerText = (answer: SourceAnswer): string => new TextDecoder('utf-8').decode(answer.body);
export const answerJson = (answer: SourceAnswer): unknown => JSON.parse(answerText(answer));
