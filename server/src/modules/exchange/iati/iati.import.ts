// Maps IATI activity files onto projects: a dry run reports what would happen, apply writes it
// through the projects service (audit, scope, validation). Matching is by project code, so
// importing the same file twice changes nothing the second time.
import {
  createProjectInput,
  DEFAULT_DAC_CODE,
  LIMITS,
  MAX_FEN,
  PROJECT_TRANSITIONS,
  projectCodeSchema,
  STATUSES_NEEDING_REASON,
  type ImportMode,
  type ImportProblem,
  type ImportReport,
  type ImportUnmapped,
  type ProjectStatus,
  type Sector,
} from '@pat/shared';
import type { Context, CurrentUser } from '../../../graphql/context';
import { ProjectModel } from '../../projects/project.model';
import { canCreateProject, canWriteProject, inScope } from '../../projects/projects.policy';
import { changeProjectStatus, createProject, updateProject, type ProjectRow } from '../../projects/projects.service';
import { RegionModel } from '../../regions/region.model';
import { ACTIVITY_STATUS, PAT_NS, sectorOfDac, STATUS_OF_ACTIVITY } from './mapping';
import { decimalToFen } from './money';
import { child, childrenNamed, parseXml, XmlRefused, type XmlLimits, type XmlNode } from './xml';

export const MAX_IMPORT_ACTIVITIES = 5000;

export type Lang = 'zh' | 'en';

export type IatiImportOptions = {
  mode: ImportMode;
  /** Region for activities whose locations match none of ours (else they are refused). */
  fallbackRegion?: string | null;
  lang?: Lang;
  limits?: XmlLimits;
};

/** A refusal of the whole file (not XML, a DOCTYPE, too large, not an iati-activities document). */
export class IatiFileRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IatiFileRefused';
  }
}

type Region = { code: string; ancestors: string[]; name: { zh: string; en: string } };

/** What one activity maps to. */
type Mapped = {
  row: number;
  code: string;
  fields: {
    name: { zh: string; en: string };
    description?: { zh: string; en: string };
    regionCode: string;
    sector?: Sector;
    dacCode?: string;
    implementingUnit?: string;
    plannedStart: string;
    plannedEnd: string;
    actualStart?: string;
    actualEnd?: string;
    specialFund?: number;
    indicators?: {
      name: { zh: string; en: string };
      unit: string;
      baseline: number;
      target: number;
      actual: number | null;
    }[];
  };
  /** Region came from the fallback, not from the file: not applied to an existing project. */
  regionFromFallback: boolean;
  status: ProjectStatus;
};

const PAT_STATUS = `{${PAT_NS}}status`;
const PAT_FROM = `{${PAT_NS}}from`;

const localText = (lang: Lang) => (zh: string, en: string) => (lang === 'en' ? en : zh);

