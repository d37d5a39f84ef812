// Builds one IATI 2.03 `iati-activities` document from projects the user may read.
import type { ProjectStatus } from '@pat/shared';
import { Types } from 'mongoose';
import type { Config } from '../../../config/config';
import type { CurrentUser } from '../../../graphql/context';
import { badInput } from '../../../graphql/errors';
import { DocumentModel } from '../../documents/document.model';
import { LedgerEntryModel } from '../../fund/fund.model';
import { ProjectModel } from '../../projects/project.model';
import { projectFilter, type ProjectFilter, type ProjectRow } from '../../projects/projects.service';
import { RegionModel } from '../../regions/region.model';
import { ACTIVITY_STATUS, fileFormat, PAT_NS } from './mapping';
import { fenToDecimal } from './money';
import { el, textEl, writeEl, type El } from './xml';

/** More projects than this in one document: the request is refused and asks for a narrower filter. */
export const MAX_EXPORT_PROJECTS = 5000;

export type IatiExportOptions = {
  /** Selected project ids; when given, the filter still applies (scope, archived) on top. */
  ids?: string[];
  filter?: ProjectFilter;
  /** Absolute base URL of the app, for document links (no trailing slash). */
  baseUrl: string;
  /** When the document says it was generated (tests pin it). */
  now?: Date;
};

type Indicator = {
  _id: Types.ObjectId;
  name: { zh: string; en: string };
  unit: string;
  baseline: number;
  target: number;
  actual: number | null;
};

type Ledger = { _id: Types.ObjectId; kind: string; date: string; amount: number; projectId: Types.ObjectId };

/** What each ledger movement is in IATI: transaction type and sign (see docs/iati.md). */
const TRANSACTION_OF: Record<string, { type: '2' | '3'; sign: 1 | -1; zh: string; en: string }> = {
  ALLOCATION: { type: '2', sign: 1, zh: '专项资金安排批准', en: 'Special-fund allocation approved' },
  ALLOCATION_REVERSAL: { type: '2', sign: -1, zh: '专项资金安排冲销', en: 'Special-fund allocation reversed' },
  CARRY_OUT: { type: '2', sign: -1, zh: '结转至下一年度', en: 'Carried over to the next year' },
  CARRY_IN: { type: '2', sign: 1, zh: '自上一年度结转', en: 'Carried over from the previous year' },
  DISBURSEMENT: { type: '3', sign: 1, zh: '专项资金拨付', en: 'Special-fund disbursement' },
  DISBURSEMENT_REVERSAL: { type: '3', sign: -1, zh: '拨付冲销', en: 'Disbursement reversed' },
};

const narratives = (text: { zh?: string | null; en?: string | null }): El[] => {
  const out: El[] = [];
  if (text.zh?.trim()) out.push(textEl('narrative', text.zh, { 'xml:lang': 'zh' }));
  if (text.en?.trim()) out.push(textEl('narrative', text.en, { 'xml:lang': 'en' }));
  return out;
};

/** Days from 1970-01-01 of a YYYY-MM-DD date (calendar arithmetic only). */
const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

/**
 * Splits a budget over the calendar years of the planned period (IATI wants budget periods of at
 * most a year), proportionally to the days in each year, with exact integer fen: the parts add up
 * to the whole (largest remainder, BigInt so no product overflows).
 */
export function budgetPeriods(start: string, end: string, totalFen: number) {
  const from = Number(start.slice(0, 4));
  const to = Number(end.slice(0, 4));
  const spans: { start: string; end: string; days: bigint }[] = [];
  for (let year = from; year <= to; year += 1) {
    const s = year === from ? start : `${year}-01-01`;
    const e = year === to ? end : `${year}-12-31`;
    spans.push({ start: s, end: e, days: BigInt(dayNumber(e) - dayNumber(s) + 1) });
  }
  const totalDays = spans.reduce((sum, s) => sum + s.days, 0n);
  const total = BigInt(totalFen);
  const parts = spans.map((s) => ({ ...s, fen: (total * s.days) / totalDays, rest: (total * s.days) % totalDays }));
  let left = total - parts.reduce((sum, p) => sum + p.fen, 0n);
  for (const p of [...parts].sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : 0))) {
    if (left <= 0n) break;
    p.fen += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ start: p.start, end: p.end, fen: Number(p.fen) }));
}

