import { createProjectInput, MAX_FEN, updateProjectInput } from '@pat/shared';
import dayjs, { type Dayjs } from 'dayjs';
import type { CreateProjectInput, RiskLevel, Sector } from '../../generated/graphql';
import type { EditableProject } from './projectForm.graphql';
import { fenToYuan, yuanToFen, type YuanParse } from '../../components/yuan';

export type IndicatorValues = {
  nameZh?: string;
  nameEn?: string;
  unit?: string;
  baseline?: number | null;
  target?: number | null;
  actual?: number | null;
};

export type ProjectFormValues = {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  regionCode?: string;
  sector?: Sector;
  implementingUnit?: string;
  officerIds: string[];
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  specialFund?: string;
  districtBudget?: string;
  donation?: string;
  risk: RiskLevel;
  indicators: IndicatorValues[];
};

export const BUDGET_FIELDS = ['specialFund', 'districtBudget', 'donation'] as const;
export type BudgetField = (typeof BUDGET_FIELDS)[number];

export const EMPTY_PROJECT_FORM: ProjectFormValues = {
  officerIds: [],
  specialFund: '0',
  districtBudget: '0',
  donation: '0',
  risk: 'LOW',
  indicators: [],
};

export function toFormValues(p: EditableProject): ProjectFormValues {
  return {
    code: p.code,
    nameZh: p.name.zh,
    nameEn: p.name.en,
    regionCode: p.region.code,
    sector: p.sector,
    implementingUnit: p.implementingUnit,
    officerIds: p.officers.map((o) => o.id),
    plannedStart: dayjs(p.plannedStart),
    plannedEnd: dayjs(p.plannedEnd),
    specialFund: fenToYuan(p.budget.specialFund),
    districtBudget: fenToYuan(p.budget.districtBudget),
    donation: fenToYuan(p.budget.donation),
    risk: p.risk,
    indicators: p.indicators.map((i) => ({
      nameZh: i.name.zh,
      nameEn: i.name.en,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      actual: i.actual ?? null,
    })),
  };
}

export const parseYuan = (text: string | undefined): YuanParse => yuanToFen(text?.trim() || '0', MAX_FEN);

const fenOf = (text: string | undefined): string => {
  const parsed = parseYuan(text);
  return 'fen' in parsed ? parsed.fen : '0';
};

/** The API input for these values; amounts must already have passed parseYuan. */
export function toProjectInput(v: ProjectFormValues): CreateProjectInput {
  return {
    code: v.code?.trim() ?? '',
    name: { zh: v.nameZh?.trim() ?? '', en: v.nameEn?.trim() ?? '' },
    regionCode: v.regionCode ?? '',
    sector: v.sector ?? 'OTHER',
    implementingUnit: v.implementingUnit?.trim() ?? '',
    officerIds: v.officerIds,
    plannedStart: v.plannedStart?.format('YYYY-MM-DD') ?? '',
    plannedEnd: v.plannedEnd?.format('YYYY-MM-DD') ?? '',
    budget: { specialFund: fenOf(v.specialFund), districtBudget: fenOf(v.districtBudget), donation: fenOf(v.donation) },
    risk: v.risk,
    indicators: v.indicators.map((i) => ({
      name: { zh: i.nameZh?.trim() ?? '', en: i.nameEn?.trim() ?? '' },
      unit: i.unit?.trim() ?? '',
      baseline: i.baseline ?? 0,
      target: i.target ?? 0,
      actual: i.actual ?? null,
    })),
  };
}

export type FieldName = string | (string | number)[];
export type FieldProblem = { name: FieldName; message: string; path: string };

const INDICATOR_FIELDS: Record<string, string> = { 'name.zh': 'nameZh', 'name.en': 'nameEn', name: 'nameZh' };
const TOP_FIELDS: Record<string, string> = {
  'name.zh': 'nameZh',
  'name.en': 'nameEn',
  name: 'nameZh',
  'budget.specialFund': 'specialFund',
  'budget.districtBudget': 'districtBudget',
  'budget.donation': 'donation',
};

/** An API field path ("input.indicators.0.name.zh", "officerIds") → the form field showing it. */
export function formFieldFor(path: string): FieldName | undefined {
  const parts = path.replace(/^input\.?/, '').split('.');
  if (parts[0] === 'indicators' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const rest = parts.slice(2).join('.');
    const field =
      INDICATOR_FIELDS[rest] ?? (['unit', 'baseline', 'target', 'actual'].includes(rest) ? rest : undefined);
    return field ? ['indicators', Number(parts[1]), field] : undefined;
  }
  const joined = parts.join('.');
  const known = [
    'code',
    'regionCode',
    'sector',
    'implementingUnit',
    'officerIds',
    'plannedStart',
    'plannedEnd',
    'risk',
  ];
  return TOP_FIELDS[joined] ?? (known.includes(joined) ? joined : undefined);
}

/**
 * The shared zod schema the server applies, run before sending: whatever it refuses is shown on
 * its field. `code` is not part of an update.
 */
export function schemaProblems(input: CreateProjectInput, mode: 'create' | 'edit'): FieldProblem[] {
  const budget = input.budget ?? {};
  const candidate = {
    ...input,
    budget: {
      specialFund: Number(budget.specialFund ?? 0),
      districtBudget: Number(budget.districtBudget ?? 0),
      donation: Number(budget.donation ?? 0),
    },
    indicators: input.indicators?.map((i) => ({ ...i, actual: i.actual ?? null })),
  };
  const { code: _code, ...editable } = candidate;
  const result = mode === 'create' ? createProjectInput.safeParse(candidate) : updateProjectInput.safeParse(editable);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    const name = formFieldFor(path);
    return name ? [{ name, message: issue.message, path }] : [];
  });
}
