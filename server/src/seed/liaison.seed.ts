import { officeDate, type LiaisonKind, type PovertyStatus } from '@pat/shared';
import { Types } from 'mongoose';
import type { Logger } from '../logger';
import { ContactModel } from '../modules/contacts/contact.model';
import { FollowUpModel } from '../modules/liaison/follow-up.model';
import { refreshFollowUpOwners } from '../modules/liaison/follow-up-owners';
import { LiaisonActivityModel } from '../modules/liaison/liaison-activity.model';
import { RegionModel } from '../modules/regions/region.model';
import { searchText } from '../modules/regions/region-records';
import { UserModel } from '../modules/users/user.model';

// Demo data for regions, contacts and the liaison log. Figures, pairings, people, telephone numbers
// and e-mail addresses are illustrative, not official. Everything is fixed except the dates, which
// are offsets from the day of seeding (so "the last two years" and "overdue" stay true); records are
// keyed on natural keys that do not involve dates (region code, contact name, activity title,
// follow-up action), so running it again on any day adds nothing.

type Profile = {
  population: number;
  povertyStatus: PovertyStatus;
  pairedUnits: string[];
  office?: { name: string; address: string; phone: string; head: string };
};

const office = (name: string, address: string, phone: string, head: string) => ({ name, address, phone, head });

const PROFILES: Record<string, Profile> = {
  '653100': {
    population: 4_496_000,
    povertyStatus: 'NOT_DESIGNATED',
    pairedUnits: ['市合作交流办', '市发展改革委'],
    office: office('上海市对口支援新疆工作前方指挥部', '喀什市深喀大道 1 号', '0998-2812345', '王建国'),
  },
  '653124': {
    population: 221_000,
    povertyStatus: 'POVERTY_LIFTED',
    pairedUnits: ['松江区', '普陀区'],
    office: office('上海援疆泽普分指挥部', '泽普县团结路 18 号', '0998-8212001', '陈立'),
  },
  '653125': {
    population: 927_000,
    povertyStatus: 'NATIONAL_KEY_COUNTY',
    pairedUnits: ['闵行区', '宝山区'],
    office: office('上海援疆莎车分指挥部', '莎车县米夏路 66 号', '0998-8512002', '李明'),
  },
  '653126': {
    population: 584_000,
    povertyStatus: 'NATIONAL_KEY_COUNTY',
    pairedUnits: ['浦东新区', '嘉定区'],
    office: office('上海援疆叶城分指挥部', '叶城县幸福路 9 号', '0998-7212003', '周海'),
  },
  '653130': {
    population: 418_000,
    povertyStatus: 'POVERTY_LIFTED',
    pairedUnits: ['徐汇区', '长宁区'],
    office: office('上海援疆巴楚分指挥部', '巴楚县友谊路 27 号', '0998-6212004', '孙涛'),
  },
  '659003': { population: 267_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['市国资委'] },
  '540200': {
    population: 798_000,
    povertyStatus: 'NOT_DESIGNATED',
    pairedUnits: ['市合作交流办'],
    office: office('上海市第十批援藏干部联络组', '日喀则市上海中路 10 号', '0892-8822345', '刘洋'),
  },
  '540222': { population: 75_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['黄浦区'] },
  '540223': { population: 60_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['静安区'] },
  '540224': { population: 52_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['杨浦区'] },
  '540225': { population: 63_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['虹口区'] },
  '540233': { population: 15_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['市卫生健康委'] },
  '632600': {
    population: 215_000,
    povertyStatus: 'NOT_DESIGNATED',
    pairedUnits: ['市合作交流办'],
    office: office('上海市援青干部联络组', '玛沁县大武镇团结路 2 号', '0975-8382345', '杨帆'),
  },
  '632621': { population: 58_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['奉贤区'] },
  '632622': { population: 35_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['金山区'] },
  '632623': { population: 40_000, povertyStatus: 'NATIONAL_KEY_COUNTY', pairedUnits: ['青浦区'] },
  '632624': { population: 33_000, povertyStatus: 'NATIONAL_KEY_COUNTY', pairedUnits: ['崇明区'] },
  '632625': { population: 28_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['市教委'] },
  '632626': { population: 16_000, povertyStatus: 'POVERTY_LIFTED', pairedUnits: ['市农业农村委'] },
  '532600': {
    population: 3_503_000,
    povertyStatus: 'NOT_DESIGNATED',
    pairedUnits: ['浦东新区'],
    office: office('上海市援滇干部联络组文山小组', '文山市开化中路 88 号', '0876-2122345', '赵磊'),
  },
  '532500': { population: 4_478_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['闵行区'] },
  '530800': { population: 2_404_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['松江区'] },
  '532800': { population: 1_302_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['宝山区'] },
  '532900': { population: 3_338_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['嘉定区'] },
  '533400': { population: 388_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['徐汇区'] },
  '500101': { population: 1_565_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['市合作交流办'] },
  '420506': { population: 541_000, povertyStatus: 'NOT_DESIGNATED', pairedUnits: ['市合作交流办'] },
  '520300': {
    population: 6_606_000,
    povertyStatus: 'NOT_DESIGNATED',
    pairedUnits: ['市合作交流办', '杨浦区'],
    office: office('上海市驻遵义对口帮扶工作组', '遵义市汇川区上海路 100 号', '0851-2822345', '吴海涛'),
  },
};

