import { officeDate } from '@pat/shared';
import { startTestApp } from '../../test/app';
import { useTestDatabase } from '../../test/db';
import { reconcileRollups } from '../modules/analytics/rollup.maintain';
import { DASHBOARD_QUERY, expected, loadRaw } from '../modules/analytics/testing';
import { ProjectModel } from '../modules/projects/project.model';
import { ok } from '../modules/regions/testing';
import { seedScale } from './scale';

useTestDatabase();
jest.setTimeout(600_000);

const thisYear = Number(officeDate().slice(0, 4));

describe('the scale seed at 0.01', () => {
  let report: Record<string, number>;
  beforeAll(async () => {
    report = await seedScale(0.01, { info: () => {} });
  });

  it('writes a hundredth of the planned volumes over ten years, deterministically', async () => {
    expect(report).toMatchObject({ projects: 200, agreements: 30, liaisonActivities: 500 });
    expect(report.milestones).toBeGreaterThan(1200);
    expect(report.ledgerEntries).toBeGreaterThan(1500);
    const years = (await ProjectModel.distinct('plannedStart')).map((d) => Number(String(d).slice(0, 4)));
    expect(Math.min(...years)).toBe(thisYear - 9);
    expect(Math.max(...years)).toBe(thisYear);
    // Seeding again adds nothing.
    expect(await seedScale(0.01, { info: () => {} })).toEqual({});
  });

  it('builds roll-ups equal to a from-scratch computation', async () => {
    expect((await reconcileRollups()).repaired).toEqual([]);
  });

  it('answers the dashboard with what the raw records add up to', async () => {
    const app = await startTestApp();
    try {
      const client = app.client();
      await client.login('manager');
      const raw = await loadRaw();
      for (const f of [
        { year: thisYear },
        { year: thisYear - 4, regionCode: '650000' },
        { year: thisYear - 1, sector: 'HEALTH' },
      ]) {
        const d = ok(
          await client.gql<{
            dashboardHeadline: unknown;
            spendingBySector: unknown;
            disbursementsByMonth: unknown;
            milestonesByMonth: unknown;
          }>(DASHBOARD_QUERY, { f }),
        );
        const want = expected(raw, f);
        expect(d.dashboardHeadline).toEqual(want.headline);
        expect(d.spendingBySector).toEqual(want.bySector);
        expect(d.disbursementsByMonth).toEqual(want.disbursementsByMonth);
        expect(d.milestonesByMonth).toEqual(want.milestonesByMonth);
      }
    } finally {
      await app.stop();
    }
  });
});
