import { blobValue } from '@duckdb/node-api';
import type { Store } from '../../store/index.js';
import type { ContractionHierarchy } from '../graph/contraction.js';

/**
 * Contraction hierarchies kept in the store by graph version, so that one is built once per network
 * and speeds, not once per process. The blob is the hierarchy's typed arrays end to end after a small
 * header of their lengths (little-endian, as every platform Node runs on).
 */
const parts = (h: ContractionHierarchy) =>
  [
    h.rank,
    h.upward.offsets,
    h.upward.heads,
    h.upward.seconds,
    h.downward.offsets,
    h.downward.heads,
    h.downward.seconds,
  ] as const;

export const encodeHierarchy = (hierarchy: ContractionHierarchy): Uint8Array => {
  const arrays = parts(hierarchy);
  const header = new Float64Array([
    hierarchy.nodeCount,
    hierarchy.shortcutCount,
    ...arrays.map((a) => a.length),
  ]);
  let size = header.byteLength;
  for (const a of arrays) size = Math.ceil(size / 8) * 8 + a.byteLength;
  const bytes = new Uint8Array(size);
  bytes.set(new Uint8Array(header.buffer), 0);
  let offset = header.byteLength;
  for (const a of arrays) {
    offset = Math.ceil(offset / 8) * 8;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += a.byteLength;
  }
  return bytes;
};

export const decodeHierarchy = (bytes: Uint8Array): ContractionHierarchy => {
  // Copied (a Node Buffer's slice() would be a view into a shared pool) so that every array starts on
  // an 8-byte boundary of a buffer of its own.
  const buffer = new Uint8Array(bytes).buffer;
  const header = new Float64Array(buffer, 0, 9);
  const lengths = Array.from(header.subarray(2), Number);
  let offset = header.byteLength;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, length: number, width: number): T => {
    offset = Math.ceil(offset / 8) * 8;
    const array = make(buffer, offset, length);
    offset += length * width;
    return array;
  };
  const u32 = (length: number) => take((b, o, n) => new Uint32Array(b, o, n), length, 4);
  const f64 = (length: number) => take((b, o, n) => new Float64Array(b, o, n), length, 8);
  const [rank, upOffsets, upHeads, upSeconds, downOffsets, downHeads, downSeconds] = lengths as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    nodeCount: header[0] as number,
    shortcutCount: header[1] as number,
    rank: u32(rank),
    upward: { offsets: u32(upOffsets), heads: u32(upHeads), seconds: f64(upSeconds) },
    downward: { offsets: u32(downOffsets), heads: u32(downHeads), seconds: f64(downSeconds) },
  };
};

export const saveHierarchy = async (
  store: Store,
  version: string,
  hierarchy: ContractionHierarchy,
): Promise<void> => {
  await store.run('DELETE FROM road_hierarchies WHERE version = $1', [version]);
  await store.run('INSERT INTO road_hierarchies VALUES ($1, $2, now())', [
    version,
    blobValue(encodeHierarchy(hierarchy)),
  ]);
};

export const readHierarchy = async (
  store: Store,
  version: string,
): Promise<ContractionHierarchy | undefined> => {
  const reader = await store.connection.runAndReadAll(
    'SELECT data FROM road_hierarchies WHERE version = $1',
    [version],
  );
  const value = reader.getColumnsJS()[0]?.[0];
  return value instanceof Uint8Array ? decodeHierarchy(value) : undefined;
};