/** The projects to export: the user's scope and the list filter, optionally narrowed to chosen ids. */
async function projectsFor(user: CurrentUser, options: IatiExportOptions): Promise<ProjectRow[]> {
  const base = projectFilter(user, options.filter ?? {});
  let query = base;
  if (options.ids && options.ids.length > 0) {
    if (options.ids.some((id) => !Types.ObjectId.isValid(id))) throw badInput('ids', 'must be project ids');
    query = { $and: [base, { _id: { $in: options.ids.map((id) => new Types.ObjectId(id)) } }] };
  }
  const count = await ProjectModel.collection.countDocuments(query);
  if (count > MAX_EXPORT_PROJECTS)
    throw badInput(
      'filter',
      `matches ${count} projects; one IATI document holds at most ${MAX_EXPORT_PROJECTS}: narrow the filter`,
    );
  const projects = (await ProjectModel.collection.find(query).sort({ code: 1 }).toArray()) as ProjectRow[];
  if (options.ids && options.ids.length > 0) {
    // A chosen project that is unknown, out of scope or outside the filter is named, not silently left out.
    const found = new Set(projects.map((p) => String(p._id)));
    const missing = [...new Set(options.ids)].filter((id) => !found.has(id));
    if (missing.length > 0) throw badInput('ids', `no project you may read matches ${missing.slice(0, 20).join(', ')}`);
  }
  return projects;
}

