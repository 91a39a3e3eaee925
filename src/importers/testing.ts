import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../store/index.js';
import { importFile } from './import-file.js';

/** Small hand-made files shared by the importer tests: a county of two municipalities and two units. */
export const referenceFiles = {
  areas: [
    'taso;koodi;nimi;nimi_sv;ylempi_alue;voimassa_alkaen;voimassa_asti;x;y',
    'maa;SSS;Suomi;Finland;;2020;;;',
    'hyvinvointialue;99;Testialue;Testområde;SSS;2020;;;',
    'kunta;901;Keskusta;Centrum;99;2020;;400000;6950000',
    'kunta;902;Kylä;By;99;2020;;420000;6960000',
    'ruutu;1kmN6950E0400;1kmN6950E0400;;901;2020;;400500;6950500',
  ],
  producers: ['koodi;nimi;tyyppi;y_tunnus', 'OWN;Oma tuotanto;oma;', 'P1;Hoiva Oy;ostopalvelu;1572860-0'],
  units: [
    'koodi;nimi;palveluluokat;tuottaja;kunta;x;y;kapasiteetti;kapasiteettiyksikko;voimassa_alkaen;voimassa_asti;kanavat',
    'U1;Keskustan terveysasema;HC,OH;OWN;901;400100;6950100;50000;käynnit;2020-01-01;;vastaanotto,etä',
    'U2;Kotihoito;HMC;P1;902;420100;6960100;1000;käynnit;1.1.2021;;vastaanotto',
  ],
};

export const eventHeader =
  'tapahtuma_id;pvm;kunta;ruutu;ikä;sukupuoli;palveluluokka;toimipiste;tuottaja;kanava;tyyppi;määrä;kustannus_eur;asiakasavain';

export const eventRow = (
  id: string,
  overrides: Partial<Record<'date' | 'age' | 'cost' | 'klass' | 'key' | 'municipality', string>> = {},
) =>
  [
    id,
    overrides.date ?? '2024-01-05',
    overrides.municipality ?? '901',
    '',
    overrides.age ?? '45',
    '1',
    overrides.klass ?? 'HC',
    'U1',
    'OWN',
    'vastaanotto',
    'käynti',
    '1',
    overrides.cost ?? '85,50',
    overrides.key ?? '',
  ].join(';');

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'soteatlas-test-'));

export const writeText = (
  dir: string,
  name: string,
  lines: string[] | string,
  encoding: 'utf-8-bom' | 'utf-8' | 'latin1' = 'utf-8',
): string => {
  const path = join(dir, name);
  const text = Array.isArray(lines) ? `${lines.join('\n')}\n` : lines;
  if (encoding === 'latin1') writeFileSync(path, Buffer.from(text, 'latin1'));
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
  return path;
};

/** A store holding the reference areas, producers and units, ready for events. */
export const seededStore = async (path = ':memory:'): Promise<{ store: Store; dir: string }> => {
  const dir = tempDir();
  const store = await openStore(path === ':memory:' ? path : join(dir, path));
  for (const kind of ['areas', 'producers', 'units'] as const) {
    const summary = await importFile(store, {
      file: writeText(dir, `${kind}.csv`, referenceFiles[kind]),
      kind,
    });
    if (summary.rowsRejected > 0 || summary.refused)
      throw new Error(`fixture ${kind} did not import: ${JSON.stringify(summary)}`);
  }
  return { store, dir };
};

/** Cuts text or bytes at the given points (taken modulo its length), as a stream might deliver them. */
export const cutAt = <T extends string | Buffer>(whole: T, points: readonly number[]): T[] => {
  const sorted = [...new Set(points.map((p) => p % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let at = 0;
  for (const p of [...sorted, whole.length]) {
    pieces.push((typeof whole === 'string' ? whole.slice(at, p) : whole.subarray(at, p)) as T);
    at = p;
  }
  return pieces;
};

export {
  type FixtureLayer,
  geoPackageBlob,
  wkbOf,
  writeLayersGeoPackage,
} from './digiroad/geopackage.fixture.js';
export {
  type DbfColumn,
  dbfOf,
  digiroadColumns,
  type ShapeRecord,
  shpOf,
  tm35finPrj,
  wgs84Prj,
} from './digiroad/shapefile.fixture.js';
