// What each list exports: the same filter builder and region scope as its GraphQL list query, its sort,
// and its columns. Rows are read in batches so a large list streams.
import { Types, type mongo } from 'mongoose';
import type { CurrentUser } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { agreementFilter, type AgreementFilter } from '../agreements/agreements.service';
import { AgreementModel } from '../agreements/agreement.model';
import { CommitmentModel } from '../agreements/commitment.model';
import { commitmentFilter, type CommitmentFilter } from '../agreements/commitments.service';
import { LedgerEntryModel } from '../fund/fund.model';
import { ledgerFilter, type LedgerFilter } from '../fund/fund.service';
import { activityFilter, type ActivityFilter } from '../liaison/liaison.service';
import { LiaisonActivityModel } from '../liaison/liaison-activity.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { milestoneFilter, type MilestoneFilter } from '../milestones/milestones.list';
import { ProjectModel } from '../projects/project.model';
import { projectFilter, type ProjectFilter } from '../projects/projects.service';
import { RegionModel } from '../regions/region.model';
import { UserModel } from '../users/user.model';
import { label, MILESTONE_STATUS_LABELS, PROJECT_STATUS_LABELS, RISK_LABELS, SECTOR_LABELS, type Lang } from './labels';

export const EXPORT_KINDS = ['projects', 'milestones', 'ledger', 'liaison', 'agreements', 'commitments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type CellType = 'text' | 'money' | 'date' | 'number';
export type Cell = string | number | null;
type Doc = Record<string, unknown>;
type Lookups = { regions: Map<string, { zh: string; en: string }>; byId: Map<string, Doc>; users: Map<string, string> };

export type ExportColumn = {
  key: string;
  zh: string;
  en: string;
  type: CellType;
  value: (d: Doc, l: Lookups, lang: Lang) => Cell;
};

type FilterKeys = Record<string, 'string' | 'int' | 'bool'>;
type KindSpec = {
  collection: () => mongo.Collection;
  filterKeys: FilterKeys;
  filter: (user: CurrentUser, f: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;
  sort: Record<string, 1 | -1>;
  /** Records of another collection the rows refer to (project of a milestone, agreement of a commitment). */
  related?: { field: string; collection: () => mongo.Collection };
  columns: ExportColumn[];
};

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const pick = (v: { zh?: string; en?: string } | undefined, lang: Lang) => s(lang === 'en' ? v?.en || v?.zh : v?.zh);
const regionName = (code: unknown, l: Lookups, lang: Lang) => pick(l.regions.get(s(code)), lang);
const col = (key: string, zh: string, en: string, type: CellType, value: ExportColumn['value']): ExportColumn => ({
  key,
  zh,
  en,
  type,
  value,
});
const related = (d: Doc, field: string, l: Lookups) => l.byId.get(s(d[field]));

/** The project columns, in the order of the import template (so an export imports back). */
export const PROJECT_COLUMNS: ExportColumn[] = [
  col('code', '项目编号', 'Project code', 'text', (d) => s(d.code)),
  col('nameZh', '项目名称', 'Name (Chinese)', 'text', (d) => s((d.name as Doc)?.zh)),
  col('nameEn', '英文名称', 'Name (English)', 'text', (d) => s((d.name as Doc)?.en)),
  col('regionCode', '地区代码', 'Region code', 'text', (d) => s(d.regionCode)),
  col('sector', '领域', 'Sector', 'text', (d, _l, lang) => label(SECTOR_LABELS, s(d.sector), lang)),
  col('dacCode', 'DAC代码', 'DAC code', 'text', (d) => s(d.dacCode)),
  col('implementingUnit', '实施单位', 'Implementing unit', 'text', (d) => s(d.implementingUnit)),
  col('plannedStart', '计划开始', 'Planned start', 'date', (d) => s(d.plannedStart) || null),
  col('plannedEnd', '计划结束', 'Planned end', 'date', (d) => s(d.plannedEnd) || null),
  col('actualStart', '实际开始', 'Actual start', 'date', (d) => s(d.actualStart) || null),
  col('actualEnd', '实际结束', 'Actual end', 'date', (d) => s(d.actualEnd) || null),
  col('specialFund', '专项资金（元）', 'Special fund (yuan)', 'money', (d) =>
    Number((d.budget as Doc)?.specialFund ?? 0),
  ),
  col('districtBudget', '区级预算（元）', 'District budget (yuan)', 'money', (d) =>
    Number((d.budget as Doc)?.districtBudget ?? 0),
  ),
  col('donation', '社会捐赠（元）', 'Donations (yuan)', 'money', (d) => Number((d.budget as Doc)?.donation ?? 0)),
  col('status', '状态', 'Status', 'text', (d, _l, lang) => label(PROJECT_STATUS_LABELS, s(d.status), lang)),
  col('statusReason', '状态说明', 'Status reason', 'text', (d) => s(d.statusReason)),
  col('risk', '风险等级', 'Risk', 'text', (d, _l, lang) => label(RISK_LABELS, s(d.risk), lang)),
  col('descriptionZh', '项目简介', 'Description (Chinese)', 'text', (d) => s((d.description as Doc)?.zh)),
  col('descriptionEn', '英文简介', 'Description (English)', 'text', (d) => s((d.description as Doc)?.en)),
];

/** Shown in exports only; the importer recognises and skips them. */
export const PROJECT_EXTRA_COLUMNS: ExportColumn[] = [
  col('regionName', '地区', 'Region', 'text', (d, l, lang) => regionName(d.regionCode, l, lang)),
  col('budgetTotal', '预算合计（元）', 'Total budget (yuan)', 'money', (d) => Number(d.budgetTotal ?? 0)),
  col('officers', '项目专员', 'Officers', 'text', (d, l) =>
    ((d.officerIds as unknown[]) ?? []).map((id) => l.users.get(s(id)) ?? '').join('、'),
  ),
  col('progress', '进度（%）', 'Progress (%)', 'number', (d) => Number(d.progress ?? 0)),
  col('nextDueDate', '下一到期日', 'Next due date', 'date', (d) => s(d.nextDueDate) || null),
];

export const MILESTONE_COLUMNS: ExportColumn[] = [
  col('projectCode', '项目编号', 'Project code', 'text', (d, l) => s(related(d, 'projectId', l)?.code)),
  col('titleZh', '里程碑', 'Milestone (Chinese)', 'text', (d) => s((d.title as Doc)?.zh)),
  col('titleEn', '英文名称', 'Milestone (English)', 'text', (d) => s((d.title as Doc)?.en)),
  col('plannedDate', '计划日期', 'Planned date', 'date', (d) => s(d.plannedDate) || null),
  col('actualDate', '实际日期', 'Actual date', 'date', (d) => s(d.actualDate) || null),
  col('percentComplete', '完成百分比', 'Percent complete', 'number', (d) => Number(d.percentComplete ?? 0)),
  col('status', '状态', 'Status', 'text', (d, _l, lang) => label(MILESTONE_STATUS_LABELS, s(d.status), lang)),
  col('note', '备注', 'Note', 'text', (d) => s(d.note)),
];

export const MILESTONE_EXTRA_COLUMNS: ExportColumn[] = [
  col('projectName', '项目名称', 'Project name', 'text', (d, l, lang) =>
    pick(related(d, 'projectId', l)?.name as Doc, lang),
  ),
];

const PROJECT_FILTER_KEYS: FilterKeys = {
  regionCode: 'string',
  sector: 'string',
  status: 'string',
  year: 'int',
  officerId: 'string',
  implementingUnit: 'string',
  overdueOnly: 'bool',
  risk: 'string',
  search: 'string',
  progressMin: 'int',
  progressMax: 'int',
  includeArchived: 'bool',
};

export const EXPORT_SPECS: Record<ExportKind, KindSpec> = {
  projects: {
    collection: () => ProjectModel.collection,
    filterKeys: PROJECT_FILTER_KEYS,
    filter: (user, f) => projectFilter(user, f as ProjectFilter),
    sort: { code: 1, _id: 1 },
    columns: [...PROJECT_COLUMNS, ...PROJECT_EXTRA_COLUMNS],
  },
  milestones: {
    collection: () => MilestoneModel.collection,
    filterKeys: {
      projectId: 'string',
      regionCode: 'string',
      sector: 'string',
      status: 'string',
      completed: 'bool',
      onTime: 'bool',
      overdueOnly: 'bool',
      year: 'int',
      month: 'int',
      includeArchived: 'bool',
    },
    filter: (user, f) => milestoneFilter(user, f as MilestoneFilter),
    sort: { projectId: 1, plannedDate: 1, _id: 1 },
    related: { field: 'projectId', collection: () => ProjectModel.collection },
    columns: [...MILESTONE_COLUMNS, ...MILESTONE_EXTRA_COLUMNS],
  },
  ledger: {
    collection: () => LedgerEntryModel.collection,
    filterKeys: {
      year: 'int',
      kind: 'string',
      projectId: 'string',
      regionCode: 'string',
      from: 'string',
      to: 'string',
    },
    filter: (user, f) => ledgerFilter(user, f as LedgerFilter),
    sort: { createdAt: -1, _id: -1 },
    related: { field: 'projectId', collection: () => ProjectModel.collection },
    columns: [
      col('date', '日期', 'Date', 'date', (d) => s(d.date) || null),
      col('kind', '类型', 'Kind', 'text', (d) => s(d.kind)),
      col('year', '资金年度', 'Fund year', 'number', (d) => Number(d.year)),
      col('amount', '金额（元）', 'Amount (yuan)', 'money', (d) => Number(d.amount ?? 0)),
      col('projectCode', '项目编号', 'Project code', 'text', (d, l) => s(related(d, 'projectId', l)?.code)),
      col('projectName', '项目名称', 'Project name', 'text', (d, l, lang) =>
        pick(related(d, 'projectId', l)?.name as Doc, lang),
      ),
      col('source', '资金来源', 'Source', 'text', (d) => s(d.source)),
      col('documentRef', '凭证号', 'Document reference', 'text', (d) => s(d.documentRef)),
      col('reason', '说明', 'Reason', 'text', (d) => s(d.reason)),
    ],
  },
  liaison: {
    collection: () => LiaisonActivityModel.collection,
    filterKeys: {
      regionCode: 'string',
      kind: 'string',
      year: 'int',
      search: 'string',
      ownerId: 'string',
      includeArchived: 'bool',
    },
    filter: (user, f) => activityFilter(user, f as ActivityFilter),
    sort: { date: -1, _id: -1 },
    columns: [
      col('date', '日期', 'Date', 'date', (d) => s(d.date) || null),
      col('kind', '类型', 'Kind', 'text', (d) => s(d.kind)),
      col('title', '标题', 'Title', 'text', (d) => s(d.title)),
      col('regionCode', '地区代码', 'Region code', 'text', (d) => s(d.regionCode)),
      col('regionName', '地区', 'Region', 'text', (d, l, lang) => regionName(d.regionCode, l, lang)),
      col('participants', '参与人员', 'Participants', 'text', (d) => ((d.participants as string[]) ?? []).join('、')),
      col('receptionExpenses', '接待费用（元）', 'Reception expenses (yuan)', 'money', (d) =>
        Number(d.receptionExpenses ?? 0),
      ),
      col('summary', '摘要', 'Summary', 'text', (d) => s(d.summary)),
    ],
  },
  agreements: {
    collection: () => AgreementModel.collection,
    filterKeys: {
      regionCode: 'string',
      kind: 'string',
      field: 'string',
      search: 'string',
      expiringWithinDays: 'int',
      includeExpired: 'bool',
      includeArchived: 'bool',
    },
    filter: (user, f) => agreementFilter(user, f as AgreementFilter),
    sort: { code: 1, _id: 1 },
    columns: [
      col('code', '协议编号', 'Agreement code', 'text', (d) => s(d.code)),
      col('titleZh', '协议名称', 'Title (Chinese)', 'text', (d) => s((d.title as Doc)?.zh)),
      col('titleEn', '英文名称', 'Title (English)', 'text', (d) => s((d.title as Doc)?.en)),
      col('kind', '类型', 'Kind', 'text', (d) => s(d.kind)),
      col('counterpart', '对方单位', 'Counterpart', 'text', (d) => s(d.counterpart)),
      col('regions', '涉及地区', 'Regions', 'text', (d, l, lang) =>
        ((d.regionCodes as string[]) ?? []).map((c) => `${c} ${regionName(c, l, lang)}`.trim()).join('、'),
      ),
      col('fields', '合作领域', 'Fields', 'text', (d) => ((d.fields as string[]) ?? []).join('、')),
      col('signedOn', '签署日期', 'Signed on', 'date', (d) => s(d.signedOn) || null),
      col('validFrom', '生效日期', 'Valid from', 'date', (d) => s(d.validFrom) || null),
      col('validUntil', '截止日期', 'Valid until', 'date', (d) => s(d.validUntil) || null),
    ],
  },
  commitments: {
    collection: () => CommitmentModel.collection,
    filterKeys: {
      agreementId: 'string',
      status: 'string',
      overdueOnly: 'bool',
      regionCode: 'string',
      responsibleUnit: 'string',
      includeArchived: 'bool',
    },
    filter: (user, f) => commitmentFilter(user, f as CommitmentFilter),
    sort: { dueDate: 1, _id: 1 },
    related: { field: 'agreementId', collection: () => AgreementModel.collection },
    columns: [
      col('agreementCode', '协议编号', 'Agreement code', 'text', (d, l) => s(related(d, 'agreementId', l)?.code)),
      col('party', '承诺方', 'Party', 'text', (d) => s(d.party)),
      col('descriptionZh', '承诺事项', 'Commitment (Chinese)', 'text', (d) => s((d.description as Doc)?.zh)),
      col('descriptionEn', '英文描述', 'Commitment (English)', 'text', (d) => s((d.description as Doc)?.en)),
      col('responsibleUnit', '责任单位', 'Responsible unit', 'text', (d) => s(d.responsibleUnit)),
      col('dueDate', '完成时限', 'Due date', 'date', (d) => s(d.dueDate) || null),
      col('status', '状态', 'Status', 'text', (d) => s(d.status)),
      col('completedOn', '完成日期', 'Completed on', 'date', (d) => s(d.completedOn) || null),
      col('statusNote', '状态说明', 'Status note', 'text', (d) => s(d.statusNote)),
    ],
  },
};

/** The list filter from query-string parameters, typed as the GraphQL filter input would be. */
export function parseFilter(kind: ExportKind, query: Record<string, unknown>): Record<string, unknown> {
  const keys = EXPORT_SPECS[kind].filterKeys;
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    if (name === 'format' || name === 'lang') continue;
    const type = keys[name];
    if (!type) throw badInput(name, `is not a filter of the ${kind} list; filters: ${Object.keys(keys).join(', ')}`);
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value !== 'string' || value === '') continue;
    if (type === 'int') {
      if (!/^-?\d+$/.test(value)) throw badInput(name, 'must be a whole number');
      out[name] = Number(value);
    } else if (type === 'bool') out[name] = value === 'true' || value === '1';
    else out[name] = value;
  }
  return out;
}