const AREA_CODES: Record<string, string> = {
  '65': '0998',
  '54': '0892',
  '63': '0975',
  '53': '0876',
  '50': '023',
  '42': '0717',
  '52': '0851',
};

const CONTACT_NAMES = [
  '阿卜杜拉·买买提',
  '古丽娜尔·阿不都',
  '艾尔肯·吐尔逊',
  '王建军',
  '李红梅',
  '张伟',
  '次仁多吉',
  '扎西平措',
  '尼玛次仁',
  '卓玛',
  '索朗旺堆',
  '才让加',
  '更登',
  '拉毛措',
  '陈静',
  '杨晓东',
  '赵丽',
  '周敏',
  '吴海波',
  '郑文',
  '孙宏',
  '马骏',
  '朱晓梅',
  '胡婷',
  '高峰',
  '林娜',
  '何勇',
  '罗斌',
  '梁晨',
  '宋佳',
  '唐亮',
  '许诺',
  '韩雪',
  '冯涛',
  '曹阳',
  '彭辉',
  '曾琳',
  '田野',
  '董浩',
  '潘玉',
];

const POSITIONS: [string, string][] = [
  ['副县长', '县人民政府'],
  ['县委办公室主任', '县委办公室'],
  ['发展和改革委员会主任', '发展和改革委员会'],
  ['教育局局长', '教育局'],
  ['卫生健康委员会副主任', '卫生健康委员会'],
  ['乡村振兴局局长', '乡村振兴局'],
  ['人力资源和社会保障局副局长', '人力资源和社会保障局'],
  ['对口支援工作办公室联络员', '对口支援工作办公室'],
];

type Template = {
  kind: LiaisonKind;
  title: (region: string) => string;
  summary: (region: string) => string;
  participants: string[];
  /** Reception expenses in fen; 0 for calls and letters. */
  expenses: number;
  actions: [string, string];
};

