import type { ReasonTexts } from './texts.js';

/** Orsaker till avvisning på svenska; `{namn}` står för orsakens parameter med samma namn. */
export const sv: ReasonTexts = {
  missingValue: 'värde saknas',
  notWholeNumber: 'inte ett heltal',
  notNumber: 'inte ett tal',
  notDate: 'inte ett datum (skriv ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ)',
  unknownValue: 'okänt värde; tillåtna värden: {expected}',
  atLeast: 'måste vara minst {min}',
  atMost: 'får vara högst {max}',
  moreThan: 'måste vara större än {min}',
  lessThan: 'måste vara mindre än {max}',
  longerThan: 'längre än {max} tecken',
  shorterThan: 'kortare än {min} tecken',
  notExpectedForm: 'inte i förväntad form',
  lastYearBeforeFirst: 'det sista giltighetsåret är före det första',
  closingBeforeOpening: 'slutdatumet är före startdatumet',
  businessIdCheckDigit: 'FO-numrets kontrollsiffra stämmer inte',
  unknownAreaCode: 'okänd områdeskod {value}',
  unknownMunicipalityCode: 'okänd kommunkod {value}',
  mergedMunicipalityCode:
    'okänd kommunkod {value}: kommunen sammanslogs med {successor} ({successorName}) år {year}',
  unknownServiceClass: 'okänd kod för tjänsteklass',
  unknownGridCell: 'okänd ruta',
  unknownUnitCode: 'okänd kod för verksamhetsställe',
  unknownProducerCode: 'okänd producentkod',
  duplicateKey: 'samma nyckel som rad {line}',
  tooFewColumns: 'för få kolumner: {expected} förväntades, {found} hittades',
  tooManyColumns: 'för många kolumner: {expected} förväntades, {found} hittades',
  unclosedQuote: 'ett värde inom citattecken är inte korrekt avslutat',
  malformedRow: 'felaktig rad',
  invalidJson: 'inte giltig JSON',
  notJsonObject: 'inte ett JSON-objekt',
  notGeoJsonFeature: 'inte ett GeoJSON-objekt',
  totalRow: 'summarad, överhoppad',
  identityCodes:
    'filen innehåller personbeteckningar i kolumnerna {columns} (antalet värden inom parentes); personbeteckningar lagras aldrig, så ingenting importerades. Ta bort kolumnen eller ersätt den med en pseudonym nyckel.',
  missingColumns: 'obligatoriska kolumner saknas: {missing}. Filens kolumner: {found}',
  unreadable: 'filen kunde inte läsas: {detail}',
  emptyFile: 'filen är tom',
  headerOnly: 'filen har en rubrikrad men inga datarader',
  noHeaderRow:
    'filen saknar rubrikrad: dess första rad innehåller data ({dataLike} av {fields} fält är tal, datum eller koder) där kolumnnamn väntas. Lägg till en första rad med kolumnnamnen, t.ex. {expected}',
  binaryFile: 'binär fil, inte text; spara den som CSV, XLSX eller JSON och importera den',
  binaryFileOf: 'binär fil, inte text ({format}); spara den som CSV, XLSX eller JSON och importera den',
  legacyExcel:
    'Excel-arbetsbok i gammalt format (.xls), som inte kan läsas; öppna den i ett kalkylprogram och spara den som .xlsx eller CSV',
  topoJson: 'TopoJSON stöds inte; konvertera filen till GeoJSON, t.ex. med mapshaper -o format=geojson',
  onlyTotals:
    'filen innehåller bara summor ({count} rader som SSS, Totalt eller Hela landet), så det finns inget att importera; välj enskilda områden, åldrar och kön när du sparar tabellen',
  mappedColumnMissing: 'mappningsfilen nämner kolumner som filen saknar: {missing}. Hittades: {found}',
  legacyText: '{text}',
};
