import { writeFile } from 'node:fs/promises';
import type { ProducerKind } from '../../model/index.js';
import type { DemoProducer } from '../producers.js';
import { withFixedZipTimestamps } from './zip-timestamps.js';

const finnishKind: Record<ProducerKind, string> = {
  own: 'oma',
  purchased: 'ostopalvelu',
  voucher: 'palveluseteli',
  ngo: 'järjestö',
};

/**
 * The producer register as the procurement office keeps it, in a workbook. The workbook's own
 * dates and the archive's timestamps are fixed, so the same seed gives the same bytes.
 */
export const writeProducersWorkbook = async (
  path: string,
  producers: readonly DemoProducer[],
  moment: Date,
) => {
  // exceljs takes a second to load; only generation needs it, not everyone who imports the demo module.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Järvi-Pohjan hyvinvointialue';
  workbook.created = moment;
  workbook.modified = moment;
  const sheet = workbook.addWorksheet('Tuottajat');
  sheet.columns = [
    { header: 'koodi', key: 'code', width: 14 },
    { header: 'nimi', key: 'name', width: 40 },
    { header: 'tyyppi', key: 'kind', width: 16 },
    { header: 'y_tunnus', key: 'businessId', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const producer of producers) {
    sheet.addRow({ ...producer, kind: finnishKind[producer.kind] });
  }
  const archive = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeFile(path, withFixedZipTimestamps(archive, moment));
};
