import { DEFAULT_DAC_CODE, officeDate, PROJECT_STATUSES, SECTORS, type ProjectStatus, type Sector } from '@pat/shared';
import crypto from 'node:crypto';
import { Types } from 'mongoose';
import type { Logger } from '../logger';
import { DocumentModel } from '../modules/documents/document.model';
import { bucket } from '../modules/documents/documents.routes';
import { MilestoneModel } from '../modules/milestones/milestone.model';
import { ProjectModel } from '../modules/projects/project.model';
import { UserModel } from '../modules/users/user.model';
import { REGION_SEED } from './regions.data';
import { addDays, seededRandom } from './random';

const SECTOR_WORDS: Record<Sector, { zh: string[]; en: string[]; unit: string; kpi: [string, string] }> = {
  EDUCATION: {
    zh: ['第一小学扩建', '职业技术学校实训楼', '双语幼儿园', '中学教学楼改造'],
    en: [
      'No. 1 Primary School extension',
      'Vocational school training building',
      'Bilingual kindergarten',
      'Middle school renovation',
    ],
    unit: '市教育局',
    kpi: ['新增学位', 'new school places'],
  },
  HEALTH: {
    zh: ['县人民医院远程会诊中心', '乡镇卫生院标准化建设', '妇幼保健院设备更新'],
    en: ['County hospital telemedicine centre', 'Township clinic upgrade', 'Maternal and child health equipment'],
    unit: '市卫生健康委',
    kpi: ['服务人次', 'patients served'],
  },
  INDUSTRY_EMPLOYMENT: {
    zh: ['农产品加工园区', '就业帮扶车间', '特色林果冷链物流'],
    en: ['Agricultural processing park', 'Employment workshop', 'Fruit cold-chain logistics'],
    unit: '市商务委',
    kpi: ['带动就业', 'jobs created'],
  },
  INFRASTRUCTURE: {
    zh: ['乡村道路硬化', '安全饮水工程', '易地搬迁安置区配套'],
    en: ['Village road paving', 'Safe drinking water', 'Relocation site facilities'],
    unit: '市住房城乡建设委',
    kpi: ['受益人口', 'people served'],
  },
  TALENT_EXCHANGE: {
    zh: ['干部人才双向挂职', '教师培训计划', '医疗人才组团帮扶'],
    en: ['Cadre exchange', 'Teacher training programme', 'Medical team support'],
    unit: '市人力资源社会保障局',
    kpi: ['培训人次', 'people trained'],
  },
  CULTURE: {
    zh: ['民族文化活动中心', '非遗传承工坊', '县图书馆数字化'],
    en: ['Ethnic culture centre', 'Intangible heritage workshop', 'County library digitisation'],
    unit: '市文化旅游局',
    kpi: ['活动场次', 'events held'],
  },
  SCIENCE_TECHNOLOGY: {
    zh: ['农业科技示范园', '智慧农业物联网', '科技特派员服务站'],
    en: ['Agricultural technology park', 'Smart farming IoT', 'Technology commissioner station'],
    unit: '市科委',
    kpi: ['推广面积（亩）', 'area reached (mu)'],
  },
  LIVELIHOOD_POVERTY: {
    zh: ['安居富民房建设', '困难群众帮扶', '乡村振兴示范村'],
    en: ['Housing for rural families', 'Support for families in need', 'Rural revitalisation village'],
    unit: '市合作交流办',
    kpi: ['受益户数', 'households'],
  },
  OTHER: {
    zh: ['对口支援综合服务', '消费帮扶专馆'],
    en: ['Integrated assistance services', 'Consumption assistance store'],
    unit: '市合作交流办',
    kpi: ['完成事项', 'items completed'],
  },
};
const MILESTONE_TITLES = [
  ['立项批复', 'Project approval'],
  ['招标完成', 'Tendering completed'],
  ['开工建设', 'Construction started'],
  ['主体完工', 'Main works completed'],
  ['竣工验收', 'Final acceptance'],
] as const;

const COUNT = 200;

