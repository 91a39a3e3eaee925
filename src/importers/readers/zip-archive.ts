import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The members of a ZIP archive, read through its central directory, each opened as a stream on request.
 * A single pass over the local headers (what streaming unzippers do) meets the members in the order the
 * writer stored them and can end before the last ones are handed over; the directory names them all,
 * with their sizes even where the local header leaves them out, so members are read in the order the
 * caller needs and none is lost.
 */
export interface ZipMember {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  members: Map<string, ZipMember>;
  /** The member's uncompressed bytes as a stream; errors (a cut file, bad data) arrive on it. */
  open(member: ZipMember): Promise<Readable>;
}

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** The end record (22 bytes) and its comment of up to 65 535 bytes. */
const endSearchBytes = 22 + 0xffff;

export class ZipUnreadable extends Error {}

const readAt = async (path: string, position: number, length: number): Promise<Buffer> => {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
};

export const openZipArchive = async (path: string): Promise<ZipArchive> => {
  const { size } = await stat(path);
  const tailStart = Math.max(0, size - endSearchBytes);
  const tail = await readAt(path, tailStart, size - tailStart);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === endOfDirectorySignature) {
      end = at;
      break;
    }
  }
  if (end < 0)
    throw new ZipUnreadable('not a ZIP archive (no end-of-directory record), which an XLSX file is');
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw new ZipUnreadable('a ZIP64 archive (over 4 GB or 65 535 members), which this reader does not open');
  if (directoryOffset + directorySize > size) throw new ZipUnreadable('the ZIP archive is cut short');
  const directory = await readAt(path, directoryOffset, directorySize);
  const members = new Map<string, ZipMember>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== directorySignature)
      throw new ZipUnreadable('the ZIP archive has a damaged directory');
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (flags & 0x1) throw new ZipUnreadable('the workbook is encrypted');
    members.set(name, {
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const openMember = async (member: ZipMember): Promise<Readable> => {
    if (member.method !== 0 && member.method !== 8)
      throw new ZipUnreadable(
        `the member ${member.name} is compressed with method ${member.method}, not deflate`,
      );
    const header = await readAt(path, member.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== localHeaderSignature)
      throw new ZipUnreadable(`the ZIP archive's member ${member.name} is damaged`);
    const start = member.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + member.compressedSize > size) throw new ZipUnreadable('the ZIP archive is cut short');
    if (member.compressedSize === 0) {
      const empty = new PassThrough();
      empty.end();
      return empty;
    }
    const raw = createReadStream(path, { start, end: start + member.compressedSize - 1 });
    const out = member.method === 8 ? createInflateRaw() : new PassThrough();
    // The pipeline destroys both on a failure, which then reaches the reader of `out`.
    return pipeline(raw, out, () => {});
  };

  return { members, open: openMember };
};
