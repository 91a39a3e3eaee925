import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inflate } from 'node:zlib';
import type { Tags } from './highway-tags.js';
import { ProtoReader } from './protobuf.js';

const inflateAsync = promisify(inflate);

/** What a reader hands on: nodes in WGS84 degrees and ways as node ids with their tags. */
export interface OsmSink {
  node(id: number, lon: number, lat: number): void;
  way(refs: readonly number[], tags: Tags): void;
}

export interface OsmReadOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Features a reader must understand to read a file correctly; anything else is refused. */
const understood = new Set(['OsmSchema-V0.6', 'DenseNodes']);

const abort = () => {
  const error = new Error('the road import was cancelled');
  error.name = 'AbortError';
  return error;
};

/** A Blob's payload: stored raw or zlib-compressed (other compressions are refused). */
const blobData = async (blob: ProtoReader): Promise<Uint8Array> => {
  let raw: Uint8Array | undefined;
  let zlib: Uint8Array | undefined;
  while (!blob.done) {
    const { field, wire } = blob.tag();
    if (field === 1) raw = blob.bytesField();
    else if (field === 3) zlib = blob.bytesField();
    else if (field === 2) blob.varint();
    else if (field >= 4 && field <= 7)
      throw new Error('OSM PBF blob compression other than zlib is not supported');
    else blob.skip(wire);
  }
  if (raw) return raw;
  if (zlib) return new Uint8Array(await inflateAsync(zlib));
  throw new Error('OSM PBF blob without data');
};

const checkHeader = (header: ProtoReader): void => {
  while (!header.done) {
    const { field, wire } = header.tag();
    if (field === 4) {
      const feature = header.string();
      if (!understood.has(feature))
        throw new Error(`OSM PBF file needs "${feature}", which this reader does not support`);
    } else header.skip(wire);
  }
};

interface BlockContext {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

const tagsOf = (keys: readonly number[], values: readonly number[], strings: readonly string[]): Tags => {
  const tags: Tags = {};
  keys.forEach((k, i) => {
    tags[strings[k] ?? ''] = strings[values[i] ?? 0] ?? '';
  });
  return tags;
};

const coordinate = (offset: number, granularity: number, value: number) =>
  (offset + granularity * value) * 1e-9;

const readDenseNodes = (dense: ProtoReader, context: BlockContext, sink: OsmSink): void => {
  let ids: number[] = [];
  let lats: number[] = [];
  let lons: number[] = [];
  while (!dense.done) {
    const { field, wire } = dense.tag();
    if (field === 1) ids = dense.packed(true);
    else if (field === 8) lats = dense.packed(true);
    else if (field === 9) lons = dense.packed(true);
    else dense.skip(wire);
  }
  let id = 0;
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i] as number;
    lat += lats[i] ?? 0;
    lon += lons[i] ?? 0;
    sink.node(
      id,
      coordinate(context.lonOffset, context.granularity, lon),
      coordinate(context.latOffset, context.granularity, lat),
    );
  }
};

const readNode = (node: ProtoReader, context: BlockContext, sink: OsmSink): void => {
  let id = 0;
  let lat = 0;
  let lon = 0;
  while (!node.done) {
    const { field, wire } = node.tag();
    if (field === 1) id = node.signed();
    else if (field === 8) lat = node.signed();
    else if (field === 9) lon = node.signed();
    else node.skip(wire);
  }
  sink.node(
    id,
    coordinate(context.lonOffset, context.granularity, lon),
    coordinate(context.latOffset, context.granularity, lat),
  );
};

const readWay = (way: ProtoReader, context: BlockContext, sink: OsmSink): void => {
  let keys: number[] = [];
  let values: number[] = [];
  let deltas: number[] = [];
  while (!way.done) {
    const { field, wire } = way.tag();
    if (field === 2) keys = way.packed();
    else if (field === 3) values = way.packed();
    else if (field === 8) deltas = way.packed(true);
    else way.skip(wire);
  }
  let ref = 0;
  const refs = deltas.map((delta) => {
    ref += delta;
    return ref;
  });
  sink.way(refs, tagsOf(keys, values, context.strings));
};

const readPrimitiveBlock = (block: ProtoReader, sink: OsmSink): void => {
  const context: BlockContext = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0 };
  const groups: ProtoReader[] = [];
  while (!block.done) {
    const { field, wire } = block.tag();
    if (field === 1) {
      const table = block.sub();
      while (!table.done) {
        const tag = table.tag();
        if (tag.field === 1) context.strings.push(table.string());
        else table.skip(tag.wire);
      }
    } else if (field === 2) groups.push(block.sub());
    else if (field === 17) context.granularity = block.varint();
    else if (field === 19) context.latOffset = block.varint();
    else if (field === 20) context.lonOffset = block.varint();
    else block.skip(wire);
  }
  for (const group of groups) {
    while (!group.done) {
      const { field, wire } = group.tag();
      if (field === 1) readNode(group.sub(), context, sink);
      else if (field === 2) readDenseNodes(group.sub(), context, sink);
      else if (field === 3) readWay(group.sub(), context, sink);
      else group.skip(wire);
    }
  }
};

/**
 * Reads an OpenStreetMap PBF file block by block (https://wiki.openstreetmap.org/wiki/PBF_Format):
 * each block is a 4-byte length, a BlobHeader and a zlib-compressed Blob holding an OSMHeader or a
 * PrimitiveBlock of nodes (plain or dense) and ways. Relations are skipped; roads need none.
 */
export const readOsmPbf = async (
  path: string,
  sink: OsmSink,
  options: OsmReadOptions = {},
): Promise<void> => {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    let position = 0;
    const read = async (length: number): Promise<Uint8Array> => {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      if (bytesRead !== length) throw new Error('OSM PBF file ends in the middle of a block');
      position += length;
      return buffer;
    };
    let sawHeader = false;
    while (position < size) {
      if (options.signal?.aborted) throw abort();
      const lengthBytes = await read(4);
      const headerLength = new DataView(lengthBytes.buffer).getUint32(0, false);
      if (headerLength > 64 * 1024) throw new Error('not an OSM PBF file (BlobHeader too long)');
      const header = new ProtoReader(await read(headerLength));
      let type = '';
      let dataSize = 0;
      while (!header.done) {
        const { field, wire } = header.tag();
        if (field === 1) type = header.string();
        else if (field === 3) dataSize = header.varint();
        else header.skip(wire);
      }
      const blob = new ProtoReader(await read(dataSize));
      if (type === 'OSMHeader') {
        checkHeader(new ProtoReader(await blobData(blob)));
        sawHeader = true;
      } else if (type === 'OSMData') {
        if (!sawHeader) throw new Error('not an OSM PBF file (no OSMHeader first)');
        readPrimitiveBlock(new ProtoReader(await blobData(blob)), sink);
      }
      options.onProgress?.(position, size);
    }
  } finally {
    await file.close();
  }
};
