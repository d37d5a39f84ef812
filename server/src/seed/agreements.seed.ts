import {
  addDaysToDate,
  officeDate,
  type AgreementKind,
  type CommitmentParty,
  type CommitmentStatus,
  type CooperationField,
} from '@pat/shared';
import { Types } from 'mongoose';
import type { Logger } from '../logger';
import { AgreementModel } from '../modules/agreements/agreement.model';
import { CommitmentModel } from '../modules/agreements/commitment.model';
import { UserModel } from '../modules/users/user.model';
import { REGION_SEED } from './regions.data';

/** [party, 中文, English, responsible unit, due date in days from the seeding day, status] */
type CommitmentSeed = [CommitmentParty, string, string, string, number, CommitmentStatus];

type AgreementSeed = {
  code: string;
  zh: string;
  en: string;
  counterpart: string;
  kind: AgreementKind;
  fields: CooperationField[];
  signedOn: string;
  validFrom: string;
  /** The end of validity in days from the seeding day, so the demo always has some expiring and some expired. */
  untilDays: number;
  regionCodes: string[];
  signatories: string[];
  note?: string;
  commitments: CommitmentSeed[];
};

const OFFICE = '市合作交流办';

export const AGREEMENT_SEED: AgreementSeed[] = [
  {
    code: 'AG-KS-2021-01',
    zh: '沪喀对口支援框架协议（2021—2025年）',
    en: 'Shanghai–Kashgar partner-assistance framework agreement (2021–2025)',
    counterpart: '喀什地区行政公署',
    kind: 'FRAMEWORK',
    fields: ['ECONOMY', 'INFRASTRUCTURE', 'TALENT', 'EDUCATION', 'HEALTH'],
    signedOn: '2021-03-18',
    validFrom: '2021-04-01',
    untilDays: 45,
    regionCodes: ['653100'],
    signatories: ['市合作交流办主任', '喀什地区行署专员'],
    note: '续签工作已启动，新一轮框架协议拟于明年一季度签署。',
    commitments: [
      [
        'OURS',
        '每年安排对口支援资金不低于上年水平',
        'Keep annual assistance funds at least at last year’s level',
        OFFICE,
        -330,
        'DONE',
      ],
      [
        'OURS',
        '选派援疆干部人才不少于200名',
        'Send at least 200 cadres and professionals',
        '市委组织部',
        -60,
        'IN_PROGRESS',
      ],
      [
        'THEIRS',
        '落实援建项目建设用地和配套条件',
        'Provide land and utilities for assistance projects',
        '喀什地区发改委',
        -200,
        'DONE',
      ],
      [
        'THEIRS',
        '建立援建项目联合验收机制',
        'Set up joint acceptance of assistance projects',
        '喀什地区财政局',
        30,
        'PENDING',
      ],
    ],
  },
  {
    code: 'AG-KS-2023-02',
    zh: '莎车县教育组团式帮扶协议',
    en: 'Group-based education assistance agreement for Shache County',
    counterpart: '莎车县人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['EDUCATION', 'TALENT'],
    signedOn: '2023-02-20',
    validFrom: '2023-03-01',
    untilDays: 400,
    regionCodes: ['653125'],
    signatories: ['市教育局局长', '莎车县县长'],
    commitments: [
      [
        'OURS',
        '派驻管理团队和骨干教师各一批',
        'Send a management team and a group of senior teachers',
        '市教育局',
        -90,
        'DONE',
      ],
      ['OURS', '建成远程同步课堂20间', 'Build 20 remote synchronous classrooms', '市教育局', -20, 'IN_PROGRESS'],
      [
        'THEIRS',
        '保障援派教师住宿和交通',
        'Provide housing and transport for seconded teachers',
        '莎车县教育局',
        60,
        'PENDING',
      ],
    ],
  },
  {
    code: 'AG-KS-2022-03',
    zh: '泽普县医疗卫生对口合作协议',
    en: 'Health cooperation agreement with Zepu County',
    counterpart: '泽普县人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['HEALTH', 'TALENT'],
    signedOn: '2022-05-10',
    validFrom: '2022-06-01',
    untilDays: 20,
    regionCodes: ['653124'],
    signatories: ['市卫健委主任', '泽普县县长'],
    commitments: [
      [
        'OURS',
        '支持泽普县人民医院创建二级甲等医院',
        'Help Zepu County People’s Hospital reach grade 2A',
        '市卫健委',
        -150,
        'DONE',
      ],
      ['OURS', '每年接收进修医护人员30名', 'Train 30 doctors and nurses a year', '市卫健委', -10, 'IN_PROGRESS'],
      [
        'THEIRS',
        '配齐医院信息化建设专职人员',
        'Staff the hospital’s information systems team',
        '泽普县卫健委',
        -40,
        'PENDING',
      ],
    ],
  },
  {
    code: 'AG-KS-2024-04',
    zh: '叶城县核桃产业合作备忘录',
    en: 'Memorandum on walnut industry cooperation with Yecheng County',
    counterpart: '叶城县人民政府',
    kind: 'MEMORANDUM',
    fields: ['ECONOMY', 'SERVICES'],
    signedOn: '2024-04-12',
    validFrom: '2024-04-12',
    untilDays: 520,
    regionCodes: ['653126'],
    signatories: ['市商务委副主任', '叶城县副县长'],
    commitments: [
      [
        'OURS',
        '组织本市商超开设叶城核桃销售专区',
        'Open Yecheng walnut counters in city supermarkets',
        '市商务委',
        90,
        'IN_PROGRESS',
      ],
      ['THEIRS', '建立核桃质量追溯体系', 'Set up walnut quality traceability', '叶城县林草局', 150, 'PENDING'],
    ],
  },
  {
    code: 'AG-KS-2020-05',
    zh: '巴楚县劳动力转移就业合作协议',
    en: 'Labour transfer and employment cooperation agreement with Bachu County',
    counterpart: '巴楚县人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['ECONOMY', 'SERVICES'],
    signedOn: '2020-06-30',
    validFrom: '2020-07-01',
    untilDays: -150,
    regionCodes: ['653130'],
    signatories: ['市人社局局长', '巴楚县县长'],
    note: '协议已到期，后续合作并入新一轮框架协议。',
    commitments: [
      ['OURS', '提供就业岗位不少于3000个', 'Offer at least 3,000 jobs', '市人社局', -400, 'DONE'],
      ['THEIRS', '开展岗前技能培训', 'Run pre-employment skills training', '巴楚县人社局', -300, 'DONE'],
      ['OURS', '建设返乡创业孵化基地', 'Build an incubator for returning entrepreneurs', '市人社局', -180, 'CANCELLED'],
    ],
  },
  {
    code: 'AG-XJ-2022-06',
    zh: '沪新科技合作框架协议',
    en: 'Shanghai–Xinjiang science and technology cooperation framework agreement',
    counterpart: '新疆维吾尔自治区科技厅',
    kind: 'FRAMEWORK',
    fields: ['SCIENCE_TECHNOLOGY', 'TALENT'],
    signedOn: '2022-09-08',
    validFrom: '2022-10-01',
    untilDays: 700,
    regionCodes: ['650000'],
    signatories: ['市科委主任', '自治区科技厅厅长'],
    commitments: [
      [
        'OURS',
        '开放本市大型科研仪器共享平台',
        'Open the city’s shared large-instrument platform',
        '市科委',
        -100,
        'DONE',
      ],
      ['OURS', '共建联合实验室2个', 'Set up two joint laboratories', '市科委', 200, 'IN_PROGRESS'],
      ['THEIRS', '设立配套科研经费', 'Provide matching research funds', '自治区科技厅', -30, 'PENDING'],
      [
        'THEIRS',
        '推荐青年科技人才来沪研修',
        'Nominate young researchers for study in Shanghai',
        '自治区科技厅',
        120,
        'PENDING',
      ],
    ],
  },
  {
    code: 'AG-XJ-2024-07',
    zh: '图木舒克市文旅交流合作备忘录',
    en: 'Memorandum on culture and tourism exchange with Tumxuk',
    counterpart: '图木舒克市人民政府',
    kind: 'MEMORANDUM',
    fields: ['CULTURE', 'SERVICES'],
    signedOn: '2024-07-15',
    validFrom: '2024-08-01',
    untilDays: 75,
    regionCodes: ['659003'],
    signatories: ['市文旅局副局长', '图木舒克市副市长'],
    commitments: [
      ['OURS', '组织"游新疆"专列2趟', 'Run two "Visit Xinjiang" tourist trains', '市文旅局', -45, 'DONE'],
      [
        'THEIRS',
        '提升景区接待设施',
        'Upgrade visitor facilities at scenic spots',
        '图木舒克市文旅局',
        -5,
        'IN_PROGRESS',
      ],
    ],
  },
  {
    code: 'AG-RKZ-2021-08',
    zh: '沪日对口支援框架协议',
    en: 'Shanghai–Shigatse partner-assistance framework agreement',
    counterpart: '日喀则市人民政府',
    kind: 'FRAMEWORK',
    fields: ['ECONOMY', 'INFRASTRUCTURE', 'EDUCATION', 'HEALTH', 'TALENT'],
    signedOn: '2021-05-25',
    validFrom: '2021-06-01',
    untilDays: 88,
    regionCodes: ['540200'],
    signatories: ['市合作交流办主任', '日喀则市市长'],
    commitments: [
      [
        'OURS',
        '援建江孜县、拉孜县等五县重点民生项目',
        'Fund key livelihood projects in five counties',
        OFFICE,
        -120,
        'DONE',
      ],
      ['OURS', '选派第十批援藏干部', 'Send the tenth group of assistance cadres', '市委组织部', -300, 'DONE'],
      [
        'THEIRS',
        '完成援建项目审批和土地保障',
        'Approve projects and secure land',
        '日喀则市发改委',
        -75,
        'IN_PROGRESS',
      ],
      [
        'THEIRS',
        '建立援藏资金使用月报制度',
        'Report monthly on the use of assistance funds',
        '日喀则市财政局',
        15,
        'PENDING',
      ],
      ['OURS', '开展"组团式"医疗援藏', 'Send group-based medical teams', '市卫健委', 180, 'IN_PROGRESS'],
    ],
  },
  {
    code: 'AG-RKZ-2023-09',
    zh: '江孜县青稞产业帮扶协议',
    en: 'Highland barley industry assistance agreement with Gyantse County',
    counterpart: '江孜县人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['ECONOMY'],
    signedOn: '2023-04-03',
    validFrom: '2023-04-03',
    untilDays: 300,
    regionCodes: ['540222'],
    signatories: ['市农业农村委副主任', '江孜县县长'],
    commitments: [
      ['OURS', '援建青稞精深加工生产线', 'Build a barley processing line', '市农业农村委', -15, 'IN_PROGRESS'],
      ['THEIRS', '组建青稞种植合作社', 'Form barley growers’ cooperatives', '江孜县农业农村局', -90, 'DONE'],
      ['OURS', '帮助对接本市销售渠道', 'Connect growers with city retailers', '市商务委', 40, 'PENDING'],
    ],
  },
  {
    code: 'AG-RKZ-2019-10',
    zh: '定日县、萨迦县边境小康村建设协议',
    en: 'Border village development agreement with Tingri and Sa’gya counties',
    counterpart: '日喀则市人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['INFRASTRUCTURE'],
    signedOn: '2019-08-20',
    validFrom: '2019-09-01',
    untilDays: -400,
    regionCodes: ['540223', '540224'],
    signatories: ['市合作交流办副主任', '日喀则市副市长'],
    commitments: [
      ['OURS', '援建边境小康村12个', 'Build 12 border villages', OFFICE, -500, 'DONE'],
      ['THEIRS', '完成村民搬迁安置', 'Resettle the villagers', '定日县人民政府', -450, 'DONE'],
    ],
  },
  {
    code: 'AG-RKZ-2025-11',
    zh: '亚东县、拉孜县口岸经济合作备忘录',
    en: 'Memorandum on border-port economy with Yadong and Lhatse counties',
    counterpart: '亚东县人民政府',
    kind: 'MEMORANDUM',
    fields: ['ECONOMY', 'SERVICES', 'INFRASTRUCTURE'],
    signedOn: '2025-03-12',
    validFrom: '2025-04-01',
    untilDays: 1100,
    regionCodes: ['540233', '540225'],
    signatories: ['市商务委主任', '亚东县县长', '拉孜县县长'],
    commitments: [
      ['OURS', '编制口岸经济发展规划', 'Draw up a border-port development plan', '市发展改革委', -25, 'PENDING'],
      ['THEIRS', '提供口岸物流用地', 'Provide land for port logistics', '亚东县自然资源局', 100, 'PENDING'],
    ],
  },
  {
    code: 'AG-GL-2021-12',
    zh: '沪果对口支援框架协议',
    en: 'Shanghai–Golog partner-assistance framework agreement',
    counterpart: '果洛藏族自治州人民政府',
    kind: 'FRAMEWORK',
    fields: ['ECONOMY', 'EDUCATION', 'HEALTH', 'INFRASTRUCTURE'],
    signedOn: '2021-07-06',
    validFrom: '2021-07-06',
    untilDays: 60,
    regionCodes: ['632600'],
    signatories: ['市合作交流办主任', '果洛州州长'],
    commitments: [
      ['OURS', '援建果洛州高级中学', 'Build Golog Prefecture Senior High School', '市教育局', -210, 'DONE'],
      [
        'OURS',
        '选派援青干部和专业技术人才',
        'Send cadres and professionals to Qinghai',
        '市委组织部',
        -35,
        'IN_PROGRESS',
      ],
      [
        'THEIRS',
        '落实高海拔地区施工期保障',
        'Support construction in the high-altitude season',
        '果洛州住建局',
        -100,
        'DONE',
      ],
    ],
  },
  {
    code: 'AG-GL-2024-13',
    zh: '玛沁县、班玛县牦牛产业帮扶协议',
    en: 'Yak industry assistance agreement with Maqên and Baima counties',
    counterpart: '玛沁县人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['ECONOMY', 'SCIENCE_TECHNOLOGY'],
    signedOn: '2024-06-18',
    validFrom: '2024-07-01',
    untilDays: 580,
    regionCodes: ['632621', '632622'],
    signatories: ['市农业农村委主任', '玛沁县县长', '班玛县县长'],
    commitments: [
      [
        'OURS',
        '援建牦牛肉冷链加工中心',
        'Build a cold-chain yak meat processing centre',
        '市农业农村委',
        30,
        'IN_PROGRESS',
      ],
      ['OURS', '引入种畜改良技术', 'Bring in breeding improvement techniques', '市农科院', -55, 'PENDING'],
      ['THEIRS', '组建牧民专业合作社', 'Organise herders’ cooperatives', '玛沁县农牧局', -150, 'DONE'],
    ],
  },
  {
    code: 'AG-GL-2023-14',
    zh: '甘德县、达日县、久治县、玛多县教育医疗帮扶协议',
    en: 'Education and health assistance agreement with Gadê, Darlag, Jigzhi and Madoi counties',
    counterpart: '果洛藏族自治州人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['EDUCATION', 'HEALTH'],
    signedOn: '2023-09-01',
    validFrom: '2023-09-01',
    untilDays: -20,
    regionCodes: ['632623', '632624', '632625', '632626'],
    signatories: ['市合作交流办副主任', '果洛州副州长'],
    commitments: [
      ['OURS', '每县派驻支教团队一支', 'Send a teaching team to each county', '市教育局', -200, 'DONE'],
      ['OURS', '援建县域远程会诊中心', 'Build county telemedicine centres', '市卫健委', -50, 'IN_PROGRESS'],
      ['THEIRS', '保障远程会诊网络带宽', 'Provide network capacity for telemedicine', '果洛州卫健委', -80, 'PENDING'],
    ],
  },
  {
    code: 'AG-YN-2022-15',
    zh: '沪滇协作框架协议',
    en: 'Shanghai–Yunnan cooperation framework agreement',
    counterpart: '云南省人民政府',
    kind: 'FRAMEWORK',
    fields: ['ECONOMY', 'TALENT', 'EDUCATION', 'HEALTH', 'CULTURE', 'SERVICES'],
    signedOn: '2022-04-26',
    validFrom: '2022-05-01',
    untilDays: 900,
    regionCodes: ['530000'],
    signatories: ['市长', '云南省省长'],
    commitments: [
      [
        'OURS',
        '引导本市企业赴滇投资',
        'Encourage city enterprises to invest in Yunnan',
        '市商务委',
        240,
        'IN_PROGRESS',
      ],
      [
        'OURS',
        '开展消费帮扶，采购云南农产品',
        'Buy Yunnan farm produce through consumption assistance',
        '市商务委',
        -60,
        'DONE',
      ],
      [
        'THEIRS',
        '优化营商环境，落实招商政策',
        'Improve the business environment for investors',
        '云南省发展改革委',
        100,
        'PENDING',
      ],
      [
        'THEIRS',
        '推荐挂职干部来沪交流',
        'Nominate officials for secondments to Shanghai',
        '云南省委组织部',
        -15,
        'PENDING',
      ],
    ],
  },
  {
    code: 'AG-YN-2024-16',
    zh: '文山州、红河州三七与咖啡产业合作备忘录',
    en: 'Memorandum on notoginseng and coffee industries with Wenshan and Honghe',
    counterpart: '文山壮族苗族自治州人民政府',
    kind: 'MEMORANDUM',
    fields: ['ECONOMY', 'SCIENCE_TECHNOLOGY'],
    signedOn: '2024-10-09',
    validFrom: '2024-10-09',
    untilDays: 30,
    regionCodes: ['532600', '532500'],
    signatories: ['市合作交流办副主任', '文山州副州长', '红河州副州长'],
    commitments: [
      [
        'OURS',
        '组织本市药企与三七种植基地对接',
        'Match city pharmaceutical firms with notoginseng growers',
        '市经济信息化委',
        -70,
        'DONE',
      ],
      [
        'THEIRS',
        '建设咖啡初加工示范基地',
        'Build a model coffee processing site',
        '红河州农业农村局',
        10,
        'IN_PROGRESS',
      ],
    ],
  },
  {
    code: 'AG-YN-2023-17',
    zh: '普洱市、西双版纳州、大理州、迪庆州文旅人才合作协议',
    en: 'Culture, tourism and talent agreement with Pu’er, Xishuangbanna, Dali and Diqing',
    counterpart: '云南省文化和旅游厅',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['CULTURE', 'TALENT', 'SERVICES'],
    signedOn: '2023-05-19',
    validFrom: '2023-06-01',
    untilDays: 450,
    regionCodes: ['530800', '532800', '532900', '533400'],
    signatories: ['市文旅局局长', '云南省文旅厅厅长'],
    commitments: [
      ['OURS', '培训文旅从业人员500人次', 'Train 500 tourism workers', '市文旅局', -30, 'IN_PROGRESS'],
      ['OURS', '在本市举办云南文旅推介会', 'Hold a Yunnan tourism fair in the city', '市文旅局', -120, 'DONE'],
      ['THEIRS', '开发沪滇精品旅游线路', 'Develop premium Shanghai–Yunnan tour routes', '云南省文旅厅', 75, 'PENDING'],
    ],
  },
  {
    code: 'AG-CQ-2020-18',
    zh: '万州区三峡库区对口支援协议',
    en: 'Three Gorges reservoir assistance agreement with Wanzhou District',
    counterpart: '重庆市万州区人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['ECONOMY', 'INFRASTRUCTURE'],
    signedOn: '2020-11-11',
    validFrom: '2021-01-01',
    untilDays: 200,
    regionCodes: ['500101'],
    signatories: ['市合作交流办主任', '万州区区长'],
    commitments: [
      ['OURS', '支持库区移民安置小区配套建设', 'Fund facilities for resettled communities', OFFICE, -160, 'DONE'],
      [
        'THEIRS',
        '设立移民就业服务站',
        'Open employment service stations for resettled people',
        '万州区人社局',
        -45,
        'PENDING',
      ],
      ['OURS', '组织本市企业来万州考察', 'Bring city enterprises to visit Wanzhou', '市商务委', 50, 'PENDING'],
    ],
  },
  {
    code: 'AG-HB-2022-19',
    zh: '宜昌市夷陵区三峡库区合作协议',
    en: 'Three Gorges reservoir cooperation agreement with Yiling District, Yichang',
    counterpart: '宜昌市人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['ECONOMY', 'SCIENCE_TECHNOLOGY', 'EDUCATION'],
    signedOn: '2022-08-16',
    validFrom: '2022-09-01',
    untilDays: -60,
    regionCodes: ['420506'],
    signatories: ['市合作交流办副主任', '宜昌市副市长'],
    note: '已到期，待双方评估后决定是否续签。',
    commitments: [
      [
        'OURS',
        '共建柑橘产业科技示范园',
        'Build a citrus technology demonstration park',
        '市农科院',
        -90,
        'IN_PROGRESS',
      ],
      ['THEIRS', '提供示范园建设用地', 'Provide land for the demonstration park', '夷陵区自然资源局', -300, 'DONE'],
    ],
  },
  {
    code: 'AG-GZ-2023-20',
    zh: '沪遵东西部协作协议',
    en: 'East–west cooperation agreement with Zunyi',
    counterpart: '遵义市人民政府',
    kind: 'PARTNER_ASSISTANCE',
    fields: ['ECONOMY', 'TALENT', 'HEALTH'],
    signedOn: '2023-01-10',
    validFrom: '2023-01-10',
    untilDays: 640,
    regionCodes: ['520300'],
    signatories: ['市合作交流办主任', '遵义市市长'],
    commitments: [
      ['OURS', '共建产业园区1个', 'Build an industrial park together', '市发展改革委', 160, 'IN_PROGRESS'],
      ['OURS', '开展医院结对帮扶', 'Pair city hospitals with Zunyi hospitals', '市卫健委', -25, 'DONE'],
      ['THEIRS', '组织劳动力赴沪就业', 'Organise workers for jobs in Shanghai', '遵义市人社局', -10, 'IN_PROGRESS'],
      ['THEIRS', '落实园区招商优惠政策', 'Apply investment incentives in the park', '遵义市投资促进局', 45, 'PENDING'],
      ['OURS', '选派挂职干部10名', 'Second 10 officials to Zunyi', '市委组织部', -200, 'DONE'],
    ],
  },
];

