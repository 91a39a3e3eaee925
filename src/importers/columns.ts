import type { ImportKind } from '../model/index.js';

/**
 * Each import kind's fields and the header names that mean them in Finnish, Swedish and English.
 * Headers are compared after `normaliseHeader`, so "Ikä", "ika" and "IKÄ" are the same name.
 * A county adds its source systems' own names in a mapping file rather than here.
 */
export interface FieldSpec {
  field: string;
  aliases: string[];
  required: boolean;
}

const f = (field: string, required: boolean, ...aliases: string[]): FieldSpec => ({
  field,
  required,
  aliases,
});

export const fieldsByKind: Record<ImportKind, FieldSpec[]> = {
  areas: [
    f('level', true, 'taso', 'aluetaso', 'niva', 'level'),
    f('code', true, 'koodi', 'aluekoodi', 'kod', 'code'),
    f('nameFi', true, 'nimi', 'nimi_fi', 'nimi_suomeksi', 'namn_fi', 'name_fi', 'name'),
    f('nameSv', false, 'nimi_sv', 'nimi_ruotsiksi', 'namn', 'namn_sv', 'name_sv'),
    f('parentCode', false, 'ylempi_alue', 'ylakoodi', 'overordnat_omrade', 'parent_code', 'parent'),
    f('validFromYear', true, 'voimassa_alkaen', 'alkuvuosi', 'giltig_fran', 'valid_from_year', 'valid_from'),
    f('validToYear', false, 'voimassa_asti', 'loppuvuosi', 'giltig_till', 'valid_to_year', 'valid_to'),
    f('x', false, 'x', 'ita', 'etrs_x', 'easting'),
    f('y', false, 'y', 'pohjoinen', 'etrs_y', 'northing'),
    f('geometry', false, 'geometria', 'geometri', 'geometry'),
  ],
  population: [
    f('areaLevel', false, 'aluetaso', 'taso', 'niva', 'area_level', 'level'),
    f('areaCode', true, 'alue', 'aluekoodi', 'omrade', 'area', 'area_code'),
    f('year', true, 'vuosi', 'ar', 'year'),
    f('age', true, 'ika', 'alder', 'age'),
    f('sex', true, 'sukupuoli', 'kon', 'sex', 'gender'),
    f('count', true, 'lukumaara', 'vaesto', 'vakiluku', 'antal', 'befolkning', 'count', 'population'),
  ],
  producers: [
    f('code', true, 'koodi', 'tuottajakoodi', 'kod', 'code'),
    f('name', true, 'nimi', 'tuottaja', 'namn', 'producent', 'name'),
    f('kind', true, 'tyyppi', 'laji', 'tuottajatyyppi', 'typ', 'kind', 'type'),
    f('businessId', false, 'y_tunnus', 'ytunnus', 'fo_nummer', 'business_id'),
  ],
  units: [
    f('code', true, 'koodi', 'toimipistekoodi', 'kod', 'code'),
    f('name', true, 'nimi', 'toimipiste', 'namn', 'name'),
    f('serviceClasses', true, 'palveluluokat', 'palveluluokka', 'tjansteklasser', 'service_classes'),
    f('producerCode', true, 'tuottaja', 'tuottajakoodi', 'producent', 'producer', 'producer_code'),
    f('municipalityCode', true, 'kunta', 'kuntakoodi', 'kommun', 'municipality', 'municipality_code'),
    f('x', false, 'x', 'ita', 'etrs_x', 'easting'),
    f('y', false, 'y', 'pohjoinen', 'etrs_y', 'northing'),
    f('lon', false, 'pituusaste', 'longitud', 'lon', 'longitude'),
    f('lat', false, 'leveysaste', 'latitud', 'lat', 'latitude'),
    f(
      'capacityPerYear',
      true,
      'kapasiteetti',
      'kapasiteetti_vuodessa',
      'kapacitet',
      'capacity',
      'capacity_per_year',
    ),
    f('capacityUnit', true, 'kapasiteettiyksikko', 'kapacitetsenhet', 'capacity_unit'),
    f('validFrom', true, 'voimassa_alkaen', 'alkaen', 'giltig_fran', 'valid_from'),
    f('validTo', false, 'voimassa_asti', 'asti', 'giltig_till', 'valid_to'),
    f('channels', true, 'kanavat', 'asiointikanavat', 'kanaler', 'channels'),
  ],
  events: [
    f('sourceId', true, 'tapahtuma_id', 'tapahtumatunnus', 'id', 'handelse_id', 'source_id', 'event_id'),
    f('date', true, 'pvm', 'paivamaara', 'tapahtumapaiva', 'datum', 'date'),
    f('municipalityCode', true, 'kunta', 'kotikunta', 'kuntakoodi', 'kommun', 'hemkommun', 'municipality'),
    f('gridCellCode', false, 'ruutu', 'ruutu_id', 'ruta', 'grid_cell', 'grid_cell_code'),
    f('age', true, 'ika', 'alder', 'age'),
    f('sex', true, 'sukupuoli', 'kon', 'sex', 'gender'),
    f('serviceClass', true, 'palveluluokka', 'palvelu', 'tjansteklass', 'service_class'),
    f('unitCode', false, 'toimipiste', 'toimipistekoodi', 'verksamhetsstalle', 'unit', 'unit_code'),
    f('producerCode', false, 'tuottaja', 'tuottajakoodi', 'producent', 'producer', 'producer_code'),
    f('channel', true, 'kanava', 'asiointikanava', 'kanal', 'channel'),
    f('kind', true, 'tyyppi', 'tapahtumatyyppi', 'typ', 'kind', 'event_kind'),
    f('quantity', true, 'maara', 'lukumaara', 'mangd', 'antal', 'quantity'),
    f(
      'costEuros',
      true,
      'kustannus',
      'kustannus_eur',
      'kostnad',
      'kostnad_eur',
      'cost',
      'cost_eur',
      'cost_euros',
    ),
    f('clientKey', false, 'asiakasavain', 'asiakas_pseudonyymi', 'klientnyckel', 'client_key'),
  ],
  costs: [
    f('areaCode', true, 'alue', 'aluekoodi', 'kunta', 'omrade', 'area', 'area_code'),
    f('year', true, 'vuosi', 'ar', 'year'),
    f('serviceClass', true, 'palveluluokka', 'tjansteklass', 'service_class'),
    f(
      'netOperatingCostEuros',
      true,
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
