/** The worker thread's side of the matrix pool: keeps the last graph sent and computes ranges of searches. */
import { parentPort } from 'node:worker_threads';
import type { TravelPoint } from '../../model/road.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { computeTravelTimeMatrix } from './compute.js';

export type WorkerRequest =
  | { type: 'graph'; graph: RoadGraph }
  | {
      type: 'compute';
      version: string;
      origins: TravelPoint[];
      destinations: TravelPoint[];
      maxMinutes?: number;
      range: [number, number];
      /** Int32Array over a SharedArrayBuffer: [0] becomes 1 to cancel. */
      cancel: Int32Array;
    };

export type WorkerReply =
  | { type: 'progress'; done: number }
  | { type: 'done'; minutes: Float32Array }
  | { type: 'failed'; message: string; name: string };

let graph: RoadGraph | undefined;
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'graph') {
    graph = request.graph;
    return;
  }
  const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    if (!graph || graph.version !== request.version) throw new Error('the worker holds another graph');
    const cancel = request.cancel;
    const matrix = computeTravelTimeMatrix(
      graph,
      request.origins,
      request.destinations,
      {
        maxMinutes: request.maxMinutes,
        signal: {
          get aborted() {
            return Atomics.load(cancel, 0) === 1;
          },
        },
        onProgress: (done) => reply({ type: 'progress', done }),
      },
      request.range,
    );
    reply({ type: 'done', minutes: matrix.minutes }, [matrix.minutes.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply({ type: 'failed', message: e.message, name: e.name });
  }
});
