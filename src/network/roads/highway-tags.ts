import type { Oneway } from '../graph/road-network.js';

export type Tags = Record<string, string>;

/** The travel direction cars may use: oneway=yes/true/1 or -1/reverse; roundabouts and motorways are one-way unless tagged otherwise. */
export const onewayOf = (tags: Tags): Oneway => {
  const value = tags.oneway?.toLowerCase();
  if (value === 'yes' || value === 'true' || value === '1') return 1;
  if (value === '-1' || value === 'reverse') return -1;
  if (value === 'no' || value === 'false' || value === '0') return 0;
  if (tags.junction === 'roundabout' || tags.junction === 'circular') return 1;
  if (tags.highway === 'motorway' || tags.highway === 'motorway_link') return 1;
  return 0;
};

/** Finnish implicit limits (maxspeed=FI:urban …) in km/h. */
const implicitLimits: Record<string, number> = {
  'FI:urban': 50,
  'FI:rural': 80,
  'FI:motorway': 120,
  'FI:living_street': 20,
  'FI:zone20': 20,
  'FI:zone30': 30,
  'FI:zone40': 40,
};

/** A way's speed limit in km/h, or 0 when it has none that can be read. */
export const maxSpeedOf = (tags: Tags): number => {
  const value = tags.maxspeed?.trim();
  if (!value) return 0;
  const implicit = implicitLimits[value];
  if (implicit) return implicit;
  const match = /^(\d+(?:\.\d+)?)\s*(mph)?$/i.exec(value);
  if (!match) return 0;
  const number = Number(match[1]);
  return match[2] ? number * 1.609344 : number;
};

/** Ways nobody may use (access=no or private without a more specific permission) are left out. */
export const isClosed = (tags: Tags): boolean =>
  ((tags.access === 'no' || tags.access === 'private') && !tags.motor_vehicle && !tags.foot) ||
  tags.area === 'yes';