const regionByCode = new Map(REGION_SEED.map((r) => [r.code, r]));

/** The region and its ancestors, root first. */
function trailOf(code: string): string[] {
  const trail = [code];
  let parent = regionByCode.get(code)?.parentCode ?? null;
  while (parent) {
    trail.unshift(parent);
    parent = regionByCode.get(parent)?.parentCode ?? null;
  }
  return trail;
}

/**
 * Idempotent demo agreements with their commitments: only agreements whose code is missing are
 * inserted (with their commitments), so nothing users changed is overwritten. Dates of validity
 * and due dates are relative to the seeding day, so the demo always shows agreements expiring
 * within 90 days, expired ones and overdue commitments. Needs the demo regions and users.
 */
export async function seedAgreements(log: Pick<Logger, 'info'>): Promise<void> {
  const coordinator = await UserModel.collection.findOne({ username: 'coordinator' }, { projection: { _id: 1 } });
  if (!coordinator) throw new Error('seedAgreements needs the demo "coordinator" user: run seedDemo first');
  const createdBy = coordinator._id as Types.ObjectId;
  const existing = new Set(
    (
      await AgreementModel.collection
        .find({ code: { $in: AGREEMENT_SEED.map((a) => a.code) } }, { projection: { code: 1 } })
        .toArray()
    ).map((a) => String(a.code)),
  );
  const missing = AGREEMENT_SEED.filter((a) => !existing.has(a.code));
  const today = officeDate();
  const agreements = [];
  const commitments = [];
  for (const a of missing) {
    for (const code of a.regionCodes)
      if (!regionByCode.has(code)) throw new Error(`agreement ${a.code} names unknown region ${code}`);
    const _id = new Types.ObjectId();
    const regionPaths = [...new Set(a.regionCodes.flatMap(trailOf))];
    agreements.push({
      _id,
      code: a.code,
      title: { zh: a.zh, en: a.en },
      counterpart: a.counterpart,
      kind: a.kind,
      fields: a.fields,
      signedOn: a.signedOn,
      validFrom: a.validFrom,
      validUntil: addDaysToDate(today, a.untilDays),
      signatories: a.signatories,
      regionCodes: a.regionCodes,
      regionPaths,
      note: a.note ?? '',
      search: [a.code, a.zh, a.en, a.counterpart].join(' ').toLowerCase(),
      createdBy,
    });
    for (const [party, zh, en, responsibleUnit, dueDays, status] of a.commitments) {
      const dueDate = addDaysToDate(today, dueDays);
      // Done a few days before the due date, and never in the future.
      const doneOn = addDaysToDate(today, Math.min(dueDays - 3, 0));
      commitments.push({
        agreementId: _id,
        party,
        description: { zh, en },
        responsibleUnit,
        dueDate,
        status,
        statusNote: status === 'CANCELLED' ? '因规划调整取消' : '',
        completedOn: status === 'DONE' ? doneOn : null,
        regionPaths,
        createdBy,
      });
    }
  }
  if (agreements.length > 0) {
    await AgreementModel.insertMany(agreements, { ordered: false });
    await CommitmentModel.insertMany(commitments, { ordered: false });
  }
  log.info({ agreementsAdded: agreements.length, commitmentsAdded: commitments.length }, 'demo agreements seeded');
}
