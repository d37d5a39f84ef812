import type { ProjectStatus, Sector } from '@pat/shared';
import { Types } from 'mongoose';
import { ProjectModel } from '../src/modules/projects/project.model';
import { seedBase } from '../src/seed/demo';

let seq = 0;

/** Writes a real project row (regions must be seeded; seedDemo does it). */
export async function createProject(
  fields: Partial<{
    code: string;
    regionCode: string;
    regionPath: string[];
    sector: Sector;
    status: ProjectStatus;
    officerIds: Types.ObjectId[];
    nextDueDate: string | null;
    plannedStart: string;
    plannedEnd: string;
    nameZh: string;
  }> = {},
) {
  seq += 1;
  const code = fields.code ?? `T-${String(seq).padStart(4, '0')}`;
  const nameZh = fields.nameZh ?? `测试项目${seq}`;
  return ProjectModel.create({
    code,
    name: { zh: nameZh, en: `Test project ${seq}` },
    regionCode: fields.regionCode ?? '653125',
    regionPath: fields.regionPath ?? ['650000', '653100', fields.regionCode ?? '653125'],
    sector: fields.sector ?? 'EDUCATION',
    dacCode: '11120',
    implementingUnit: '市教育局',
    officerIds: fields.officerIds ?? [],
    plannedStart: fields.plannedStart ?? '2026-01-01',
    plannedEnd: fields.plannedEnd ?? '2026-12-31',
    status: fields.status ?? 'PROPOSED',
    nextDueDate: fields.nextDueDate ?? null,
    search: `${code} ${nameZh} test project ${seq}`.toLowerCase(),
    createdBy: new Types.ObjectId(),
  });
}

/** Regions and the demo users, without the demo records (tests make their own). */
export const seedRegions = () => seedBase({ info: () => {} });
