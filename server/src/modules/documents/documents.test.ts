import mongoose from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { testConfig } from '../../../test/config';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { DocumentModel } from './document.model';
import { sanitizeFilename } from './file-types';

useTestDatabase();

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 32)]);

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
let projectId = '';

const upload = (c: TestClient, file: Buffer, filename: string, fields: Record<string, string> = {}) => {
  let req = c.agent.post('/api/documents').set('x-pat-upload', '1');
  for (const [k, v] of Object.entries({ recordKind: 'PROJECT', recordId: projectId, ...fields })) req = req.field(k, v);
  return req.attach('file', file, filename);
};
const chunkCount = () => mongoose.connection.db!.collection('documents.chunks').countDocuments();

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp(testConfig({ UPLOAD_MAX_MB: '1' }));
  const officer = await createUser({ username: 'd-officer', role: 'officer' });
  for (const [name, role, scope] of [
    ['d-viewer', 'viewer', []],
    ['d-coord', 'coordinator', []],
    ['d-scoped', 'viewer', ['540000']],
  ] as const) {
    await createUser({ username: name, role, regionScope: [...scope] });
  }
  for (const name of ['d-officer', 'd-viewer', 'd-coord', 'd-scoped']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
  projectId = String((await createProject({ officerIds: [new mongoose.Types.ObjectId(String(officer._id))] }))._id);
});
afterAll(() => app.stop());

describe('evidence and documents', () => {
  it('the responsible officer uploads a photo; a viewer sees it on the project and downloads the same bytes', async () => {
    const res = await upload(as['d-officer']!, PNG, '../../工地照片 <1>.png', { title: '基础施工照片' });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({
      filename: '工地照片 1.png',
      title: '基础施工照片',
      contentType: 'image/png',
      size: PNG.length,
    });
    const r = await as['d-viewer']!.gql<{
      project: { documents: { id: string; url: string; uploadedBy: { username: string } }[] };
    }>(`query($id: ID!) { project(id: $id) { documents { id url filename uploadedBy { username } } } }`, {
      id: projectId,
    });
    const doc = r.data!.project.documents[0]!;
    expect(doc.uploadedBy.username).toBe('d-officer');
    const download = await as['d-viewer']!.agent.get(doc.url)
      .buffer(true)
      .parse((response, cb) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    expect(await AuditEntryModel.countDocuments({ kind: 'Document', action: 'upload' })).toBe(1);
  });

  it('checks the type from the content, not only the name', async () => {
    const before = await chunkCount();
    const fake = await upload(as['d-officer']!, PDF, 'photo.png');
    expect(fake.status).toBe(400);
    expect(fake.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(fake.body.error.message).toContain('the content is not a .png file');
    const exe = await upload(as['d-officer']!, Buffer.from('MZ\x90\x00 not allowed at all'), 'setup.exe');
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toContain('not accepted');
    const empty = await upload(as['d-officer']!, Buffer.alloc(0), 'empty.pdf');
    expect(empty.status).toBe(400);
    expect((await upload(as['d-officer']!, PDF, '验收报告.pdf')).status).toBe(201);
    expect(await DocumentModel.countDocuments()).toBe(2);
    expect(await chunkCount()).toBe(before + 1);
  });

  it('refuses files over the size limit and leaves nothing behind', async () => {
    const before = { docs: await DocumentModel.countDocuments(), chunks: await chunkCount() };
    const big = Buffer.concat([PDF, Buffer.alloc(1.5 * 1024 * 1024, 1)]);
    const res = await upload(as['d-officer']!, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/larger than the 1 MB limit/);
    expect(await DocumentModel.countDocuments()).toBe(before.docs);
    expect(await chunkCount()).toBe(before.chunks);
  });

  it('refuses uploads by users who may not change the record, without a session, or without the CSRF header', async () => {
    expect((await upload(as['d-coord']!, PNG, 'a.png')).status).toBe(403);
    expect((await upload(as['d-viewer']!, PNG, 'a.png')).status).toBe(403);
    expect((await upload(app.client(), PNG, 'a.png')).status).toBe(401);
    const noHeader = await as['d-officer']!.agent.post('/api/documents')
      .field('recordKind', 'PROJECT')
      .field('recordId', projectId)
      .attach('file', PNG, 'a.png');
    expect(noHeader.status).toBe(400);
    expect((await upload(as['d-officer']!, PNG, 'a.png', { recordKind: 'PLANET' })).status).toBe(400);
  });

  it('a user who may not read the record cannot download or even list its documents', async () => {
    const doc = await DocumentModel.findOne().lean();
    expect((await as['d-scoped']!.agent.get(`/api/documents/${String(doc!._id)}`)).status).toBe(404);
    expect((await app.client().agent.get(`/api/documents/${String(doc!._id)}`)).status).toBe(401);
    const list = await as['d-scoped']!.gql(
      `query($id: String!) { documents(recordKind: PROJECT, recordId: $id) { id } }`,
      { id: projectId },
    );
    expect(list.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('archives a document with its version; it is gone from the project and from download', async () => {
    const doc = await DocumentModel.findOne({ archived: false }).lean();
    const id = String(doc!._id);
    const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveDocument(id: $id, version: $v) { id version } }`;
    expect((await as['d-viewer']!.gql(ARCHIVE, { id, v: 0 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as['d-officer']!.gql(ARCHIVE, { id, v: 0 })).data).toEqual({ archiveDocument: { id, version: 1 } });
    expect((await as['d-officer']!.gql(ARCHIVE, { id, v: 0 })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as['d-officer']!.agent.get(`/api/documents/${id}`)).status).toBe(404);
  });

  it('sanitises file names', () => {
    expect(sanitizeFilename('..\\..\\windows\\evil.pdf')).toBe('evil.pdf');
    expect(sanitizeFilename('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(sanitizeFilename('a\u0000b:c.jpg')).toBe('abc.jpg');
    expect(sanitizeFilename('....')).toBe('document');
    expect(sanitizeFilename(`${'长'.repeat(300)}.docx`)).toBe(`${'长'.repeat(100)}.docx`);
  });

  it('evidence uploaded to a milestone is listed on that milestone of the project', async () => {
    const logged = await as['d-officer']!.gql<{ logMilestone: { id: string } }>(
      `mutation($p: ID!) { logMilestone(projectId: $p, input: { title: { zh: "验收" }, plannedDate: "2030-01-01" }) { id } }`,
      { p: projectId },
    );
    const milestoneId = logged.data!.logMilestone.id;
    const res = await upload(as['d-officer']!, PNG, 'site.png', { recordKind: 'MILESTONE', recordId: milestoneId });
    expect(res.status).toBe(201);
    const r = await as['d-viewer']!.gql<{
      project: { milestones: { id: string; documents: { filename: string; contentType: string }[] }[] };
    }>(`query($id: ID!) { project(id: $id) { milestones { id documents { filename contentType } } } }`, {
      id: projectId,
    });
    const milestone = r.data!.project.milestones.find((m) => m.id === milestoneId);
    expect(milestone?.documents).toEqual([{ filename: 'site.png', contentType: 'image/png' }]);
  });
});