/** The whole document as a string (built in memory: the project cap bounds its size). */
export async function buildIatiXml(user: CurrentUser, config: Config, options: IatiExportOptions) {
  const projects = await projectsFor(user, options);
  const ids = projects.map((p) => p._id);
  const [ledger, documents, regions] = await Promise.all([
    LedgerEntryModel.collection
      .find({ projectId: { $in: ids }, kind: { $in: Object.keys(TRANSACTION_OF) } })
      .sort({ date: 1, _id: 1 })
      .toArray() as Promise<Ledger[]>,
    DocumentModel.collection
      .find({ recordKind: 'PROJECT', recordId: { $in: ids.map(String) }, archived: false })
      .sort({ uploadedAt: 1 })
      .toArray(),
    RegionModel.collection.find({ code: { $in: [...new Set(projects.map((p) => String(p.regionCode)))] } }).toArray(),
  ]);
  const ledgerOf = groupBy(ledger, (e) => String(e.projectId));
  const documentsOf = groupBy(documents, (d) => String(d.recordId));
  const regionOf = new Map(regions.map((r) => [String(r.code), r]));
  const now = options.now ?? new Date();
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  out.push(`<iati-activities version="2.03" generated-datetime="${stamp}" xmlns:pat="${PAT_NS}">\n`);
  for (const p of projects) {
    const activity = activityOf(p, {
      config,
      baseUrl: options.baseUrl,
      ledger: ledgerOf.get(String(p._id)) ?? [],
      documents: documentsOf.get(String(p._id)) ?? [],
      region: regionOf.get(String(p.regionCode)),
    });
    writeEl(activity, out, '  ');
  }
  out.push('</iati-activities>\n');
  return { xml: out.join(''), count: projects.length };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

type Related = {
  config: Config;
  baseUrl: string;
  ledger: Ledger[];
  documents: Record<string, unknown>[];
  region: Record<string, unknown> | undefined;
};

function activityOf(p: ProjectRow, r: Related): El {
  const { config } = r;
  const status = p.status as ProjectStatus;
  const description = (p.description ?? { zh: '', en: '' }) as { zh: string; en: string };
  const budget = (p.budget ?? {}) as { specialFund?: number };
  const updated = p.updatedAt instanceof Date ? p.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
  const plannedStart = String(p.plannedStart);
  const plannedEnd = String(p.plannedEnd);
  const region = r.region;
  const regionName = (region?.name ?? {}) as { zh?: string; en?: string };
  const location = (region?.location ?? {}) as { lat?: number; lng?: number };
  const hasPoint = Number.isFinite(location.lat) && Number.isFinite(location.lng);
  const indicators = (p.indicators as Indicator[] | undefined) ?? [];
  const orgName = { zh: config.IATI_ORG_NAME_ZH, en: config.IATI_ORG_NAME_EN };
  const committed = status !== 'PROPOSED';

  return el(
    'iati-activity',
    {
      'last-updated-datetime': updated,
      'xml:lang': 'zh',
      'default-currency': 'CNY',
      hierarchy: 1,
    },
    textEl('iati-identifier', `${config.IATI_ORG_REF}-${p.code}`),
    el('reporting-org', { ref: config.IATI_ORG_REF, type: config.IATI_ORG_TYPE }, ...narratives(orgName)),
    el('title', {}, ...narratives(p.name)),
    // A description is required: a project without one repeats its title, marked so imports skip it.
    description.zh || description.en
      ? el('description', { type: 1 }, ...narratives(description))
      : el('description', { type: 1, 'pat:from': 'title' }, ...narratives(p.name)),
    el('participating-org', { ref: config.IATI_ORG_REF, type: config.IATI_ORG_TYPE, role: 1 }, ...narratives(orgName)),
    el('participating-org', { role: 4 }, textEl('narrative', String(p.implementingUnit), { 'xml:lang': 'zh' })),
    // pat:status keeps the exact state where IATI has one code for two of ours (proposed/approved).
    el('activity-status', { code: ACTIVITY_STATUS[status], 'pat:status': status }),
    el('activity-date', { type: 1, 'iso-date': plannedStart }),
    p.actualStart ? el('activity-date', { type: 2, 'iso-date': String(p.actualStart) }) : null,
    el('activity-date', { type: 3, 'iso-date': plannedEnd }),
    p.actualEnd ? el('activity-date', { type: 4, 'iso-date': String(p.actualEnd) }) : null,
    el('activity-scope', { code: 6 }), // sub-national: single administrative area
    el('recipient-country', { code: 'CN', percentage: 100 }),
    el(
      'location',
      { ref: String(p.regionCode) },
      el('location-reach', { code: 2 }), // the beneficiaries' location
      el('name', {}, ...narratives(regionName.zh ? regionName : { zh: String(p.regionCode) })),
      hasPoint
        ? el(
            'point',
            { srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326' },
            textEl('pos', `${location.lat} ${location.lng}`),
          )
        : null,
      hasPoint ? el('exactness', { code: 2 }) : null, // approximate: the region's seat, not the site
      el('location-class', { code: 1 }), // administrative region
    ),
    el('sector', { vocabulary: 1, code: String(p.dacCode), percentage: 100 }),
    ...(Number(budget.specialFund ?? 0) > 0
      ? budgetPeriods(plannedStart, plannedEnd, Number(budget.specialFund)).map((b) =>
          el(
            'budget',
            { type: 1, status: committed ? 2 : 1 },
            el('period-start', { 'iso-date': b.start }),
            el('period-end', { 'iso-date': b.end }),
            textEl('value', fenToDecimal(b.fen), { currency: 'CNY', 'value-date': b.start }),
          ),
        )
      : []),
    ...r.ledger.map((e) => {
      const t = TRANSACTION_OF[e.kind]!;
      return el(
        'transaction',
        { ref: String(e._id) },
        el('transaction-type', { code: t.type }),
        el('transaction-date', { 'iso-date': e.date }),
        textEl('value', fenToDecimal(t.sign * e.amount), { currency: 'CNY', 'value-date': e.date }),
        el('description', {}, ...narratives(t)),
      );
    }),
    ...r.documents.map((d) =>
      el(
        'document-link',
        { format: fileFormat(String(d.contentType)), url: `${r.baseUrl}/api/documents/${String(d._id)}` },
        el('title', {}, textEl('narrative', String(d.title), { 'xml:lang': 'zh' })),
        el('category', { code: 'A07' }), // review of project performance: evidence and acceptance files
        d.uploadedAt instanceof Date
          ? el('document-date', { 'iso-date': d.uploadedAt.toISOString().slice(0, 10) })
          : null,
      ),
    ),
    ...indicators.map((i) =>
      el(
        'result',
        { type: 1, 'aggregation-status': 0 },
        el('title', {}, ...narratives(i.name)),
        el(
          'indicator',
          { measure: 1, ascending: i.target >= i.baseline ? 1 : 0 },
          el('title', {}, ...narratives(i.name)),
          el('description', {}, textEl('narrative', `${i.unit}`, { 'xml:lang': 'zh' })),
          el('baseline', { year: Number(plannedStart.slice(0, 4)), 'iso-date': plannedStart, value: i.baseline }),
          el(
            'period',
            {},
            el('period-start', { 'iso-date': plannedStart }),
            el('period-end', { 'iso-date': plannedEnd }),
            el('target', { value: i.target }),
            i.actual === null || i.actual === undefined ? null : el('actual', { value: i.actual }),
          ),
        ),
      ),
    ),
  );
}
