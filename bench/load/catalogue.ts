import type { Role } from '../../src/model/index.js';
import type { Catalogue, CatalogueIndicator } from './mix.js';
import type { Session } from './session.js';

const ok = async (session: Session, path: string): Promise<unknown> => {
  const { status, body } = await session.send('GET', path);
  if (status !== 200)
    throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
  return body;
};

/**
 * What the sessions ask about, read through the API as the app reads it: the indicators (each tried once
 * by each role, so that a role asks only for what it may see), the in-person units of the base network,
 * the municipalities, and the latest year with figures.
 */
export const readCatalogue = async (sessionsByRole: ReadonlyMap<Role, Session>): Promise<Catalogue> => {
  const [first] = sessionsByRole.values();
  if (!first) throw new Error('no session to read the catalogue with');
  const definitions = (await ok(first, '/api/indicators')) as CatalogueIndicator[];
  const indicators: Partial<Record<Role, CatalogueIndicator[]>> = {};
  let year = 0;
  for (const [role, session] of sessionsByRole) {
    indicators[role] = [];
    for (const definition of definitions) {
      const { status, body } = await session.send('GET', `/api/indicators/${definition.id}`);
      if (status !== 200) continue;
      indicators[role].push(definition);
      year = Math.max(year, (body as { toYear: number }).toYear);
    }
  }
  const { units } = (await ok(first, '/api/units')) as {
    units: { code: string; x: number; y: number; capacityPerYear: number }[];
  };
  const base = (await ok(first, '/api/network/scenarios/base/result')) as {
    units: { code: string; inPerson: boolean }[];
  };
  const inPerson = new Set(base.units.filter((u) => u.inPerson).map((u) => u.code));
  const { areas } = (await ok(first, '/api/areas?level=municipality')) as { areas: { code: string }[] };
  return {
    indicators,
    units: units.filter((u) => inPerson.has(u.code)),
    municipalityCodes: areas.map((a) => a.code),
    year,
  };
};
