// Words the exported and imported files use, in both languages. Enum values are written as labels in
// the chosen language and read back from either language's label or the code itself.
import type { MilestoneStatus, ProjectStatus, RiskLevel, Sector } from '@pat/shared';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const langOf = (value: unknown): Lang => (value === 'en' ? 'en' : 'zh-CN');

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

export const SECTOR_LABELS: Labels<Sector> = {
  EDUCATION: { zh: '教育', en: 'Education' },
  HEALTH: { zh: '卫生健康', en: 'Health' },
  INDUSTRY_EMPLOYMENT: { zh: '产业与就业', en: 'Industry and employment' },
  INFRASTRUCTURE: { zh: '基础设施', en: 'Infrastructure' },
  TALENT_EXCHANGE: { zh: '人才交流', en: 'Talent exchange' },
  CULTURE: { zh: '文化', en: 'Culture' },
  SCIENCE_TECHNOLOGY: { zh: '科技', en: 'Science and technology' },
  LIVELIHOOD_POVERTY: { zh: '民生与帮扶', en: 'Livelihood and poverty relief' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const PROJECT_STATUS_LABELS: Labels<ProjectStatus> = {
  PROPOSED: { zh: '已提出', en: 'Proposed' },
  APPROVED: { zh: '已批准', en: 'Approved' },
  IN_PROGRESS: { zh: '实施中', en: 'In progress' },
  COMPLETED: { zh: '已完工', en: 'Completed' },
  ACCEPTED: { zh: '已验收', en: 'Accepted' },
  SUSPENDED: { zh: '已暂停', en: 'Suspended' },
  CANCELLED: { zh: '已取消', en: 'Cancelled' },
};

export const RISK_LABELS: Labels<RiskLevel> = {
  LOW: { zh: '低', en: 'Low' },
  MEDIUM: { zh: '中', en: 'Medium' },
  HIGH: { zh: '高', en: 'High' },
};

export const MILESTONE_STATUS_LABELS: Labels<MilestoneStatus> = {
  PENDING: { zh: '待完成', en: 'Pending' },
  DONE: { zh: '已完成', en: 'Done' },
  LATE: { zh: '延期', en: 'Late' },
  AT_RISK: { zh: '有风险', en: 'At risk' },
};

export const label = <K extends string>(labels: Labels<K>, value: string | null | undefined, lang: Lang): string =>
  value ? (labels[value as K]?.[lang === 'en' ? 'en' : 'zh'] ?? value) : '';

/** The code a cell names, by code or by either language's label; undefined when it names none. */
export function codeOf<K extends string>(labels: Labels<K>, text: string): K | undefined {
  const t = text.trim().toLowerCase();
  return (Object.keys(labels) as K[]).find(
    (k) => k.toLowerCase() === t || labels[k].zh === text.trim() || labels[k].en.toLowerCase() === t,
  );
}