async function regionNames(): Promise<Lookups['regions']> {
  const rows = await RegionModel.collection.find({}, { projection: { code: 1, name: 1 } }).toArray();
  return new Map(rows.map((r) => [String(r.code), r.name as { zh: string; en: string }]));
}

async function userNames(): Promise<Lookups['users']> {
  const rows = await UserModel.collection.find({}, { projection: { displayName: 1 } }).toArray();
  return new Map(rows.map((r) => [String(r._id), String(r.displayName ?? '')]));
}

const BATCH = 500;

/** The rows of the list, batch by batch, as cells in column order. */
export async function* exportRows(
  kind: ExportKind,
  user: CurrentUser,
  filter: Record<string, unknown>,
  lang: Lang,
): AsyncGenerator<Cell[][]> {
  const spec = EXPORT_SPECS[kind];
  const query = await spec.filter(user, filter);
  const lookups: Lookups = {
    regions: await regionNames(),
    users: kind === 'projects' ? await userNames() : new Map(),
    byId: new Map(),
  };
  const cursor = spec.collection().find(query).sort(spec.sort).batchSize(BATCH);
  let batch: Doc[] = [];
  const flush = async () => {
    if (spec.related) {
      const ids = [
        ...new Set(
          batch
            .map((d) => d[spec.related!.field])
            .filter(Boolean)
            .map(String),
        ),
      ];
      const rows = await spec.related
        .collection()
        .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
        .toArray();
      lookups.byId = new Map(rows.map((r) => [String(r._id), r]));
    }
    const out = batch.map((d) => spec.columns.map((c) => c.value(d, lookups, lang)));
    batch = [];
    return out;
  };
  for await (const doc of cursor) {
    batch.push(doc);
    if (batch.length >= BATCH) yield await flush();
  }
  if (batch.length > 0) yield await flush();
}
