// Checks an .xlsx archive before any spreadsheet library inflates it: the central directory is read by
// hand, declared sizes are capped (zip bombs), every entry is inflated once with a hard output cap
// (so a size that lies is caught too), and macros are refused.
import zlib from 'node:zlib';

export const ZIP_LIMITS = {
  /** Total bytes of all entries once inflated. */
  maxUncompressedBytes: 150 * 1024 * 1024,
  /** Inflated / compressed, for any entry above 1 MB inflated. */
  maxRatio: 200,
  maxEntries: 5000,
};

export type ZipProblem = { code: 'BROKEN_ARCHIVE' | 'ZIP_BOMB' | 'MACRO' | 'NOT_XLSX'; detail: string };
type Entry = { name: string; method: number; compressed: number; size: number; localOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function readCentralDirectory(zip: Buffer): Entry[] | ZipProblem {
  const broken = (detail: string): ZipProblem => ({ code: 'BROKEN_ARCHIVE', detail });
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return broken('the end of the archive is missing (a truncated or damaged file)');
  const count = zip.readUInt16LE(eocd + 10);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    return { code: 'ZIP_BOMB', detail: 'ZIP64 archives are not accepted' };
  if (count > ZIP_LIMITS.maxEntries) return { code: 'ZIP_BOMB', detail: `the archive has ${count} entries` };
  if (cdOffset + cdSize > eocd) return broken('the archive directory points outside the file');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL) return broken('the archive directory is damaged');
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const entry: Entry = {
      method: zip.readUInt16LE(p + 10),
      compressed: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff)
      return { code: 'ZIP_BOMB', detail: 'ZIP64 entries are not accepted' };
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Null when the archive is a sound, macro-free workbook within the limits; otherwise why not. */
export function checkXlsxArchive(zip: Buffer): ZipProblem | null {
  const entries = readCentralDirectory(zip);
  if (!Array.isArray(entries)) return entries;
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > ZIP_LIMITS.maxUncompressedBytes)
    return {
      code: 'ZIP_BOMB',
      detail: `it would inflate to ${Math.round(total / 1024 / 1024)} MB (limit ${ZIP_LIMITS.maxUncompressedBytes / 1024 / 1024} MB)`,
    };
  for (const e of entries) {
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressed) > ZIP_LIMITS.maxRatio)
      return {
        code: 'ZIP_BOMB',
        detail: `${e.name} is compressed ${Math.round(e.size / Math.max(1, e.compressed))}:1`,
      };
    if (/(^|\/)vbaProject\.bin$/i.test(e.name) || (/\.bin$/i.test(e.name) && /vba/i.test(e.name)))
      return { code: 'MACRO', detail: `it contains macros (${e.name})` };
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    return { code: 'NOT_XLSX', detail: 'the archive is not an Excel workbook' };
  const types = inflate(
    zip,
    entries.find((e) => e.name === '[Content_Types].xml')!,
  );
  if ('code' in types) return types;
  if (/macroEnabled/i.test(types.toString('utf8'))) return { code: 'MACRO', detail: 'it is a macro-enabled workbook' };
  for (const e of entries) {
    const out = inflate(zip, e);
    if ('code' in out) return out;
  }
  return null;
}

function inflate(zip: Buffer, e: Entry): Buffer | ZipProblem {
  const broken = (detail: string): ZipProblem => ({ code: 'BROKEN_ARCHIVE', detail: `${e.name}: ${detail}` });
  if (e.localOffset + 30 > zip.length || zip.readUInt32LE(e.localOffset) !== LOCAL)
    return broken('entry header missing');
  const start = e.localOffset + 30 + zip.readUInt16LE(e.localOffset + 26) + zip.readUInt16LE(e.localOffset + 28);
  if (start + e.compressed > zip.length) return broken('entry runs past the end of the file');
  const data = zip.subarray(start, start + e.compressed);
  if (e.method === 0) return e.size === e.compressed ? data : broken('stored size mismatch');
  if (e.method !== 8) return broken(`compression method ${e.method} is not supported`);
  try {
    // One byte over the declared size is enough to know the declaration lied.
    const out = zlib.inflateRawSync(data, { maxOutputLength: e.size + 1 });
    if (out.length !== e.size) return { code: 'ZIP_BOMB', detail: `${e.name} inflates beyond its declared size` };
    return out;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      return { code: 'ZIP_BOMB', detail: `${e.name} inflates beyond its declared size` };
    return broken('the compressed data is damaged');
  }
}
