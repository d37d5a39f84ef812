import { officeDate } from '@pat/shared';
import { Types } from 'mongoose';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createProject, seedRegions } from '../../../test/projects';
import { MilestoneModel } from '../milestones/milestone.model';
import { countCommands, ok, signIn, type SignedIn } from '../regions/testing';

useTestDatabase();

const WITHOUT_PROJECT = `{ myWork { overdueMilestones { id title { zh } } } }`;
const WITH_PROJECT = `{ myWork { overdueMilestones { id title { zh } project { id code name { zh } } } } }`;
type Answer = {
  myWork: { overdueMilestones: { title: { zh: string }; project: { code: string; name: { zh: string } } }[] };
};

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn> = {};

const yesterday = () => {
  const d = new Date(`${officeDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

async function overdueMilestones(projectCount: number, perProject: number, officer: string) {
  for (let p = 0; p < projectCount; p++) {
    const project = await createProject({
      code: `MP-${officer}-${p}`,
      nameZh: `项目${p}`,
      officerIds: [new Types.ObjectId(as[officer]!.id)],
    });
    for (let m = 0; m < perProject; m++) {
      await MilestoneModel.create({
        projectId: project._id,
        regionPath: project.regionPath,
        title: { zh: `${project.code}/${m}`, en: '' },
        plannedDate: yesterday(),
        loggedBy: new Types.ObjectId(),
        loggedAt: new Date(),
      });
    }
  }
}

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(app, [
    { name: 'mp-few', role: 'officer' },
    { name: 'mp-many', role: 'officer' },
    { name: 'mp-spread', role: 'officer' },
  ]);
  await overdueMilestones(2, 3, 'mp-few');
  await overdueMilestones(3, 8, 'mp-many');
  await overdueMilestones(24, 1, 'mp-spread');
});
afterAll(() => app.stop());

describe('an overdue milestone in "my work" shows its project', () => {
  it('names each milestone’s own project', async () => {
    const work = ok(await as['mp-spread']!.gql<Answer>(WITH_PROJECT)).myWork.overdueMilestones;
    expect(work).toHaveLength(24);
    for (const m of work) expect(m.title.zh.startsWith(`${m.project.code}/`)).toBe(true);
    expect(work.find((m) => m.project.code === 'MP-mp-spread-7')?.project.name.zh).toBe('项目7');
  });

  it('reads each project once, however many of its milestones are listed', async () => {
    const cases = [
      { officer: 'mp-few', milestones: 6, projects: 2 },
      { officer: 'mp-many', milestones: 24, projects: 3 },
      { officer: 'mp-spread', milestones: 24, projects: 24 },
    ];
    for (const { officer, milestones, projects } of cases) {
      const without = await countCommands(() => as[officer]!.gql(WITHOUT_PROJECT));
      const withProjects = await countCommands(() => as[officer]!.gql(WITH_PROJECT));
      console.log(
        `${milestones} milestones of ${projects} projects: ${without} commands, with the projects ${withProjects}`,
      );
      // Lookups by _id (docs/ferretdb.md): one per distinct project, never one per milestone.
      expect(withProjects - without).toBeGreaterThanOrEqual(1);
      expect(withProjects - without).toBeLessThanOrEqual(projects);
    }
  });
});
