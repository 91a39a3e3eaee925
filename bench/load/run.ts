import type { Role } from '../../src/model/index.js';
import type { Catalogue, LoadRequest, RequestKind } from './mix.js';
import { nextRequest, randomOf } from './mix.js';
import type { Session } from './session.js';

/** One request of the run: what it was, how it was answered, and how long it took. */
export interface Sample {
  kind: RequestKind;
  status: number;
  ms: number;
  /** For a failed request: what was asked and what came back. */
  error?: string;
}

const describeFailure = (request: LoadRequest, status: number, body: unknown): string =>
  `${request.method} ${request.path.split('?')[0]} → ${status} ${
    typeof body === 'object' && body !== null && 'message' in body
      ? String(body.message)
      : String(body).slice(0, 120)
  }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One session until `until` (a performance.now() time): a request, a pause of about `thinkMs` (half to one
 * and a half times, so that sessions drift apart), the next. A request under way at the end is awaited.
 */
export const runSession = async (
  session: Session,
  catalogue: Catalogue,
  options: { seed: number; thinkMs: number; until: number; now: () => number },
): Promise<Sample[]> => {
  const random = randomOf(options.seed);
  const samples: Sample[] = [];
  let scenarioId: string | undefined;
  // Sessions start spread over one pause, not all in the same millisecond.
  await sleep(random() * options.thinkMs);
  while (options.now() < options.until) {
    const request = nextRequest(random, session.role as Role, catalogue, scenarioId);
    try {
      const { status, ms, body } = await session.send(request.method, request.path, request.body);
      const ok = status >= 200 && status < 300;
      samples.push({
        kind: request.kind,
        status,
        ms,
        ...(!ok && { error: describeFailure(request, status, body) }),
      });
      if (ok && request.kind === 'saveScenario' && scenarioId === undefined)
        scenarioId = (body as { id?: string }).id;
    } catch (error) {
      samples.push({
        kind: request.kind,
        status: 0,
        ms: 0,
        error: `${request.method} ${request.path.split('?')[0]} → ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    if (options.thinkMs > 0) await sleep(options.thinkMs * (0.5 + random()));
  }
  return samples;
};
