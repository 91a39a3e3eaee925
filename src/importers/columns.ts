import type { ImportKind } from '../model/index.js';

/**
 * Each import kind's fields and the header names that mean them in Finnish, Swedish and English.
 * Headers are compared after `normaliseHeader`, so "Ikä", "ika" and "IKÄ" are the same name.
 * A county adds its source systems' own names in a mapping file rather than here.
 */
export interface FieldSpec {
  field: string;
  aliases: string[];
}

/** Whether a field is required is the model's to say (its zod schema), not this table's. */
const f = (field: string, ...aliases: string[]): FieldSpec => ({ field, aliases });

export const fieldsByKind: Record<ImportKind, FieldSpec[]> = {
  areas: [
    f('level', 'taso', 'aluetaso', 'niva', 'level'),
    // Statistics Finland's WFS boundary layers (tilastointialueet:kunta…) name the code `kunta`, the
    // year `vuosi` and the names `nimi`/`namn`; older layers `kunta_ni1`/`kunta_ni2`.
    f('code', 'koodi', 'aluekoodi', 'kod', 'code', 'kunta', 'kuntakoodi', 'kommunkod'),
    f('nameFi', 'nimi', 'nimi_fi', 'nimi_suomeksi', 'namn_fi', 'name_fi', 'kunta_ni1', 'kuntanimi', 'name'),
    f('nameSv', 'nimi_sv', 'nimi_ruotsiksi', 'namn', 'namn_sv', 'name_sv', 'kunta_ni2'),
    f('parentCode', 'ylempi_alue', 'ylakoodi', 'overordnat_omrade', 'parent_code', 'parent'),
    f(
      'validFromYear',
      'voimassa_alkaen',
      'alkuvuosi',
      'giltig_fran',
      'valid_from_year',
      'valid_from',
      'vuosi',
      'ar',
      'year',
    ),
    f('validToYear', 'voimassa_asti', 'loppuvuosi', 'giltig_till', 'valid_to_year', 'valid_to'),
    f('x', 'x', 'ita', 'etrs_x', 'easting'),
    f('y', 'y', 'pohjoinen', 'etrs_y', 'northing'),
    f('geometry', 'geometria', 'geometri', 'geometry'),
  ],
  population: [
    f('areaLevel', 'aluetaso', 'taso', 'niva', 'area_level', 'level'),
    f('areaCode', 'alue', 'aluekoodi', 'omrade', 'area', 'area_code'),
    f('year', 'vuosi', 'ar', 'year'),
    f('age', 'ika', 'alder', 'age'),
    f('sex', 'sukupuoli', 'kon', 'sex', 'gender'),
    f(
      'count',
      'lukumaara',
      'vaesto',
      'vakiluku',
      'antal',
      'befolkning',
      'count',
      'population',
      // Statistics Finland's contents label in PxWeb tables 11re and 11ra, in its three languages.
      'vaesto_31_12',
      'befolkning_31_12',
      'population_31_dec',
      'population_31_december',
    ),
  ],
  producers: [
    f('code', 'koodi', 'tuottajakoodi', 'kod', 'code'),
    f('name', 'nimi', 'tuottaja', 'namn', 'producent', 'name'),
    f('kind', 'tyyppi', 'laji', 'tuottajatyyppi', 'typ', 'kind', 'type'),
    f('businessId', 'y_tunnus', 'ytunnus', 'fo_nummer', 'business_id'),
  ],
  units: [
    f('code', 'koodi', 'toimipistekoodi', 'kod', 'code'),
    f('name', 'nimi', 'toimipiste', 'namn', 'name'),
    f('serviceClasses', 'palveluluokat', 'palveluluokka', 'tjansteklasser', 'service_classes'),
    f('producerCode', 'tuottaja', 'tuottajakoodi', 'producent', 'producer', 'producer_code'),
    f('municipalityCode', 'kunta', 'kuntakoodi', 'kommun', 'municipality', 'municipality_code'),
    f('x', 'x', 'ita', 'etrs_x', 'easting'),
    f('y', 'y', 'pohjoinen', 'etrs_y', 'northing'),
    f('lon', 'pituusaste', 'longitud', 'lon', 'longitude'),
    f('lat', 'leveysaste', 'latitud', 'lat', 'latitude'),
    f(
      'capacityPerYear',
      'kapasiteetti',
      'kapasiteetti_vuodessa',
      'kapacitet',
      'capacity',
      'capacity_per_year',
    ),
    f('capacityUnit', 'kapasiteettiyksikko', 'kapacitetsenhet', 'capacity_unit'),
    f('validFrom', 'voimassa_alkaen', 'alkaen', 'giltig_fran', 'valid_from'),
    f('validTo', 'voimassa_asti', 'asti', 'giltig_till', 'valid_to'),
    f('channels', 'kanavat', 'asiointikanavat', 'kanaler', 'channels'),
  ],
  events: [
    f('sourceId', 'tapahtuma_id', 'tapahtumatunnus', 'id', 'handelse_id', 'source_id', 'event_id'),
    f('date', 'pvm', 'paivamaara', 'tapahtumapaiva', 'datum', 'date'),
    f('municipalityCode', 'kunta', 'kotikunta', 'kuntakoodi', 'kommun', 'hemkommun', 'municipality'),
    f('gridCellCode', 'ruutu', 'ruutu_id', 'ruta', 'grid_cell', 'grid_cell_code'),
    f('age', 'ika', 'alder', 'age'),
    f('sex', 'sukupuoli', 'kon', 'sex', 'gender'),
    f('serviceClass', 'palveluluokka', 'palvelu', 'tjansteklass', 'service_class'),
    f('unitCode', 'toimipiste', 'toimipistekoodi', 'verksamhetsstalle', 'unit', 'unit_code'),
    f('producerCode', 'tuottaja', 'tuottajakoodi', 'producent', 'producer', 'producer_code'),
    f('channel', 'kanava', 'asiointikanava', 'kanal', 'channel'),
    f('kind', 'tyyppi', 'tapahtumatyyppi', 'typ', 'kind', 'event_kind'),
    f('quantity', 'maara', 'lukumaara', 'mangd', 'antal', 'quantity'),
    f('costEuros', 'kustannus', 'kustannus_eur', 'kostnad', 'kostnad_eur', 'cost', 'cost_eur', 'cost_euros'),
    f('clientKey', 'asiakasavain', 'asiakas_pseudonyymi', 'klientnyckel', 'client_key'),
  ],
  costs: [
    f('areaCode', 'alue', 'aluekoodi', 'kunta', 'omrade', 'area', 'area_code'),
    f('year', 'vuosi', 'ar', 'year'),
    f('serviceClass', 'palveluluokka', 'tjansteklass', 'service_class'),
    f(
      'netOperatingCostEuros',
      'nettokayttokustannukset',
      'nettokayttokustannus',
      'nettodriftskostnader',
      'net_operating_cost',
      'net_operating_cost_euros',
    ),
  ],
};

