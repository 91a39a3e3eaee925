/** The worker thread's side of the matrix pool: keeps the last graph sent and computes ranges of searches. */
import { parentPort } from 'node:worker_threads';
import type { TravelPoint } from '../../model/index.js';
import { type ContractionHierarchy, contractGraph } from '../graph/contraction.js';
import type { RoadGraph } from '../graph/road-graph.js';
import { computeTravelTimeMatrix } from './compute.js';

export type WorkerRequest =
  | { type: 'graph'; graph: RoadGraph }
  | { type: 'hierarchy'; version: string; hierarchy: ContractionHierarchy }
  | { type: 'contract'; version: string; cancel: Int32Array }
  | {
      type: 'compute';
      version: string;
      useHierarchy: boolean;
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
  | { type: 'contracted'; hierarchy: ContractionHierarchy }
  | { type: 'failed'; message: string; name: string };

let graph: RoadGraph | undefined;
let hierarchy: { version: string; hierarchy: ContractionHierarchy } | undefined;
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'graph') {
    graph = request.graph;
    return;
  }
  if (request.type === 'hierarchy') {
    hierarchy = { version: request.version, hierarchy: request.hierarchy };
    return;
  }
  const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    if (!graph || graph.version !== request.version) throw new Error('the worker holds another graph');
    if (request.type === 'contract') {
      const cancel = request.cancel;
      const built = contractGraph(graph.forward, {
        onProgress: (done) => reply({ type: 'progress', done }),
        signal: {
          get aborted() {
            return Atomics.load(cancel, 0) === 1;
          },
        },
      });
      hierarchy = { version: graph.version, hierarchy: built };
      reply({ type: 'contracted', hierarchy: built });
      return;
    }
    if (request.useHierarchy && hierarchy?.version !== graph.version) {
      throw new Error('the worker holds no hierarchy of this graph');
    }
    const cancel = request.cancel;
    const matrix = computeTravelTimeMatrix(graph, request.origins, request.destinations, {
      maxMinutes: request.maxMinutes,
      signal: {
        get aborted() {
          return Atomics.load(cancel, 0) === 1;
        },
      },
      onProgress: (done) => reply({ type: 'progress', done }),
      hierarchy: request.useHierarchy ? hierarchy?.hierarchy : undefined,
      searchRange: request.range,
    });
    reply({ type: 'done', minutes: matrix.minutes }, [matrix.minutes.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply({ type: 'failed', message: e.message, name: e.name });
  }
});