/** About 200 projects in every region, sector and status, with milestones (some overdue) and indicators. */
export async function seedProjects(log: Pick<Logger, 'info'>): Promise<void> {
  const existing = new Set(
    (await ProjectModel.collection.find({ code: /^PA-\d{4}-\d{3}$/ }, { projection: { code: 1 } }).toArray()).map(
      (p) => p.code,
    ),
  );
  const staff = await UserModel.collection.find({ username: { $in: ['officer', 'manager', 'admin'] } }).toArray();
  const officer = staff.find((u) => u.username === 'officer')?._id ?? new Types.ObjectId();
  const manager = staff.find((u) => u.username === 'manager')?._id ?? officer;
  const leaves = REGION_SEED.filter((r) => r.level !== 'province');
  const pathOf = (code: string): string[] => {
    const r = REGION_SEED.find((x) => x.code === code);
    return r?.parentCode ? [...pathOf(r.parentCode), code] : [code];
  };
  const rnd = seededRandom(20261127);
  const today = officeDate();
  const thisYear = Number(today.slice(0, 4));
  const projects: Record<string, unknown>[] = [];
  const milestones: Record<string, unknown>[] = [];

  for (let i = 0; i < COUNT; i++) {
    const year = thisYear - 2 + (i % 3);
    const code = `PA-${year}-${String(i + 1).padStart(3, '0')}`;
    const sector = SECTORS[i % SECTORS.length]!;
    const status: ProjectStatus = PROJECT_STATUSES[i % PROJECT_STATUSES.length]!;
    const region = leaves[(i * 7) % leaves.length]!;
    const words = SECTOR_WORDS[sector];
    const w = rnd.int(0, words.zh.length - 1);
    const plannedStart = `${year}-${String(rnd.int(1, 6)).padStart(2, '0')}-01`;
    const plannedEnd = addDays(plannedStart, rnd.int(200, 700));
    const id = new Types.ObjectId();
    const specialFund = rnd.int(50, 3000) * 1_000_000; // 50万 to 3000万元 in fen
    const name = { zh: `${region.zh}${words.zh[w]}`, en: `${region.en} ${words.en[w]}` };
    const started = ['IN_PROGRESS', 'COMPLETED', 'ACCEPTED', 'SUSPENDED'].includes(status);
    const ms = MILESTONE_TITLES.map(([zh, en], k) => {
      const plannedDate = addDays(
        plannedStart,
        Math.round(
          ((k + 1) * (Date.parse(plannedEnd) - Date.parse(plannedStart))) / 86_400_000 / MILESTONE_TITLES.length,
        ),
      );
      const finished =
        status === 'ACCEPTED' || status === 'COMPLETED' || (started && plannedDate < today && rnd.next() < 0.7);
      const doneOn = addDays(plannedDate, rnd.int(-10, 40));
      const actualDate = finished ? (doneOn > today ? today : doneOn) : null;
      return {
        _id: new Types.ObjectId(),
        projectId: id,
        regionPath: pathOf(region.code),
        title: { zh, en },
        plannedDate,
        actualDate,
        percentComplete: finished ? 100 : started && plannedDate < addDays(today, 60) ? rnd.int(10, 90) : 0,
        status: finished ? 'DONE' : plannedDate < today && started ? 'LATE' : 'PENDING',
        onTime: finished ? Boolean(actualDate && actualDate <= plannedDate) : null,
        note: '',
        loggedBy: i % 4 === 0 ? officer : manager,
        loggedAt: new Date(),
        archived: false,
        version: 0,
      };
    });
    const open = ms
      .filter((m) => m.status !== 'DONE')
      .map((m) => m.plannedDate)
      .sort();
    if (existing.has(code)) continue;
    milestones.push(...ms);
    projects.push({
      _id: id,
      code,
      name,
      description: { zh: `${name.zh}，由${words.unit}组织实施。`, en: `${name.en}, implemented by the city.` },
      regionCode: region.code,
      regionPath: pathOf(region.code),
      sector,
      dacCode: DEFAULT_DAC_CODE[sector],
      implementingUnit: words.unit,
      officerIds: [i % 4 === 0 ? officer : manager],
      agreementIds: [],
      plannedStart,
      plannedEnd,
      actualStart: started ? addDays(plannedStart, rnd.int(0, 30)) : null,
      actualEnd: status === 'COMPLETED' || status === 'ACCEPTED' ? addDays(plannedEnd, rnd.int(-30, 30)) : null,
      budget: {
        specialFund,
        districtBudget: rnd.int(0, 500) * 1_000_000,
        donation: i % 5 === 0 ? rnd.int(1, 100) * 1_000_000 : 0,
      },
      status,
      statusReason:
        status === 'SUSPENDED' ? '冬季停工，来年复工' : status === 'CANCELLED' ? '选址调整，项目合并' : null,
      risk: (['LOW', 'LOW', 'MEDIUM', 'HIGH'] as const)[i % 4],
      indicators: [
        {
          _id: new Types.ObjectId(),
          name: { zh: words.kpi[0], en: words.kpi[1] },
          unit: words.kpi[0].includes('（') ? '亩' : '个',
          baseline: 0,
          target: rnd.int(100, 5000),
          actual: started ? rnd.int(0, 4000) : null,
        },
      ],
      milestoneCount: ms.length,
      milestoneDoneCount: ms.length - open.length,
      nextDueDate: open[0] ?? null,
      progress: Math.round(ms.reduce((s, m) => s + m.percentComplete, 0) / ms.length),
      search: `${code} ${name.zh} ${name.en}`.toLowerCase(),
      archived: false,
      createdBy: manager,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 0,
    });
  }
  for (let k = 0; k < projects.length; k += 500)
    await ProjectModel.collection.insertMany(projects.slice(k, k + 500), { ordered: false });
  for (let k = 0; k < milestones.length; k += 1000)
    await MilestoneModel.collection.insertMany(milestones.slice(k, k + 1000), { ordered: false });
  for (const project of projects.slice(0, 3)) await attachDemoReport(project, manager);
  log.info({ projectsAdded: projects.length, milestonesAdded: milestones.length }, 'demo projects seeded');
}

/** A small, valid one-page PDF standing in for an acceptance report. */
function demoPdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 35} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function attachDemoReport(project: Record<string, unknown>, uploadedBy: unknown): Promise<void> {
  const pdf = demoPdf(`Acceptance report ${String(project.code)}`);
  const filename = `${String(project.code)}-验收报告.pdf`;
  const upload = bucket().openUploadStream(filename, { metadata: { contentType: 'application/pdf' } });
  await new Promise<void>((resolve, reject) =>
    upload.end(pdf, (error?: Error | null) => (error ? reject(error) : resolve())),
  );
  await DocumentModel.collection.insertOne({
    recordKind: 'PROJECT',
    recordId: String(project._id),
    regionPath: project.regionPath,
    title: '验收报告 Acceptance report',
    filename,
    contentType: 'application/pdf',
    size: pdf.length,
    sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
    fileId: upload.id,
    uploadedBy,
    uploadedAt: new Date(),
    archived: false,
    createdAt: new Date(),
    updatedAt: new Date(),
    version: 0,
  });
}