/** Lower case, Finnish and Swedish letters folded to ASCII, anything else to "_": "Ikä (v)" → "ika_v". */
export const normaliseHeader = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Code values that mean the same thing in the three languages and in common source systems. */
export const valueAliases: Record<string, Record<string, string>> = {
  sex: {
    '1': 'male',
    m: 'male',
    mies: 'male',
    miehet: 'male',
    male: 'male',
    man: 'male',
    men: 'male',
    män: 'male',
    '2': 'female',
    n: 'female',
    f: 'female',
    k: 'female',
    nainen: 'female',
    naiset: 'female',
    female: 'female',
    woman: 'female',
    women: 'female',
    males: 'male',
    females: 'female',
    kvinna: 'female',
    kvinnor: 'female',
  },
  channel: {
    inperson: 'inPerson',
    vastaanotto: 'inPerson',
    lasna: 'inPerson',
    läsnä: 'inPerson',
    kaynti: 'inPerson',
    käynti: 'inPerson',
    besok: 'inPerson',
    besök: 'inPerson',
    in_person: 'inPerson',
    remote: 'remote',
    eta: 'remote',
    etä: 'remote',
    puhelin: 'remote',
    video: 'remote',
    distans: 'remote',
    digital: 'digital',
    digi: 'digital',
    sahkoinen: 'digital',
    sähköinen: 'digital',
    digitalt: 'digital',
  },
  kind: {
    visit: 'visit',
    kaynti: 'visit',
    käynti: 'visit',
    besok: 'visit',
    besök: 'visit',
    episode: 'episode',
    hoitojakso: 'episode',
    jakso: 'episode',
    vardperiod: 'episode',
    vårdperiod: 'episode',
    careday: 'careDay',
    hoitopaiva: 'careDay',
    hoitopäivä: 'careDay',
    varddag: 'careDay',
    vårddag: 'careDay',
    care_day: 'careDay',
  },
  producerKind: {
    own: 'own',
    oma: 'own',
    omatuotanto: 'own',
    'oma tuotanto': 'own',
    egen: 'own',
    'egen produktion': 'own',
    purchased: 'purchased',
    osto: 'purchased',
    ostopalvelu: 'purchased',
    köpt: 'purchased',
    kopt: 'purchased',
    'köpt tjänst': 'purchased',
    voucher: 'voucher',
    seteli: 'voucher',
    palveluseteli: 'voucher',
    servicesedel: 'voucher',
    ngo: 'ngo',
    järjestö: 'ngo',
    jarjesto: 'ngo',
    organisation: 'ngo',
  },
  level: {
    country: 'country',
    maa: 'country',
    koko_maa: 'country',
    land: 'country',
    'hela landet': 'country',
    county: 'county',
    hyvinvointialue: 'county',
    hva: 'county',
    välfärdsområde: 'county',
    valfardsomrade: 'county',
    municipality: 'municipality',
    kunta: 'municipality',
    kommun: 'municipality',
    gridcell: 'gridCell',
    ruutu: 'gridCell',
    väestöruutu: 'gridCell',
    ruta: 'gridCell',
    grid_cell: 'gridCell',
    postalcode: 'postalCode',
    postinumeroalue: 'postalCode',
    postinumero: 'postalCode',
    postnummer: 'postalCode',
    postnummeromrade: 'postalCode',
    postal_code: 'postalCode',
  },
  capacityUnit: {
    visits: 'visits',
    kaynnit: 'visits',
    käynnit: 'visits',
    kaynti: 'visits',
    besok: 'visits',
    places: 'places',
    paikat: 'places',
    paikka: 'places',
    platser: 'places',
  },
};
