import {
  countyCentreKm,
  countyRadiusKm,
  gridWindow,
  type MunicipalityKind,
  merger,
  municipalityDefinitions,
} from './county-definition.js';
import type { GridWindow } from './grid.js';
import { Random } from './random.js';
import { type Settlement, settle } from './settlement.js';
import { drawCountyOutline, partitionTerritory, type Territory } from './territory.js';

/** One version of a municipality: the areas file has a row for each. */
export interface Municipality {
  code: string;
  nameFi: string;
  nameSv: string;
  kind: MunicipalityKind;
  validFromYear: number;
  validToYear: number | undefined;
  /** The municipal centre (town hall) in EPSG:3067 metres. */
  seat: { x: number; y: number };
  /** Indexes of the original territories it covers: one, or the predecessors' for a merged municipality. */
  territories: number[];
  /** The municipality's cells, lakes included, in ascending order. */
  cells: number[];
}

export interface Geography {
  window: GridWindow;
  territory: Territory;
  settlement: Settlement;
  /** The original municipalities first (index = territory index), then the merged one. */
  municipalities: Municipality[];
  countyCentre: { x: number; y: number };
}

const reachByKind: Record<MunicipalityKind, number> = { centre: 1.1, suburb: 0.8, town: 1, rural: 1.15 };

/** Builds the county's land, municipalities and settlement from the seed; `referenceResidents` sets urbanity. */
export const buildGeography = (seed: number, firstYear: number, referenceResidents = 250_000): Geography => {
  const window: GridWindow = { ...gridWindow };
  const countyCentre = { x: countyCentreKm.east * 1000, y: countyCentreKm.north * 1000 };
  const random = Random.of(seed, 501);
  const seats = municipalityDefinitions.map((definition) => {
    const bearing = (definition.bearingDegrees * Math.PI) / 180;
    // Jitter keeps every seed's map a little different without moving a centre out of its place.
    const x = countyCentre.x + definition.radiusKm * 1000 * Math.sin(bearing) + random.between(-2500, 2500);
    const y = countyCentre.y + definition.radiusKm * 1000 * Math.cos(bearing) + random.between(-2500, 2500);
    return { x: Math.round(x), y: Math.round(y), reach: reachByKind[definition.kind] };
  });
  const outline = drawCountyOutline(seed, window, { centre: countyCentre, radiusKm: countyRadiusKm });
  const territory = partitionTerritory(seed, window, { inCounty: outline, seats });
  const shareTotal = municipalityDefinitions.reduce((sum, d) => sum + d.residentShare, 0);
  const settlement = settle(
    seed,
    territory,
    municipalityDefinitions.map((definition, i) => ({
      kind: definition.kind,
      seat: seats[i] ?? countyCentre,
      referenceResidents: (referenceResidents * definition.residentShare) / shareTotal,
    })),
  );
  const cellsByTerritory: number[][] = municipalityDefinitions.map(() => []);
  territory.owner.forEach((owner, cell) => {
    if (owner >= 0) cellsByTerritory[owner]?.push(cell);
  });
  const municipalities: Municipality[] = municipalityDefinitions.map((definition, i) => ({
    code: definition.code,
    nameFi: definition.nameFi,
    nameSv: definition.nameSv,
    kind: definition.kind,
    validFromYear: firstYear,
    validToYear: (merger.predecessors as readonly string[]).includes(definition.code)
      ? merger.year - 1
      : undefined,
    seat: { x: seats[i]?.x ?? 0, y: seats[i]?.y ?? 0 },
    territories: [i],
    cells: cellsByTerritory[i] ?? [],
  }));
  const predecessorIndexes = merger.predecessors.map((code) =>
    municipalities.findIndex((m) => m.code === code),
  );
  const seatOf = municipalities.find((m) => m.code === merger.seatOf);
  municipalities.push({
    ...merger.successor,
    kind: 'rural',
    validFromYear: merger.year,
    validToYear: undefined,
    seat: seatOf?.seat ?? countyCentre,
    territories: predecessorIndexes,
    cells: predecessorIndexes.flatMap((i) => cellsByTerritory[i] ?? []).sort((a, b) => a - b),
  });
  return { window, territory, settlement, municipalities, countyCentre };
};

export const isValidIn = (municipality: Municipality, year: number): boolean =>
  municipality.validFromYear <= year &&
  (municipality.validToYear === undefined || year <= municipality.validToYear);

/** A municipality's urbanity: its cells' urbanity weighted by where people live. */
export const municipalityUrbanity = (geography: Geography, municipality: number): number => {
  let weighted = 0;
  let weights = 0;
  for (const cell of geography.municipalities[municipality]?.cells ?? []) {
    const w = geography.settlement.weight[cell] ?? 0;
    weighted += w * (geography.settlement.urbanity[cell] ?? 0);
    weights += w;
  }
  return weights > 0 ? weighted / weights : 0;
};
