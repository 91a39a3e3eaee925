import type { MunicipalityKind } from './county-definition.js';
import { cellCentre, distanceKm, type GridWindow } from './grid.js';
import { hash32, hashUnit, Random } from './random.js';
import type { Territory } from './territory.js';
import { valueNoise } from './value-noise.js';

/**
 * Where people live inside each municipality: a dense centre, a few villages and scattered houses
 * along roads and shores, none on lakes. The three parts get fixed shares of the municipality's
 * residents by its kind, so a rural municipality really is mostly countryside.
 */
export interface Settlement {
  /** Relative residential weight per cell; it sums to 1 over each municipality's cells. */
  weight: Float64Array;
  /** 0 for remote countryside, 1 for a town centre; shifts the age structure. */
  urbanity: Float64Array;
  /** 1 for lake cells, which nobody lives in. */
  lake: Uint8Array;
}

export interface SettledMunicipality {
  kind: MunicipalityKind;
  seat: { x: number; y: number };
  /** Residents of the municipality at the reference size, used only to set urbanity from density. */
  referenceResidents: number;
}

interface Profile {
  /** Decay length of the centre's density, km. */
  centreKm: number;
  villages: number;
  shares: { centre: number; villages: number; scattered: number };
}

const profiles: Record<MunicipalityKind, Profile> = {
  centre: { centreKm: 2.5, villages: 4, shares: { centre: 0.78, villages: 0.14, scattered: 0.08 } },
  town: { centreKm: 1.6, villages: 2, shares: { centre: 0.62, villages: 0.13, scattered: 0.25 } },
  suburb: { centreKm: 1.8, villages: 2, shares: { centre: 0.5, villages: 0.25, scattered: 0.25 } },
  rural: { centreKm: 1.0, villages: 3, shares: { centre: 0.38, villages: 0.22, scattered: 0.4 } },
};

export const settle = (
  seed: number,
  territory: Territory,
  municipalities: readonly SettledMunicipality[],
): Settlement => {
  const { window, inCounty, owner } = territory;
  const size = window.width * window.height;
  const lake = drawLakes(seed, window, { inCounty, municipalities });
  const cellsOf: number[][] = municipalities.map(() => []);
  for (let cell = 0; cell < size; cell++) {
    const o = owner[cell] ?? -1;
    if (o >= 0 && lake[cell] === 0) cellsOf[o]?.push(cell);
  }
  const weight = new Float64Array(size);
  const urbanity = new Float64Array(size);
  const scatterNoise = valueNoise(hash32(seed, 404), 6);
  municipalities.forEach((municipality, index) => {
    const cells = cellsOf[index] ?? [];
    const profile = profiles[municipality.kind];
    const random = Random.of(seed, 405, index);
    const villages = pickVillages(random, window, {
      cells,
      seat: municipality.seat,
      count: profile.villages,
    });
    const centreKernel = cells.map((cell) =>
      truncatedDecay(distanceKm(cellCentre(window, cell), municipality.seat), profile.centreKm),
    );
    const villageKernel = cells.map((cell) =>
      villages.reduce(
        (sum, village) =>
          sum + village.size * truncatedDecay(distanceKm(cellCentre(window, cell), village), 0.7),
        0,
      ),
    );
    const scatteredKernel = cells.map((cell) => {
      const { x, y } = cellCentre(window, cell);
      const nearSeat = Math.exp(-distanceKm({ x, y }, municipality.seat) / 15);
      // Much of the backwoods is forest and bog without a single house.
      const inhabited = hashUnit(seed, 406, cell) < 0.3 + 0.6 * nearSeat;
      return inhabited ? 0.15 + scatterNoise(x / 1000, y / 1000) ** 2 : 0;
    });
    const parts = [
      [centreKernel, profile.shares.centre / sum(centreKernel)],
      [villageKernel, profile.shares.villages / sum(villageKernel)],
      [scatteredKernel, profile.shares.scattered / sum(scatteredKernel)],
    ] as const;
    const raw = cells.map((_, i) => parts.reduce((w, [kernel, scale]) => w + scale * (kernel[i] ?? 0), 0));
    // A municipality too small for villages gives their share to the other parts.
    const total = sum(raw);
    cells.forEach((cell, i) => {
      const w = (raw[i] ?? 0) / total;
      weight[cell] = w;
      const density = municipality.referenceResidents * w;
      urbanity[cell] = Math.min(1, Math.max(0, (Math.log10(Math.max(density, 1e-9)) - 1) / 2.2));
    });
  });
  return { weight, urbanity, lake };
};

/** Exponential decay cut off where it would put a fraction of a house in a cell. */
const truncatedDecay = (distance: number, lengthKm: number): number =>
  distance > 6 * lengthKm ? 0 : Math.exp(-distance / lengthKm);

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) || 1;

const pickVillages = (
  random: Random,
  window: GridWindow,
  {
    cells,
    seat,
    count,
  }: {
    /** The municipality's cells the villages may stand in. */
    cells: readonly number[];
    /** The municipal seat, which villages keep away from. */
    seat: { x: number; y: number };
    count: number;
  },
): { x: number; y: number; size: number }[] => {
  const villages: { x: number; y: number; size: number }[] = [];
  for (let attempt = 0; attempt < 200 && villages.length < count && cells.length > 0; attempt++) {
    const candidate = cellCentre(window, cells[random.int(cells.length)] ?? 0);
    const farFromOthers = [seat, ...villages].every((place) => distanceKm(place, candidate) > 6);
    if (farFromOthers) villages.push({ ...candidate, size: random.between(0.5, 1.5) });
  }
  return villages;
};

/**
 * Elongated lakes in random directions, as glaciers left them in the lake district. A lake that
 * would drown a municipal centre is left out.
 */
const drawLakes = (
  seed: number,
  window: GridWindow,
  { inCounty, municipalities }: { inCounty: Uint8Array; municipalities: readonly SettledMunicipality[] },
): Uint8Array => {
  const random = Random.of(seed, 407);
  const lake = new Uint8Array(window.width * window.height);
  for (let n = 0; n < 40; n++) {
    const centre = {
      x: (window.westKm + random.between(0, window.width)) * 1000,
      y: (window.southKm + random.between(0, window.height)) * 1000,
    };
    const longKm = random.between(2, 9);
    const shortKm = random.between(0.8, 3);
    const angle = random.between(0, Math.PI);
    const inLake = (p: { x: number; y: number }, marginKm: number) => {
      const dx = (p.x - centre.x) / 1000;
      const dy = (p.y - centre.y) / 1000;
      const along = dx * Math.cos(angle) + dy * Math.sin(angle);
      const across = -dx * Math.sin(angle) + dy * Math.cos(angle);
      return (along / (longKm + marginKm)) ** 2 + (across / (shortKm + marginKm)) ** 2 < 1;
    };
    if (municipalities.some((municipality) => inLake(municipality.seat, 3))) continue;
    const west = Math.max(0, Math.floor(centre.x / 1000 - longKm) - window.westKm);
    const east = Math.min(window.width - 1, Math.ceil(centre.x / 1000 + longKm) - window.westKm);
    const south = Math.max(0, Math.floor(centre.y / 1000 - longKm) - window.southKm);
    const north = Math.min(window.height - 1, Math.ceil(centre.y / 1000 + longKm) - window.southKm);
    for (let row = south; row <= north; row++) {
      for (let column = west; column <= east; column++) {
        const cell = row * window.width + column;
        if (inCounty[cell] === 1 && inLake(cellCentre(window, cell), 0)) lake[cell] = 1;
      }
    }
  }
  return lake;
};