const TEMPLATES: Template[] = [
  {
    kind: 'VISIT',
    title: (r) => `市合作交流办赴${r}调研对口支援项目`,
    summary: (r) =>
      `实地查看${r}援建学校、卫生院和产业园项目建设进度，与当地党委政府座谈，听取项目推进、资金使用和受益群众反馈情况。`,
    participants: ['市合作交流办副主任', '对口支援处处长', '项目处干部'],
    expenses: 1_860_000,
    actions: ['整理调研报告报分管领导', '督促项目单位补齐竣工资料'],
  },
  {
    kind: 'DELEGATION_RECEIVED',
    title: (r) => `接待${r}党政代表团来沪考察`,
    summary: () =>
      '代表团一行考察了本市产业园区和职业院校，双方就产业合作、劳务协作和干部人才交流深入交流，形成合作事项清单。',
    participants: ['市合作交流办主任', '市经济信息化委', '市人力资源社会保障局'],
    expenses: 4_580_000,
    actions: ['落实代表团考察成果清单', '对接产业园区招商意向企业'],
  },
  {
    kind: 'MEETING',
    title: (r) => `${r}对口支援工作联席会议`,
    summary: () => '总结上半年援建项目实施情况，研究下一阶段资金安排和重点项目，明确责任分工与时间节点。',
    participants: ['前方指挥部总指挥', '受援地分管副县长', '项目建设单位'],
    expenses: 320_000,
    actions: ['起草会议纪要并印发', '跟进专项资金拨付进度'],
  },
  {
    kind: 'CALL',
    title: (r) => `与${r}发改委电话沟通项目前期手续`,
    summary: () => '了解项目立项、用地和环评手续办理进度，约定下周提交补充材料。',
    participants: ['项目处干部', '受援地发改委'],
    expenses: 0,
    actions: ['催收项目补充材料', '更新项目前期手续台账'],
  },
  {
    kind: 'CORRESPONDENCE',
    title: (r) => `${r}来函商请支持教育帮扶项目`,
    summary: () => '来函提出新建学校教学楼及配套设施的资金需求，已转项目处研究，拟在下一年度计划中统筹安排。',
    participants: ['受援地教育局'],
    expenses: 0,
    actions: ['答复来函并抄送项目处', '将项目纳入年度计划储备库'],
  },
  {
    kind: 'VISIT',
    title: (r) => `赴${r}开展消费帮扶产品对接`,
    summary: () => '对接当地特色农产品进入本市商超和单位食堂，参观合作社和加工企业，商定年度供货计划。',
    participants: ['市合作交流办', '市商务委', '本市商超采购负责人'],
    expenses: 2_240_000,
    actions: ['签订年度供货框架协议', '组织产品参加本市展销会'],
  },
  {
    kind: 'DELEGATION_RECEIVED',
    title: (r) => `接待${r}医疗卫生考察团`,
    summary: () => '考察团参观本市三甲医院和社区卫生服务中心，洽谈远程会诊和医务人员进修安排。',
    participants: ['市卫生健康委', '市第六人民医院', '受援地卫健委'],
    expenses: 2_960_000,
    actions: ['安排医务人员进修名单', '开通远程会诊专线'],
  },
  {
    kind: 'MEETING',
    title: (r) => `${r}援建项目验收协调会`,
    summary: () => '协调项目竣工验收中的资料缺失和工程质量整改问题，确定验收时间表。',
    participants: ['项目处', '监理单位', '受援地住建局'],
    expenses: 180_000,
    actions: ['督促整改工程质量问题', '组织第三方验收'],
  },
  {
    kind: 'VISIT',
    title: (r) => `援派干部人才赴${r}慰问座谈`,
    summary: () => '看望慰问援派干部和专业技术人才，了解工作生活情况，协调解决住房和交通困难。',
    participants: ['市委组织部', '市合作交流办', '援派干部代表'],
    expenses: 1_520_000,
    actions: ['协调解决援派人才住房问题', '报送慰问情况专报'],
  },
  {
    kind: 'CALL',
    title: (r) => `与${r}前方工作机构视频连线调度`,
    summary: () => '调度年度项目开工率和资金支付率，提醒冬季停工前完成主体结构施工。',
    participants: ['对口支援处', '前方工作机构'],
    expenses: 0,
    actions: ['每周报送项目进度', '核对资金支付台账'],
  },
  {
    kind: 'MEETING',
    title: (r) => `沪${r}劳务协作对接会`,
    summary: () => '推介本市用工岗位，商定有组织劳务输出和职业技能培训安排，建立就业跟踪服务机制。',
    participants: ['市人力资源社会保障局', '本市用工企业', '受援地人社局'],
    expenses: 860_000,
    actions: ['汇总企业岗位需求清单', '组织首批技能培训'],
  },
  {
    kind: 'CORRESPONDENCE',
    title: (r) => `复函${r}关于产业园区招商合作事宜`,
    summary: () => '复函同意共建产业园区，明确招商推介、政策支持和企业落地服务的分工。',
    participants: ['市合作交流办', '受援地商务局'],
    expenses: 0,
    actions: ['筹备产业园区招商推介会', '建立落地企业服务清单'],
  },
];

