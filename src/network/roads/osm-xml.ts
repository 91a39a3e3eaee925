import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Tags } from './highway-tags.js';
import type { OsmReadOptions, OsmSink } from './osm-pbf.js';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (value: string): string =>
  value.includes('&')
    ? value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === '#') {
          const code =
            name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
          return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
        }
        return entities[name] ?? whole;
      })
    : value;

const attributePattern = /([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

const attributesOf = (text: string): Record<string, string> => {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(attributePattern)) {
    attributes[match[1] as string] = decode(match[3] ?? match[4] ?? '');
  }
  return attributes;
};

/** The end of the tag that starts at `start` ('<'), skipping '>' inside quoted attribute values; -1 if not in the text yet. */
const tagEnd = (text: string, start: number): number => {
  let quote = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
};

/**
 * Reads OpenStreetMap XML as a stream of tags: only the elements a road network needs (node, way,
 * nd, tag) are looked at, so memory holds one chunk and the way being read, whatever the file's size.
 */
export const readOsmXml = async (
  path: string,
  sink: OsmSink,
  options: OsmReadOptions = {},
): Promise<void> => {
  const { size } = await stat(path);
  let pending = '';
  let bytesRead = 0;
  let way: { refs: number[]; tags: Tags } | undefined;
  let nodeTags = false;
  const onTag = (tag: string) => {
    if (tag.startsWith('<?') || tag.startsWith('<!')) return;
    const closing = tag[1] === '/';
    const name = /^<\/?([\w:-]+)/.exec(tag)?.[1];
    const selfClosing = tag.endsWith('/>');
    if (closing) {
      if (name === 'way' && way) {
        sink.way(way.refs, way.tags);
        way = undefined;
      } else if (name === 'node') nodeTags = false;
      return;
    }
    if (name === 'node') {
      const a = attributesOf(tag);
      sink.node(Number(a.id), Number(a.lon), Number(a.lat));
      nodeTags = !selfClosing;
    } else if (name === 'way') {
      way = { refs: [], tags: {} };
      if (selfClosing) {
        sink.way(way.refs, way.tags);
        way = undefined;
      }
    } else if (name === 'nd' && way) {
      way.refs.push(Number(attributesOf(tag).ref));
    } else if (name === 'tag' && way && !nodeTags) {
      const a = attributesOf(tag);
      if (a.k !== undefined) way.tags[a.k] = a.v ?? '';
    }
  };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    if (options.signal?.aborted) {
      stream.destroy();
      const error = new Error('the road import was cancelled');
      error.name = 'AbortError';
      throw error;
    }
    bytesRead += Buffer.byteLength(chunk);
    const text = pending + chunk;
    let i = text.indexOf('<');
    let consumed = 0;
    while (i >= 0) {
      const end = tagEnd(text, i);
      if (end < 0) break;
      onTag(text.slice(i, end + 1));
      consumed = end + 1;
      i = text.indexOf('<', consumed);
    }
    pending = i >= 0 ? text.slice(i) : '';
    if (pending.length > 1 << 24) throw new Error('OSM XML tag longer than 16 MB: not an OSM file');
    options.onProgress?.(bytesRead, size);
  }
};
