import { z } from 'zod';

/**
 * Why a row was rejected or a file refused, as a stable code. The words are chosen where the
 * reason is shown (CLI, reject report, web app) in the reader's language; the code and its
 * parameters are what the store keeps and the API returns.
 */
export const RejectReasonCode = z.enum([
  // A field's value
  'missingValue',
  'notWholeNumber',
  'notNumber',
  'notDate',
  'notDateIn',
  'dateOutOfRange',
  'notFiniteNumber',
  'wholeNumberTooLarge',
  'openAgeNotTop',
  'unknownValue',
  'atLeast',
  'atMost',
  'moreThan',
  'lessThan',
  'longerThan',
  'shorterThan',
  'notExpectedForm',
  'lastYearBeforeFirst',
  'closingBeforeOpening',
  'businessIdCheckDigit',
  'ceilingBelowFloor',
  // References to what the store holds
  'unknownAreaCode',
  'unknownMunicipalityCode',
  'mergedMunicipalityCode',
  'unknownServiceClass',
  'unknownGridCell',
  'unknownUnitCode',
  'unknownProducerCode',
  'unknownContractCode',
  'unknownInspection',
  'unknownLinkId',
  // A row as a whole
  'duplicateKey',
  'tooFewColumns',
  'tooManyColumns',
  'unclosedQuote',
  'malformedRow',
  'invalidJson',
  'formulaWithoutResult',
  'notJsonObject',
  'notGeoJsonFeature',
  'totalRow',
  // A cell of Statistics Finland's 1 km population grid, checked as it is fetched
  'gridCellGeometry',
  'gridCellOutsideCounty',
  'gridCellCount',
  'gridCellMissingCount',
  // A file as a whole (refusals)
  'identityCodes',
  'missingColumns',
  'unreadable',
  'emptyFile',
  'headerOnly',
  'noHeaderRow',
  'binaryFile',
  'binaryFileOf',
  'legacyExcel',
  'topoJson',
  'onlyTotals',
  'mappedColumnMissing',
  'utf16Text',
  'missingFeedFiles',
  'missingFiles',
  'coordinateSystem',
  // Reasons stored before codes existed: the English text as it was written.
  'legacyText',
]);
export type RejectReasonCode = z.infer<typeof RejectReasonCode>;

/** Values the reason's words refer to (a limit, a line, a column name); never a whole record. */
export const RejectReasonParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type RejectReasonParams = z.infer<typeof RejectReasonParams>;

export const RejectReason = z.object({ code: RejectReasonCode, params: RejectReasonParams });
export type RejectReason = z.infer<typeof RejectReason>;

/** The languages reasons are written in. */
export const ReasonLanguage = z.enum(['fi', 'sv', 'en']);
export type ReasonLanguage = z.infer<typeof ReasonLanguage>;
