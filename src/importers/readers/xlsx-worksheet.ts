import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excelJs } from './exceljs.js';
import { openZipArchive, ZipUnreadable } from './zip-archive.js';

/**
 * The parts of exceljs's streaming workbook reader that read one member each. Its own driver reads the
 * archive in one pass in stored order and can end that pass before the last members are handed over
 * (exceljs issue 3064): the workbook part, which exceljs writes last, or the shared strings, which Excel
 * writes after the sheet, whose cells then read as objects instead of their text. Here the members are
 * taken from the archive's directory in the order the parts depend on one another.
 */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: ExcelJS.stream.xlsx.WorksheetReader }>;
  workbookRels?: { Id: string; Type?: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
}

const workbookPart = 'xl/workbook.xml';
const worksheetType = /\/worksheet$/;

/** A relationship's target as a member name: relative to the workbook's folder unless it starts with /. */
const memberName = (target: string): string =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(workbookPart), target));

/**
 * The first worksheet in the workbook's own order (the first tab a user sees, skipping chart sheets),
 * as exceljs's streaming worksheet reader: rows are read from the archive as they are iterated.
 */
export const firstWorksheet = async (path: string): Promise<ExcelJS.stream.xlsx.WorksheetReader> => {
  const archive = await openZipArchive(path);
  const member = (name: string) => archive.members.get(name);
  const reader = new (excelJs().stream.xlsx.WorkbookReader)(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  }) as unknown as ReaderParts;
  const workbook = member(workbookPart);
  const rels = member('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels)
    throw new ZipUnreadable(`the archive has no ${workbookPart}: it is not an XLSX workbook`);
  await reader._parseRels(await archive.open(rels));
  await reader._parseWorkbook(await archive.open(workbook));
  const relations = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel]));
  const sheetRels = (reader.model?.sheets ?? []).flatMap((sheet) => {
    const rel = relations.get(sheet.rId);
    return rel && worksheetType.test(rel.Type ?? '') ? [rel] : [];
  });
  const sheet = sheetRels[0] && member(memberName(sheetRels[0].Target));
  if (!sheet) throw new ZipUnreadable('the workbook has no worksheet');
  const sharedStrings = member(
    memberName(relationTarget(relations, /\/sharedStrings$/, 'sharedStrings.xml')),
  );
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(await archive.open(sharedStrings)));
  const styles = member(memberName(relationTarget(relations, /\/styles$/, 'styles.xml')));
  if (styles) await reader._parseStyles(await archive.open(styles));
  const sheetNo = /(\d+)\.xml$/.exec(sheet.name)?.[1] ?? '1';
  const [event] = [...reader._parseWorksheet(await archive.open(sheet), sheetNo)];
  if (!event) throw new ZipUnreadable('the workbook has no worksheet');
  return event.value;
};

/** The target of the workbook's relationship of the given type, or its usual place. */
const relationTarget = (
  relations: Map<string, { Type?: string; Target: string }>,
  type: RegExp,
  usual: string,
): string => {
  for (const rel of relations.values()) if (type.test(rel.Type ?? '')) return rel.Target;
  return usual;
};
