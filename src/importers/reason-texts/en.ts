import type { ReasonTexts } from './texts.js';

/** Reject reasons in English; `{name}` stands for the reason's parameter of that name. */
export const en: ReasonTexts = {
  missingValue: 'missing value',
  notWholeNumber: 'not a whole number',
  notNumber: 'not a number',
  notDate: 'not a date (write YYYY-MM-DD or D.M.YYYY)',
  unknownValue: 'unknown value; expected one of {expected}',
  atLeast: 'must be at least {min}',
  atMost: 'must be at most {max}',
  moreThan: 'must be more than {min}',
  lessThan: 'must be less than {max}',
  longerThan: 'longer than {max} characters',
  shorterThan: 'shorter than {min} characters',
  notExpectedForm: 'not in the expected form',
  lastYearBeforeFirst: 'the last valid year is before the first',
  closingBeforeOpening: 'closing date is before opening date',
  businessIdCheckDigit: 'business id check digit does not match',
  unknownAreaCode: 'unknown area code {value}',
  unknownMunicipalityCode: 'unknown municipality code {value}',
  mergedMunicipalityCode:
    'unknown municipality code {value}: the municipality was merged into {successor} ({successorName}) in {year}',
  unknownServiceClass: 'unknown service class code',
  unknownGridCell: 'unknown grid cell',
  unknownUnitCode: 'unknown unit code',
  unknownProducerCode: 'unknown producer code',
  duplicateKey: 'the same key as line {line}',
  tooFewColumns: 'too few columns: expected {expected}, found {found}',
  tooManyColumns: 'too many columns: expected {expected}, found {found}',
  unclosedQuote: 'a quoted value is not closed properly',
  malformedRow: 'malformed row',
  invalidJson: 'not valid JSON',
  notJsonObject: 'not a JSON object',
  notGeoJsonFeature: 'not a GeoJSON feature',
  totalRow: 'total row, skipped',
  identityCodes:
    'the file holds Finnish personal identity codes in {columns} (number of values in brackets); identity codes are never stored, so nothing was imported. Remove the column or replace it with a pseudonymous key.',
  missingColumns: 'required columns are missing: {missing}. Found: {found}',
  unreadable: 'the file could not be read: {detail}',
  emptyFile: 'the file is empty',
  headerOnly: 'the file has a header row but no data rows',
  noHeaderRow:
    'the file has no header row: its first line holds data ({dataLike} of {fields} fields are numbers, dates or codes) where column names are expected. Add a first line with the column names, e.g. {expected}',
  binaryFile: 'binary file, not text; save it as CSV, XLSX or JSON and import that',
  binaryFileOf: 'binary file, not text ({format}); save it as CSV, XLSX or JSON and import that',
  legacyExcel:
    'legacy Excel workbook (.xls), which cannot be read; open it in a spreadsheet program and save it as .xlsx or CSV',
  topoJson: 'TopoJSON is not supported; convert it to GeoJSON, e.g. with mapshaper -o format=geojson',
  onlyTotals:
    'the file holds nothing but totals ({count} rows of SSS, Yhteensä, Koko maa or the like), so there is nothing to import; choose single areas, ages and sexes when saving the table',
  mappedColumnMissing: 'the mapping names columns the file does not have: {missing}. Found: {found}',
  legacyText: '{text}',
};