/** Statuses to pass through, in order, to get from one state to another (shortest way), or null. */
export function statusPath(from: ProjectStatus, to: ProjectStatus): ProjectStatus[] | null {
  if (from === to) return [];
  const previous = new Map<ProjectStatus, ProjectStatus>();
  const queue: ProjectStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const next of PROJECT_TRANSITIONS[at]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, at);
      if (next === to) {
        const path: ProjectStatus[] = [to];
        let step = at;
        while (step !== from) {
          path.unshift(step);
          step = previous.get(step)!;
        }
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/** Narratives of an element split by language; those without xml:lang take the activity's language. */
function narrativesOf(node: XmlNode | undefined, defaultLang: string) {
  const out = { zh: '', en: '', other: [] as { lang: string; text: string }[] };
  for (const n of node ? childrenNamed(node, 'narrative') : []) {
    const lang = (n.attrs['xml:lang'] ?? defaultLang).toLowerCase();
    const text = n.text.trim().replace(/\s+/g, ' ');
    if (!text) continue;
    if (lang.startsWith('zh') && !out.zh) out.zh = text;
    else if (lang.startsWith('en') && !out.en) out.en = text;
    else out.other.push({ lang, text });
  }
  return out;
}

const isoDateOf = (node: XmlNode | undefined) => node?.attrs['iso-date']?.trim().slice(0, 10);

/** Reads, checks and (in apply mode) writes an IATI file; returns the report. */
export async function importIati(ctx: Context, input: Buffer, options: IatiImportOptions): Promise<ImportReport> {
  const user = ctx.user!;
  const lang = options.lang ?? 'zh';
  const tr = localText(lang);
  let root: XmlNode;
  try {
    root = parseXml(input, options.limits);
  } catch (error) {
    if (error instanceof XmlRefused) throw new IatiFileRefused(error.code, error.message);
    throw error;
  }
  if (root.name !== 'iati-activities')
    throw new IatiFileRefused(
      'NOT_IATI',
      tr(
        `文件的根元素是 <${root.name}>，不是 IATI 活动文件的 <iati-activities>`,
        `the root element is <${root.name}>, not <iati-activities> of an IATI activity file`,
      ),
    );
  const version = root.attrs.version ?? '';
  if (!/^2\.0[1-3]$/.test(version))
    throw new IatiFileRefused(
      'IATI_VERSION',
      tr(
        `IATI 版本 "${version}" 不受支持，只接受 2.01–2.03`,
        `IATI version "${version}" is not supported; 2.01 to 2.03 are`,
      ),
    );
  const activities = childrenNamed(root, 'iati-activity');
  if (activities.length > MAX_IMPORT_ACTIVITIES)
    throw new IatiFileRefused(
      'TOO_MANY_ROWS',
      tr(
        `文件有 ${activities.length} 个活动，一次最多导入 ${MAX_IMPORT_ACTIVITIES} 个`,
        `the file has ${activities.length} activities; at most ${MAX_IMPORT_ACTIVITIES} are imported at once`,
      ),
    );

  const report: ImportReport = {
    kind: 'iati',
    mode: options.mode,
    rows: activities.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    refused: 0,
    problems: [],
    unmapped: [],
    dryRun: options.mode === 'dry-run',
  };
  if (!canCreateProject(user))
    throw new IatiFileRefused(
      'FORBIDDEN',
      tr('只有项目专员、资金管理员和管理员可以导入项目。', 'Only officers, managers and admins import projects.'),
    );

  const regions = (await RegionModel.collection
    .find({ archived: { $ne: true } }, { projection: { code: 1, ancestors: 1, name: 1 } })
    .toArray()) as unknown as Region[];
  const fallback = options.fallbackRegion ? regions.find((r) => r.code === options.fallbackRegion) : undefined;
  if (options.fallbackRegion && !fallback)
    throw new IatiFileRefused(
      'UNKNOWN_REGION',
      tr(`没有代码为 ${options.fallbackRegion} 的地区`, `no region has the code ${options.fallbackRegion}`),
    );

  const mapped: Mapped[] = [];
  const seen = new Set<string>();
  activities.forEach((activity, i) => {
    const row = i + 1;
    const problems: ImportProblem[] = [];
    const m = mapActivity(
      activity,
      row,
      root,
      regions,
      fallback,
      lang,
      problems,
      report.unmapped,
      ctx.config.IATI_ORG_REF,
    );
    if (m && seen.has(m.code))
      problems.push({
        row,
        column: 'iati-identifier',
        code: 'DUPLICATE_CODE',
        message: tr(
          `文件中已有同一项目代码 ${m.code} 的活动`,
          `an earlier activity in the file has the project code ${m.code}`,
        ),
      });
    if (m) seen.add(m.code);
    if (problems.length > 0 || !m) {
      report.problems.push(...problems);
      report.refused += 1;
    } else {
      mapped.push(m);
    }
  });

  const existing = new Map(
    ((await ProjectModel.collection.find({ code: { $in: mapped.map((m) => m.code) } }).toArray()) as ProjectRow[]).map(
      (p) => [p.code, p],
    ),
  );

  for (const m of mapped) {
    const before = existing.get(m.code);
    const plan = planFor(m, before, user, regions, lang);
    if ('problem' in plan) {
      report.problems.push(plan.problem);
      report.refused += 1;
      continue;
    }
    if (plan.kind === 'unchanged') {
      report.unchanged += 1;
      continue;
    }
    if (options.mode === 'dry-run') {
      report[plan.kind === 'create' ? 'created' : 'updated'] += 1;
      continue;
    }
    try {
      await applyPlan(ctx, m, before, plan);
      report[plan.kind === 'create' ? 'created' : 'updated'] += 1;
    } catch (error) {
      const ext = (error as { extensions?: { code?: string; field?: string } }).extensions;
      if (!ext?.code) throw error;
      report.problems.push({
        row: m.row,
        column: ext.field,
        code: ext.code,
        message: `${m.code}: ${(error as Error).message}`,
      });
      report.refused += 1;
    }
  }
  return report;
}

function mapActivity(
  activity: XmlNode,
  row: number,
  root: XmlNode,
  regions: Region[],
  fallback: Region | undefined,
  lang: Lang,
  problems: ImportProblem[],
  unmapped: ImportUnmapped[],
  orgRef: string,
): Mapped | null {
  const tr = localText(lang);
  const defaultLang = activity.attrs['xml:lang'] ?? root.attrs['xml:lang'] ?? 'en';
  const note = (path: string, zh: string, en: string) => unmapped.push({ row, path, note: tr(zh, en) });
  const problem = (column: string, code: string, zh: string, en: string) =>
    problems.push({ row, column, code, message: tr(zh, en) });
  const handled = new Set<string>();
  const use = (name: string) => {
    handled.add(name);
    return childrenNamed(activity, name);
  };

  // Identifier → project code: our own organisation prefix comes off (our exports give back their
  // codes); other publishers' identifiers are kept whole, so two publishers' codes cannot collide.
  const identifier = use('iati-identifier')[0]?.text.trim() ?? '';
  const reportingRef = use('reporting-org')[0]?.attrs.ref ?? '';
  let code = identifier.toUpperCase();
  if (identifier.startsWith(`${orgRef}-`)) code = identifier.slice(orgRef.length + 1).toUpperCase();
  code = code.replace(/[^A-Z0-9-]/g, '-');
  if (!identifier) {
    problem('iati-identifier', 'MISSING_IDENTIFIER', '活动没有 iati-identifier', 'the activity has no iati-identifier');
    return null;
  }
  if (!projectCodeSchema.safeParse(code).success) {
    problem(
      'iati-identifier',
      'BAD_CODE',
      `标识符 ${identifier} 无法转换为项目代码（3–32 位大写字母、数字或短横线）`,
      `the identifier ${identifier} does not make a project code (3-32 capital letters, digits or dashes)`,
    );
    return null;
  }

  const clip = (text: string, max: number, path: string) => {
    if (text.length <= max) return text;
    note(path, `超过 ${max} 个字符，已截断`, `longer than ${max} characters; cut to ${max}`);
    return text.slice(0, max);
  };
  const bilingual = (node: XmlNode | undefined, path: string, max: number) => {
    const n = narrativesOf(node, defaultLang);
    let zh = n.zh;
    if (!zh) {
      zh = n.en || n.other[0]?.text || '';
      if (zh)
        note(path, '没有中文文本，已使用其他语言文本作为中文', 'no Chinese text; another language is used for it');
    }
    for (const o of n.other.slice(n.zh || n.en ? 0 : 1))
      note(`${path}/narrative[@xml:lang='${o.lang}']`, `不保留 ${o.lang} 语言文本`, `${o.lang} text is not kept`);
    return { zh: clip(zh, max, path), en: clip(n.en, max, path) };
  };

  const name = bilingual(use('title')[0], 'title', LIMITS.shortText);
  if (!name.zh) problem('title', 'MISSING_TITLE', '活动没有标题', 'the activity has no title');

  let description: { zh: string; en: string } | undefined;
  for (const d of use('description')) {
    const type = d.attrs.type ?? '1';
    if (type === '1' && !description) {
      if (d.attrs[PAT_FROM] === 'title') description = { zh: '', en: '' };
      else description = bilingual(d, 'description', LIMITS.longText);
    } else
      note(
        `description[@type='${type}']`,
        '项目只有一段描述，此描述未保留',
        'a project has one description; this one is not kept',
      );
  }

  // Status: pat:status (our own exports) is trusted when it agrees with the IATI code.
  const statusNode = use('activity-status')[0];
  const statusCode = statusNode?.attrs.code ?? '';
  let status = STATUS_OF_ACTIVITY[statusCode];
  const exact = statusNode?.attrs[PAT_STATUS] as ProjectStatus | undefined;
  if (exact && ACTIVITY_STATUS[exact] === statusCode) status = exact;
  if (!status) {
    problem(
      'activity-status',
      'BAD_STATUS',
      `活动状态代码 "${statusCode}" 无效`,
      `activity status code "${statusCode}" is not valid`,
    );
    return null;
  }

  const dates: Record<string, string> = {};
  for (const d of use('activity-date')) {
    const type = d.attrs.type ?? '';
    const iso = isoDateOf(d);
    if (iso && ['1', '2', '3', '4'].includes(type) && !dates[type]) dates[type] = iso;
  }
  const plannedStart = dates['1'] ?? dates['2'];
  const plannedEnd = dates['3'] ?? dates['4'];
  if (!plannedStart || !plannedEnd)
    problem(
      'activity-date',
      'MISSING_DATE',
      '需要计划（或实际）开始和结束日期（activity-date 类型 1/2 和 3/4）',
      'planned (or actual) start and end dates are required (activity-date types 1/2 and 3/4)',
    );

  // Region: a location whose ref, administrative code or name is one of our regions.
  let region: Region | undefined;
  const locations = use('location');
  for (const loc of locations) {
    const codes = [loc.attrs.ref, ...childrenNamed(loc, 'administrative').map((a) => a.attrs.code)].filter(Boolean);
    const names = childrenNamed(child(loc, 'name') ?? loc, 'narrative').map((n) => n.text.trim().toLowerCase());
    const found = regions.find(
      (r) =>
        codes.includes(r.code) || names.includes(r.name.zh.toLowerCase()) || names.includes(r.name.en.toLowerCase()),
    );
    if (found && !region) region = found;
    else
      note(
        'location',
        `地点 ${loc.attrs.ref ?? names[0] ?? ''} 未对应到项目地区`,
        `location ${loc.attrs.ref ?? names[0] ?? ''} is not the project's region`,
      );
  }
  for (const c of use('recipient-country'))
    if (c.attrs.code !== 'CN')
      note(
        'recipient-country',
        `受援国 ${c.attrs.code ?? ''} 不在地区树中`,
        `recipient country ${c.attrs.code ?? ''} is not in the region tree`,
      );
  for (const r of use('recipient-region'))
    note(
      'recipient-region',
      `受援区域 ${r.attrs.code ?? ''} 不在地区树中`,
      `recipient region ${r.attrs.code ?? ''} is not in the region tree`,
    );
  const regionFromFallback = !region && Boolean(fallback);
  if (!region && fallback) {
    region = fallback;
    note(
      'location',
      `没有地点对应到地区，已归入 ${fallback.code}`,
      `no location matched a region; assigned to ${fallback.code}`,
    );
  }
  if (!region)
    problem(
      'location',
      'UNKNOWN_REGION',
      '没有地点（location 的 ref、administrative 代码或名称）对应到已有地区；可指定默认地区',
      'no location (its ref, administrative code or name) matches a region; choose a region for unmatched activities',
    );

  // Sector: the DAC sector with the largest share; the others are reported.
  let sector: Sector | undefined;
  let dacCode: string | undefined;
  const dac = use('sector')
    .map((s) => ({
      vocabulary: s.attrs.vocabulary ?? '1',
      code: (s.attrs.code ?? '').trim(),
      percentage: Number(s.attrs.percentage ?? 100),
    }))
    .filter((s) => {
      if (s.vocabulary === '1' || s.vocabulary === '2') return true;
      note(
        `sector[@vocabulary='${s.vocabulary}']`,
        `非 DAC 分类的领域 ${s.code} 未保留`,
        `sector ${s.code} of a non-DAC vocabulary is not kept`,
      );
      return false;
    })
    .sort((a, b) => b.percentage - a.percentage);
  const main = dac[0];
  if (main) {
    if (main.vocabulary === '1' && /^\d{5}$/.test(main.code)) {
      sector = sectorOfDac(main.code);
      dacCode = main.code;
    } else if (main.vocabulary === '2' && /^\d{3}$/.test(main.code)) {
      sector = sectorOfDac(main.code);
      dacCode = DEFAULT_DAC_CODE[sector];
      note(
        'sector',
        `DAC 大类 ${main.code} 使用默认细分代码 ${dacCode}`,
        `DAC category ${main.code} gets the default purpose code ${dacCode}`,
      );
    } else {
      problem(
        'sector',
        'BAD_SECTOR',
        `领域代码 ${main.code} 不是 DAC 代码`,
        `sector code ${main.code} is not a DAC code`,
      );
    }
    for (const s of dac.slice(1))
      note(
        'sector',
        `项目只有一个领域，DAC ${s.code}（${s.percentage}%）未保留`,
        `a project has one sector; DAC ${s.code} (${s.percentage}%) is not kept`,
      );
  }

  // Implementing unit: the implementing participating organisation (role 4).
  const orgs = use('participating-org');
  // Implementing (4), else extending (3) organisation: the one doing the work.
  const implementing = orgs.find((o) => o.attrs.role === '4') ?? orgs.find((o) => o.attrs.role === '3');
  if (implementing && implementing.attrs.role !== '4')
    note(
      'participating-org',
      '没有实施机构（角色 4），以延伸机构（角色 3）作为实施单位',
      'no implementing organisation (role 4); the extending one (role 3) is used',
    );
  const unitText = implementing ? narrativesOf(implementing, defaultLang) : undefined;
  const implementingUnit = unitText
    ? unitText.zh || unitText.en || unitText.other[0]?.text || implementing?.attrs.ref
    : undefined;
  for (const o of orgs)
    if (o !== implementing && !(o.attrs.role === '1' && o.attrs.ref === reportingRef))
      note(
        'participating-org',
        `参与机构 ${o.attrs.ref ?? ''}（角色 ${o.attrs.role ?? ''}）未保留`,
        `participating organisation ${o.attrs.ref ?? ''} (role ${o.attrs.role ?? ''}) is not kept`,
      );

  // Budget: original budgets in CNY add up to the special-fund budget; others are reported.
  const activityCurrency = activity.attrs['default-currency'] ?? '';
  let budgetFen: number | undefined;
  for (const b of use('budget')) {
    const value = child(b, 'value');
    const currency = value?.attrs.currency ?? activityCurrency;
    if ((b.attrs.type ?? '1') !== '1') {
      note('budget', '修订预算未导入（只使用原始预算）', 'a revised budget is not imported (original budgets are)');
      continue;
    }
    if (currency !== 'CNY') {
      note(
        'budget',
        `${currency || '未注明币种'} 预算 ${value?.text.trim() ?? ''} 未换算为人民币`,
        `budget of ${value?.text.trim() ?? ''} ${currency || '(no currency)'} is not converted to CNY`,
      );
      continue;
    }
    const fen = decimalToFen(value?.text ?? '');
    if (fen === null || fen < 0) {
      problem(
        'budget/value',
        'BAD_AMOUNT',
        `预算金额 "${value?.text.trim() ?? ''}" 不是精确到分的非负金额`,
        `budget amount "${value?.text.trim() ?? ''}" is not a non-negative amount in whole fen`,
      );
      continue;
    }
    budgetFen = (budgetFen ?? 0) + fen;
  }
  if (budgetFen !== undefined && budgetFen > MAX_FEN)
    problem('budget', 'BAD_AMOUNT', '预算总额过大', 'the budget total is too large');

  // Results → indicators (new projects only; see planFor).
  const indicators: NonNullable<Mapped['fields']['indicators']> = [];
  for (const result of use('result')) {
    for (const ind of childrenNamed(result, 'indicator')) {
      const periods = childrenNamed(ind, 'period');
      const target = Number(
        periods.map((p) => child(p, 'target')?.attrs.value).find((v) => v !== undefined && v !== ''),
      );
      const actualText = periods
        .map((p) => child(p, 'actual')?.attrs.value)
        .filter((v) => v !== undefined && v !== '')
        .pop();
      const title = bilingual(child(ind, 'title'), 'result/indicator/title', LIMITS.shortText);
      if (!Number.isFinite(target) || !title.zh || indicators.length >= 50) {
        note(
          'result/indicator',
          `指标"${title.zh || title.en}"没有数值目标，未导入`,
          `indicator "${title.en || title.zh}" has no numeric target; not imported`,
        );
        continue;
      }
      const baseline = Number(child(ind, 'baseline')?.attrs.value ?? 0);
      const unit = narrativesOf(child(ind, 'description'), defaultLang);
      indicators.push({
        name: title,
        unit: (unit.zh || unit.en || '—').slice(0, 40),
        baseline: Number.isFinite(baseline) ? baseline : 0,
        target,
        actual: actualText !== undefined && Number.isFinite(Number(actualText)) ? Number(actualText) : null,
      });
    }
  }

  const transactions = use('transaction');
  if (transactions.length > 0) {
    const types = [...new Set(transactions.map((t) => child(t, 'transaction-type')?.attrs.code ?? '?'))]
      .sort()
      .join(', ');
    note(
      'transaction',
      `${transactions.length} 笔交易（类型 ${types}）未导入：专项资金台账只通过资金安排和拨付记录`,
      `${transactions.length} transactions (types ${types}) not imported: the special-fund ledger is written only through allocations and disbursements`,
    );
  }
  const others = new Map<string, number>();
  for (const c of activity.children) if (!handled.has(c.name)) others.set(c.name, (others.get(c.name) ?? 0) + 1);
  for (const [element, count] of others)
    note(
      element,
      `${count} 个 <${element}> 在项目记录中没有对应字段`,
      `${count} × <${element}> has no place in the project records`,
    );

  if (problems.length > 0 || !plannedStart || !plannedEnd || !region) return null;
  return {
    row,
    code,
    status,
    regionFromFallback,
    fields: {
      name,
      description,
      regionCode: region.code,
      sector,
      dacCode,
      implementingUnit: implementingUnit ? implementingUnit.slice(0, LIMITS.shortText) : undefined,
      plannedStart,
      plannedEnd,
      actualStart: dates['2'],
      actualEnd: dates['4'],
      specialFund: budgetFen,
      indicators,
    },
  };
}

type Plan =
  | { kind: 'unchanged' }
  | { kind: 'create'; input: Record<string, unknown>; path: ProjectStatus[] }
  | {
      kind: 'update';
      changes: Record<string, unknown>;
      path: ProjectStatus[];
      fixDates: Record<string, string | null>;
    };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What to do with one mapped activity, checked without writing (the dry run's answer). */
function planFor(
  m: Mapped,
  before: ProjectRow | undefined,
  user: CurrentUser,
  regions: Region[],
  lang: Lang,
): Plan | { problem: ImportProblem } {
  const tr = localText(lang);
  const refuse = (code: string, column: string | undefined, zh: string, en: string) => ({
    problem: { row: m.row, column, code, message: `${m.code}: ${tr(zh, en)}` },
  });
  const f = m.fields;
  const region = regions.find((r) => r.code === f.regionCode)!;
  const regionPath = [...(region.ancestors ?? []), region.code];

  if (!before) {
    if (!inScope(user, { regionPath }))
      return refuse(
        'FORBIDDEN',
        'location',
        `地区 ${region.code} 不在您的管辖范围内`,
        `region ${region.code} is outside your region scope`,
      );
    if (!f.implementingUnit)
      return refuse(
        'MISSING_IMPLEMENTING_UNIT',
        'participating-org',
        '缺少实施单位（participating-org 角色 4）',
        'the implementing unit (participating-org role 4) is missing',
      );
    const sector = f.sector ?? 'OTHER';
    const input = {
      code: m.code,
      name: f.name,
      ...(f.description?.zh ? { description: f.description } : {}),
      regionCode: f.regionCode,
      sector,
      dacCode: f.dacCode ?? DEFAULT_DAC_CODE[sector],
      implementingUnit: f.implementingUnit,
      plannedStart: f.plannedStart,
      plannedEnd: f.plannedEnd,
      actualStart: f.actualStart ?? null,
      actualEnd: f.actualEnd ?? null,
      budget: { specialFund: f.specialFund ?? 0, districtBudget: 0, donation: 0 },
      indicators: f.indicators ?? [],
    };
    const parsed = createProjectInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse(
        'INVALID',
        issue.path.join('.'),
        `${issue.path.join('.')} ${issue.message}`,
        `${issue.path.join('.')} ${issue.message}`,
      );
    }
    return { kind: 'create', input, path: statusPath('PROPOSED', m.status)! };
  }

  if (!canWriteProject(user, before))
    return refuse(
      'FORBIDDEN',
      'iati-identifier',
      `您不能修改已有项目 ${before.code}`,
      `you may not change the existing project ${before.code}`,
    );
  const b = before as ProjectRow & Record<string, unknown>;
  const budget = (b.budget ?? {}) as { specialFund?: number; districtBudget?: number; donation?: number };
  const changes: Record<string, unknown> = {};
  if (!same(f.name, b.name)) changes.name = f.name;
  if (f.description && !same(f.description, b.description ?? { zh: '', en: '' })) changes.description = f.description;
  if (!m.regionFromFallback && f.regionCode !== b.regionCode) changes.regionCode = f.regionCode;
  if (f.sector && f.sector !== b.sector) changes.sector = f.sector;
  if (f.dacCode && f.dacCode !== b.dacCode) changes.dacCode = f.dacCode;
  if (f.implementingUnit && f.implementingUnit !== b.implementingUnit) changes.implementingUnit = f.implementingUnit;
  if (f.plannedStart !== b.plannedStart) changes.plannedStart = f.plannedStart;
  if (f.plannedEnd !== b.plannedEnd) changes.plannedEnd = f.plannedEnd;
  if (f.actualStart && f.actualStart !== b.actualStart) changes.actualStart = f.actualStart;
  if (f.actualEnd && f.actualEnd !== b.actualEnd) changes.actualEnd = f.actualEnd;
  if (f.specialFund !== undefined && f.specialFund !== (budget.specialFund ?? 0))
    changes.budget = {
      specialFund: f.specialFund,
      districtBudget: budget.districtBudget ?? 0,
      donation: budget.donation ?? 0,
    };
  const path = statusPath(before.status, m.status);
  if (!path)
    return refuse(
      'BAD_STATUS',
      'activity-status',
      `项目 ${before.code} 不能从 ${before.status} 变为 ${m.status}`,
      `project ${before.code} cannot go from ${before.status} to ${m.status}`,
    );
  if (Object.keys(changes).length === 0 && path.length === 0) return { kind: 'unchanged' };
  const merged = { ...b, ...changes } as Record<string, unknown>;
  if (String(merged.plannedEnd) < String(merged.plannedStart))
    return refuse(
      'INVALID',
      'activity-date',
      '计划结束日期早于开始日期',
      'the planned end is before the planned start',
    );
  const fixDates: Record<string, string | null> = {};
  if (f.actualStart) fixDates.actualStart = f.actualStart;
  if (f.actualEnd) fixDates.actualEnd = f.actualEnd;
  return { kind: 'update', changes, path, fixDates };
}

const IMPORT_REASON = 'IATI import';

/**
 * The fields `updateProjectInput` fills with defaults when they are left out (zod 4 applies a
 * `.default()` even under `.partial()`): sent with their current values so an update of other
 * fields does not reset them.
 */
function keptFields(row: ProjectRow): Record<string, unknown> {
  const r = row as ProjectRow & Record<string, unknown>;
  const budget = (r.budget ?? {}) as Record<string, number>;
  return {
    officerIds: r.officerIds.map(String),
    agreementIds: ((r.agreementIds as unknown[]) ?? []).map(String),
    budget: {
      specialFund: budget.specialFund ?? 0,
      districtBudget: budget.districtBudget ?? 0,
      donation: budget.donation ?? 0,
    },
    risk: r.risk ?? 'LOW',
    indicators: ((r.indicators as Record<string, unknown>[]) ?? []).map((i) => ({
      name: i.name,
      unit: i.unit,
      baseline: i.baseline ?? 0,
      target: i.target,
      actual: i.actual ?? null,
    })),
  };
}

async function applyPlan(ctx: Context, m: Mapped, before: ProjectRow | undefined, plan: Plan): Promise<void> {
  if (plan.kind === 'unchanged') return;
  let row: ProjectRow;
  let fixDates: Record<string, string | null>;
  if (plan.kind === 'create') {
    row = (await createProject(ctx, plan.input)) as ProjectRow;
    // Creating starts at PROPOSED; the life cycle is walked to the file's state below, and the
    // actual dates the transitions fill in with today are put back to what the file says.
    fixDates = { actualStart: m.fields.actualStart ?? null, actualEnd: m.fields.actualEnd ?? null };
  } else {
    row = before!;
    if (Object.keys(plan.changes).length > 0)
      row = await updateProject(ctx, String(row._id), row.version, { ...keptFields(row), ...plan.changes });
    fixDates = plan.fixDates;
  }
  for (const status of plan.path) {
    const reason = STATUSES_NEEDING_REASON.includes(status) ? IMPORT_REASON : null;
    row = await changeProjectStatus(ctx, String(row._id), row.version, status, reason);
  }
  const r = row as ProjectRow & Record<string, unknown>;
  const dateChanges = Object.fromEntries(Object.entries(fixDates).filter(([k, v]) => (r[k] ?? null) !== v));
  if (Object.keys(dateChanges).length > 0)
    await updateProject(ctx, String(row._id), row.version, { ...keptFields(row), ...dateChanges });
}
