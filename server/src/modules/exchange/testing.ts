// Helpers of the exchange tests: files made in the test, uploads and downloads through the real app.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportReport } from '@pat/shared';
import type { TestClient } from '../../../test/app';

export const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

export async function download(
  c: TestClient,
  url: string,
): Promise<{ status: number; body: Buffer; headers: Record<string, string> }> {
  const res = await c.agent
    .get(url)
    .buffer(true)
    .parse(binary as unknown as Parameters<ReturnType<TestClient['agent']['get']>['parse']>[0]);
  return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
}

export async function workbookOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

export async function xlsxFile(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type Job = {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  processed: number;
  total: number;
  report: ImportReport | null;
  error: string | null;
};

/** Uploads a file and waits for its job; the 4xx answer when the file itself is refused. */
export async function importFile(
  c: TestClient,
  kind: string,
  mode: 'dry-run' | 'apply',
  file: Buffer,
  filename: string,
  lang = 'en',
): Promise<{ status: number; job?: Job; error?: { code: string; message: string } }> {
  const res = await c.agent
    .post(`/api/import/${kind}?mode=${mode}&lang=${lang}`)
    .set('x-pat-upload', '1')
    .attach('file', file, filename);
  if (res.status !== 202) return { status: res.status, error: res.body.error };
  let job = res.body.job as Job;
  for (let i = 0; i < 2400 && job.status === 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = (await c.agent.get(`/api/import/jobs/${job.id}`)).body.job as Job;
  }
  return { status: res.status, job };
}

/** A zip archive written by hand, so a test can declare sizes that lie or hide a macro. */
export function makeZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The entries of a real xlsx, to rebuild it with something added. */
export function zipEntries(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const local = zip.readUInt32LE(p + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + zip.readUInt32LE(p + 20));
    out.push({ name, data: zip.readUInt16LE(p + 10) === 8 ? zlib.inflateRawSync(raw) : raw });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}
