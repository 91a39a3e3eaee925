import type { ReasonTexts } from './texts.js';

/** Hylkäyksen syyt suomeksi; `{nimi}` on syyn samanniminen parametri. */
export const fi: ReasonTexts = {
  missingValue: 'arvo puuttuu',
  notWholeNumber: 'ei kokonaisluku',
  notNumber: 'ei luku',
  notDate: 'ei päivämäärä (kirjoita VVVV-KK-PP tai P.K.VVVV)',
  notDateIn: 'ei päivämäärä (kirjoita VVVV-KK-PP tai kuvaustiedoston ilmoittamassa muodossa: {forms})',
  dateOutOfRange: 'päivämäärä ennen vuotta 1900 tai vuoden 2100 jälkeen',
  notFiniteNumber: 'ei äärellinen luku (ääretön, NaN tai liian suuri)',
  wholeNumberTooLarge: 'liian suuri kokonaisluku (itseisarvoltaan enintään {max})',
  openAgeNotTop:
    'avoin ikäryhmä, joka ei ole {max}+; vain ylin ikä {max} voidaan kirjoittaa {max}- tai {max}+',
  unknownValue: 'tuntematon arvo; sallitut arvot: {expected}',
  atLeast: 'oltava vähintään {min}',
  atMost: 'oltava enintään {max}',
  moreThan: 'oltava suurempi kuin {min}',
  lessThan: 'oltava pienempi kuin {max}',
  longerThan: 'pidempi kuin {max} merkkiä',
  shorterThan: 'lyhyempi kuin {min} merkkiä',
  notExpectedForm: 'ei odotetussa muodossa',
  lastYearBeforeFirst: 'viimeinen voimassaolovuosi on ennen ensimmäistä',
  closingBeforeOpening: 'lopetuspäivä on ennen aloituspäivää',
  businessIdCheckDigit: 'Y-tunnuksen tarkistusmerkki ei täsmää',
  ceilingBelowFloor: 'enimmäismäärä on pienempi kuin vähimmäismäärä',
  unknownAreaCode: 'tuntematon aluekoodi {value}',
  unknownMunicipalityCode: 'tuntematon kuntakoodi {value}',
  mergedMunicipalityCode:
    'tuntematon kuntakoodi {value}: kunta on liitetty kuntaan {successor} ({successorName}) vuonna {year}',
  unknownServiceClass: 'tuntematon palveluluokan koodi',
  unknownGridCell: 'tuntematon ruutu',
  unknownUnitCode: 'tuntematon toimipisteen koodi',
  unknownProducerCode: 'tuntematon tuottajan koodi',
  unknownContractCode: 'tuntematon sopimuksen koodi',
  unknownInspection: 'tuntematon valvontatapahtuma',
  unknownLinkId: 'tiedoston hyväksytyissä tielinkeissä ei ole linkkiä {linkId}',
  duplicateKey: 'sama avain kuin rivillä {line}',
  tooFewColumns: 'liian vähän sarakkeita: odotettiin {expected}, löytyi {found}',
  tooManyColumns: 'liian monta saraketta: odotettiin {expected}, löytyi {found}',
  unclosedQuote: 'lainausmerkeissä olevaa arvoa ei ole suljettu oikein',
  malformedRow: 'virheellinen rivi',
  invalidJson: 'ei kelvollista JSONia',
  formulaWithoutResult:
    'sarakkeessa {column} on kaava, jonka tulosta tiedostossa ei ole luettavassa muodossa (virhe tai ei tulosta lainkaan); tallenna työkirja taulukkolaskentaohjelmalla, joka tallentaa tulokset, tai CSV-muodossa',
  notJsonObject: 'ei JSON-objekti',
  notGeoJsonFeature: 'ei GeoJSON-kohde',
  totalRow: 'summarivi, ohitettu',
  gridCellGeometry: 'ruutu {cell}: ei kelvollinen monikulmio ({detail})',
  gridCellOutsideCounty: 'ruutu {cell} on kunnassa {value}, joka ei ole hyvinvointialueen kunta',
  gridCellCount:
    'ruutu {cell}: {column} ei ole lukumäärä ({value}): luetaan vain kokonaisluku nollasta ylöspäin ja -1 salattuna lukuna',
  gridCellMissingCount: 'ruutu {cell}: {column} puuttuu',
  identityCodes:
    'tiedostossa on henkilötunnuksia sarakkeissa {columns} (arvojen määrä suluissa); henkilötunnuksia ei koskaan tallenneta, joten mitään ei tuotu. Poista sarake tai korvaa se pseudonyymillä avaimella.',
  missingColumns: 'pakollisia sarakkeita puuttuu: {missing}. Tiedoston sarakkeet: {found}',
  unreadable: 'tiedostoa ei voitu lukea: {detail}',
  emptyFile: 'tiedosto on tyhjä',
  headerOnly: 'tiedostossa on otsikkorivi mutta ei yhtään tietoriviä',
  noHeaderRow:
    'tiedostosta puuttuu otsikkorivi: sen ensimmäisellä rivillä on tietoja ({dataLike}/{fields} kenttää on lukuja, päivämääriä tai koodeja) sarakkeiden nimien sijaan. Lisää alkuun rivi sarakkeiden nimistä, esim. {expected}',
  binaryFile: 'binääritiedosto, ei tekstiä; tallenna se CSV-, XLSX- tai JSON-muotoon ja tuo se',
  binaryFileOf: 'binääritiedosto, ei tekstiä ({format}); tallenna se CSV-, XLSX- tai JSON-muotoon ja tuo se',
  legacyExcel:
    'vanhan muodon Excel-työkirja (.xls), jota ei voi lukea; avaa se taulukkolaskentaohjelmassa ja tallenna muodossa .xlsx tai CSV',
  topoJson: 'TopoJSON-muotoa ei tueta; muunna tiedosto GeoJSONiksi, esim. mapshaper -o format=geojson',
  onlyTotals:
    'tiedostossa on vain summia ({count} riviä, kuten SSS, Yhteensä tai Koko maa), joten tuotavaa ei ole; valitse taulukkoa tallentaessasi yksittäiset alueet, iät ja sukupuolet',
  mappedColumnMissing:
    'vastaavuustiedosto nimeää sarakkeita, joita tiedostossa ei ole: {missing}. Löytyi: {found}',
  utf16Text:
    'tiedosto on UTF-16-tekstiä, jota ei lueta; tallenna se UTF-8-muotoiseksi CSV-tiedostoksi ja tuo se',
  missingFeedFiles: 'syötteestä puuttuu pakollisia tiedostoja: {missing}',
  missingFiles: 'pakollisia tiedostoja puuttuu: {missing}',
  coordinateSystem: 'koordinaatit ovat järjestelmässä {found}; vain {expected} luetaan',
  legacyText: '{text}',
};
