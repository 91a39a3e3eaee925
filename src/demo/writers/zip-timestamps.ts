/**
 * Sets the modification time of every entry in a ZIP archive (XLSX files are ZIP archives) to one
 * fixed moment. Zip libraries stamp entries with the current time, which would make the same
 * workbook differ from run to run; the time fields lie outside the compressed data and its CRC, so
 * rewriting them in place is safe (PKWARE APPNOTE 4.3.7 and 4.3.12).
 */
const localHeader = 0x04034b50;
const centralHeader = 0x02014b50;
const endOfCentralDirectory = 0x06054b50;

/** MS-DOS date and time words: 2-second resolution, years from 1980. */
export const dosDateTime = (date: Date): { time: number; date: number } => ({
  time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
  date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
});

export const withFixedZipTimestamps = (archive: Buffer, moment: Date): Buffer => {
  const zip = Buffer.from(archive);
  const { time, date } = dosDateTime(moment);
  let end = -1;
  // The end record is at least 22 bytes from the end, followed by a comment of up to 65 535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === endOfCentralDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(offset) !== centralHeader) throw new Error('ZIP central directory is damaged');
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(date, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== localHeader) throw new Error('ZIP local header is damaged');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    offset +=
      46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
};