// 17 regions and 12 templates: the pairs (i mod 12, i mod 17) never repeat for 60 activities,
// so each title is unique.
const ACTIVITY_REGIONS = [
  '653125',
  '653124',
  '653126',
  '653130',
  '653100',
  '659003',
  '540200',
  '540222',
  '540223',
  '632600',
  '632621',
  '632626',
  '532600',
  '532500',
  '500101',
  '420506',
  '520300',
];
const ACTIVITY_COUNT = 60;
const FOLLOW_UP_OWNERS = ['coordinator', 'coordinator', 'officer', 'manager', 'coordinator'];

/** A small deterministic generator (mulberry32), so "random" spreads are the same on every run. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

type SeedLog = Pick<Logger, 'info'>;

/** Idempotent demo data for region profiles, contacts, liaison activities and follow-ups. */
export async function seedLiaison(log: SeedLog): Promise<void> {
  const regions = await RegionModel.collection.find({}, { projection: { code: 1, ancestors: 1, name: 1 } }).toArray();
  const regionByCode = new Map(regions.map((r) => [String(r.code), r]));
  const pathOf = (code: string) => [...((regionByCode.get(code)?.ancestors as string[] | undefined) ?? []), code];
  const nameOf = (code: string) => String((regionByCode.get(code)?.name as { zh?: string } | undefined)?.zh ?? code);

  // Region profiles: filled only where no profile was recorded (never over what coordinators wrote).
  let profilesFilled = 0;
  for (const [code, p] of Object.entries(PROFILES)) {
    if (!regionByCode.has(code)) continue;
    const result = await RegionModel.collection.updateOne(
      { code, population: null },
      {
        $set: {
          population: p.population,
          povertyStatus: p.povertyStatus,
          pairedUnits: p.pairedUnits,
          ...(p.office ? { liaisonOffice: p.office } : {}),
        },
      },
    );
    profilesFilled += result.modifiedCount;
  }

  const users = await UserModel.collection
    .find({ username: { $in: ['admin', 'coordinator', 'officer', 'manager'] } }, { projection: { username: 1 } })
    .toArray();
  const userId = new Map(users.map((u) => [String(u.username), u._id as Types.ObjectId]));
  const author = userId.get('coordinator') ?? userId.get('admin');
  if (!author) throw new Error('seedLiaison needs the demo users: run seedDemo first');

  // Contacts, keyed on (region, name).
  const contactRegions = Object.keys(PROFILES).filter((code) => regionByCode.has(code));
  const contacts = CONTACT_NAMES.map((name, i) => {
    const regionCode = contactRegions[i % contactRegions.length]!;
    const [title, organisation] = POSITIONS[i % POSITIONS.length]!;
    const org = `${nameOf(regionCode)}${organisation}`;
    const phone = `${AREA_CODES[regionCode.slice(0, 2)] ?? '021'}-${String(2_100_000 + ((i * 7919) % 7_000_000))}`;
    const email = i % 4 === 3 ? '' : `liaison${String(i + 1).padStart(2, '0')}.${regionCode}@example.org`;
    return {
      regionCode,
      regionPath: pathOf(regionCode),
      name,
      title,
      organisation: org,
      phone,
      email,
      note: i % 5 === 0 ? '对口支援工作日常联系人，工作日可直接联系。' : '',
      search: searchText(name, title, org, phone, email),
      createdBy: author,
    };
  });
  const existingContacts = new Set(
    (
      await ContactModel.collection
        .find({ name: { $in: CONTACT_NAMES } }, { projection: { name: 1, regionCode: 1 } })
        .toArray()
    ).map((c) => `${String(c.regionCode)}|${String(c.name)}`),
  );
  const newContacts = contacts.filter((c) => !existingContacts.has(`${c.regionCode}|${c.name}`));
  if (newContacts.length > 0) await ContactModel.insertMany(newContacts, { ordered: false });

  // Liaison activities over the last two years, keyed on their (unique) titles, and their follow-ups.
  const today = officeDate();
  const random = generator(20261127);
  let followUpSeq = 0;
  const planned = Array.from({ length: ACTIVITY_COUNT }, (_, i) => {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    const regionCode = ACTIVITY_REGIONS[i % ACTIVITY_REGIONS.length]!;
    const region = nameOf(regionCode);
    const date = addDays(today, -(8 + Math.floor((i * 715) / ACTIVITY_COUNT) + Math.floor(random() * 6)));
    const jitter = Math.floor(random() * 40) * 100; // whole yuan, in fen
    const count = i % 3 === 2 ? 0 : i % 5 === 0 ? 2 : 1;
    const followUps = Array.from({ length: count }, (__, k) => {
      const seq = followUpSeq++;
      const dueDate = addDays(date, 15 + (seq % 4) * 15);
      const done = dueDate < today && seq % 3 !== 0;
      return {
        action: template.actions[k]!,
        owner: FOLLOW_UP_OWNERS[seq % FOLLOW_UP_OWNERS.length]!,
        dueDate,
        done,
        doneAt: done ? new Date(`${addDays(dueDate, -2)}T10:00:00+08:00`) : null,
      };
    });
    const participants = [...template.participants, `${region}对口支援工作联络员`];
    const title = template.title(region);
    const summary = template.summary(region);
    return {
      activity: {
        kind: template.kind,
        date,
        regionCode,
        regionPath: pathOf(regionCode),
        title,
        participants,
        summary,
        receptionExpenses: template.expenses > 0 ? template.expenses + jitter : 0,
        search: searchText(title, participants, summary),
        createdBy: author,
      },
      followUps: followUps.filter((f) => userId.has(f.owner)),
    };
  }).filter((p) => regionByCode.has(p.activity.regionCode));

  const titles = planned.map((p) => p.activity.title);
  const existingTitles = new Set(
    (
      await LiaisonActivityModel.collection.find({ title: { $in: titles } }, { projection: { title: 1 } }).toArray()
    ).map((a) => String(a.title)),
  );
  const newActivities = planned
    .filter((p) => !existingTitles.has(p.activity.title))
    .map((p) => ({
      ...p.activity,
      followUpOwnerIds: [...new Set(p.followUps.map((f) => f.owner))].map((u) => userId.get(u)!),
    }));
  if (newActivities.length > 0) await LiaisonActivityModel.insertMany(newActivities, { ordered: false });

  const activities = await LiaisonActivityModel.collection
    .find({ title: { $in: titles } }, { projection: { title: 1, regionCode: 1, regionPath: 1 } })
    .toArray();
  const activityByTitle = new Map(activities.map((a) => [String(a.title), a]));
  const existingFollowUps = new Set(
    (
      await FollowUpModel.collection
        .find({ activityId: { $in: activities.map((a) => a._id) } }, { projection: { activityId: 1, action: 1 } })
        .toArray()
    ).map((f) => `${String(f.activityId)}|${String(f.action)}`),
  );
  const newFollowUps = planned.flatMap((p) => {
    const activity = activityByTitle.get(p.activity.title);
    if (!activity) return [];
    return p.followUps
      .filter((f) => !existingFollowUps.has(`${String(activity._id)}|${f.action}`))
      .map((f) => ({
        activityId: activity._id,
        regionCode: activity.regionCode,
        regionPath: activity.regionPath,
        action: f.action,
        ownerId: userId.get(f.owner)!,
        dueDate: f.dueDate,
        done: f.done,
        doneAt: f.doneAt,
        doneBy: f.done ? userId.get(f.owner)! : null,
        createdBy: author,
      }));
  });
  if (newFollowUps.length > 0) {
    await FollowUpModel.insertMany(newFollowUps, { ordered: false });
    for (const id of new Set(newFollowUps.map((f) => String(f.activityId))))
      await refreshFollowUpOwners(new Types.ObjectId(id));
  }

  log.info(
    {
      regionProfilesFilled: profilesFilled,
      contactsAdded: newContacts.length,
      liaisonActivitiesAdded: newActivities.length,
      followUpsAdded: newFollowUps.length,
    },
    'liaison demo data seeded',
  );
}
