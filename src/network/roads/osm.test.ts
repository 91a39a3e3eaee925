import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { toEtrsTm35fin } from '../../model/index.js';
import { buildRoadGraph } from '../graph/road-graph.js';
import type { RoadNetwork } from '../graph/road-network.js';
import { readRoadFile } from './import-roads.js';
import { ProtoWriter } from './protobuf.js';
import { loadRoadSpeeds } from './speeds.js';

const dir = mkdtempSync(join(tmpdir(), 'soteatlas-osm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Six nodes about 100–200 m apart in Helsinki, and ways: a primary road 1–2–3 (2 a shape point until
// way 14 joins it), a one-way residential street 3→4, a footway 4–5, a building 5–6 (not a road), a
// residential street 6–2 and a track to node 99, which the extract does not include.
const nodes = [
  { id: 1, lon: 24.94, lat: 60.17 },
  { id: 2, lon: 24.942, lat: 60.1705 },
  { id: 3, lon: 24.944, lat: 60.17 },
  { id: 4, lon: 24.946, lat: 60.171 },
  { id: 5, lon: 24.948, lat: 60.171 },
  { id: 6, lon: 24.942, lat: 60.172 },
];
const ways = [
  { id: 10, refs: [1, 2, 3], tags: { highway: 'primary', name: 'Mannerheimintie & "Esplanadi"' } },
  { id: 11, refs: [3, 4], tags: { highway: 'residential', oneway: 'yes', maxspeed: '20' } },
  { id: 12, refs: [4, 5], tags: { highway: 'footway' } },
  { id: 13, refs: [5, 6], tags: { building: 'yes' } },
  { id: 14, refs: [6, 2], tags: { highway: 'residential' } },
  { id: 15, refs: [5, 99], tags: { highway: 'track' } },
];

const osmXml = (): string => {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">'];
  for (const n of nodes) {
    lines.push(
      n.id === 4
        ? `  <node id="${n.id}" lat="${n.lat}" lon="${n.lon}" version="1"><tag k="highway" v="crossing"/></node>`
        : `  <node id="${n.id}" lat="${n.lat}" lon="${n.lon}"/>`,
    );
  }
  for (const w of ways) {
    lines.push(`  <way id="${w.id}">`);
    for (const r of w.refs) lines.push(`    <nd ref="${r}"/>`);
    for (const [k, v] of Object.entries(w.tags)) lines.push(`    <tag k="${k}" v="${escapeXml(v)}"/>`);
    lines.push('  </way>');
  }
  lines.push('  <relation id="7"><member type="way" ref="10" role=""/></relation>', '</osm>');
  return lines.join('\n');
};

const blob = (type: string, payload: Uint8Array, compress: boolean): Uint8Array => {
  const body = compress
    ? new ProtoWriter().varint(2, payload.length).bytes(3, deflateSync(payload)).finish()
    : new ProtoWriter().bytes(1, payload).finish();
  const header = new ProtoWriter().string(1, type).varint(3, body.length).finish();
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, header.length, false);
  return Uint8Array.from([...length, ...header, ...body]);
};

const delta = (values: number[]) => values.map((v, i) => v - (i > 0 ? (values[i - 1] as number) : 0));

/** A PBF file as osmium writes it: a header block, then dense nodes (one node plain), then ways. */
const osmPbf = (): Uint8Array => {
  const header = new ProtoWriter()
    .string(4, 'OsmSchema-V0.6')
    .string(4, 'DenseNodes')
    .string(16, 'test')
    .finish();
  const strings = [''];
  const index = (s: string) => {
    const i = strings.indexOf(s);
    return i >= 0 ? i : strings.push(s) - 1;
  };
  // Granularity 100 nanodegrees with offsets, as the format allows; coordinates are exact multiples.
  const granularity = 100;
  const latOffset = 60_000_000_000;
  const lonOffset = 24_000_000_000;
  const lat = (d: number) => Math.round((d * 1e9 - latOffset) / granularity);
  const lon = (d: number) => Math.round((d * 1e9 - lonOffset) / granularity);
  const dense = nodes.slice(0, 5);
  const denseNodes = new ProtoWriter()
    .packed(1, delta(dense.map((n) => n.id)), true)
    .packed(8, delta(dense.map((n) => lat(n.lat))), true)
    .packed(9, delta(dense.map((n) => lon(n.lon))), true);
  const plain = nodes[5] as (typeof nodes)[number];
  const plainNode = new ProtoWriter().signed(1, plain.id).signed(8, lat(plain.lat)).signed(9, lon(plain.lon));
  const wayGroup = new ProtoWriter();
  for (const w of ways) {
    const entries = Object.entries(w.tags);
    wayGroup.message(
      3,
      new ProtoWriter()
        .varint(1, w.id)
        .packed(
          2,
          entries.map(([k]) => index(k)),
        )
        .packed(
          3,
          entries.map(([, v]) => index(v)),
        )
        .packed(8, delta(w.refs), true),
    );
  }
  const table = new ProtoWriter();
  const groups = [
    new ProtoWriter().message(2, denseNodes),
    new ProtoWriter().message(1, plainNode),
    wayGroup,
  ];
  for (const s of strings) table.string(1, s);
  const block = new ProtoWriter().message(1, table);
  for (const g of groups) block.message(2, g);
  block.varint(17, granularity).varint(19, latOffset).varint(20, lonOffset);
  return Uint8Array.from([...blob('OSMHeader', header, false), ...blob('OSMData', block.finish(), true)]);
};

/** Edges as readable tuples, independent of node numbering: [from lon/lat index, to, class, oneway]. */
const describeNetwork = (network: RoadNetwork) => {
  const nodeName = (i: number) => {
    const x = network.nodeX[i] as number;
    const y = network.nodeY[i] as number;
    return nodes.find((n) => {
      const p = toEtrsTm35fin(n.lon, n.lat);
      return Math.abs(p.x - x) < 0.01 && Math.abs(p.y - y) < 0.01;
    })?.id;
  };
  return Array.from(network.edgeFrom, (from, e) => [
    nodeName(from),
    nodeName(network.edgeTo[e] as number),
    network.classNames[network.edgeClass[e] as number],
    network.edgeOneway[e],
    network.edgeMaxSpeedKmh[e],
  ]).sort();
};

const expectedEdges = [
  [1, 2, 'primary', 0, 0],
  [2, 3, 'primary', 0, 0],
  [3, 4, 'residential', 1, 20],
  [4, 5, 'footway', 0, 0],
  [6, 2, 'residential', 0, 0],
].sort();

describe('OpenStreetMap road import', () => {
  it('reads OSM XML: highway ways split at shared nodes, other ways and missing nodes left out', async () => {
    const path = join(dir, 'tiny.osm');
    writeFileSync(path, osmXml());
    const { network, format } = await readRoadFile(path);
    expect(format).toBe('osm-xml');
    expect(network.nodeX.length).toBe(6);
    expect(describeNetwork(network)).toEqual(expectedEdges);
  });

  it('reads OSM PBF (dense and plain nodes, zlib and raw blobs) into the same network as the XML', async () => {
    const pbf = join(dir, 'tiny.osm.pbf');
    writeFileSync(pbf, osmPbf());
    const xml = join(dir, 'same.osm');
    writeFileSync(xml, osmXml());
    const fromPbf = (await readRoadFile(pbf)).network;
    expect(describeNetwork(fromPbf)).toEqual(expectedEdges);
    const fromXml = (await readRoadFile(xml)).network;
    // Nanodegree arithmetic differs from decimal text in the last bits: equal to the micrometre.
    const pbfLengths = [...fromPbf.edgeLengthMetres].sort();
    for (const [i, length] of [...fromXml.edgeLengthMetres].sort().entries()) {
      expect(pbfLengths[i]).toBeCloseTo(length, 6);
    }
  });

  it('measures lengths along shape points and gives car and walking graphs their own arcs', async () => {
    const path = join(dir, 'lengths.osm');
    writeFileSync(path, osmXml());
    const { network } = await readRoadFile(path);
    const p = nodes.map((n) => toEtrsTm35fin(n.lon, n.lat));
    const primary = Array.from(network.edgeLengthMetres).filter(
      (_, e) => network.classNames[network.edgeClass[e] as number] === 'primary',
    );
    const straight = (a: number, b: number) =>
      Math.hypot((p[a]?.x ?? 0) - (p[b]?.x ?? 0), (p[a]?.y ?? 0) - (p[b]?.y ?? 0));
    expect(primary.sort((a, b) => a - b)).toEqual([straight(0, 1), straight(1, 2)].sort((a, b) => a - b));
    const speeds = loadRoadSpeeds();
    const car = buildRoadGraph(network, speeds, 'car');
    const walk = buildRoadGraph(network, speeds, 'walk');
    // Car: primary and residential both ways except the one-way street; no footway.
    expect(car.forward.heads.length).toBe(2 + 2 + 1 + 2);
    expect(walk.forward.heads.length).toBe(2 * 5);
  });

  it('refuses a PBF file that needs a feature the reader lacks', async () => {
    const path = join(dir, 'history.osm.pbf');
    const header = new ProtoWriter().string(4, 'OsmSchema-V0.6').string(4, 'HistoricalInformation').finish();
    writeFileSync(path, blob('OSMHeader', header, true));
    await expect(readRoadFile(path)).rejects.toThrow(/HistoricalInformation/);
  });
});
